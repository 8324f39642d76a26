package io.github.groundedbot.slack;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * The Slack adapter's settings. Both secrets are optional so the bot starts without Slack; the
 * {@code /slack/*} endpoints then answer 503.
 */
@ConfigMapping(prefix = "slack")
public interface SlackSettings {

    /** The app's signing secret (env {@code SLACK_SIGNING_SECRET}); every request from Slack is checked with it. */
    Optional<String> signingSecret();

    /** The bot token, {@code xoxb-...} (env {@code SLACK_BOT_TOKEN}); needed to reply to events, not to slash commands. */
    Optional<String> botToken();

    /** Base URL of the Slack Web API; the SDK calls {@code <api-url>/api/<method>}. Overridable for tests and proxies. */
    @WithDefault("https://slack.com")
    String apiUrl();

    Retry retry();

    Dedupe dedupe();

    /**
     * Posting a reply to Slack: tries and waits between them (doubling, Slack's Retry-After when
     * longer). The waits are timers: no thread sleeps through them.
     */
    interface Retry {

        /** Tries in all, the first included. */
        @WithDefault("4")
        int maxAttempts();

        /** Wait before the second try; doubles after each further failure. */
        @WithDefault("500ms")
        Duration initialBackoff();

        /** Longest wait between two tries, whatever Slack's Retry-After says. */
        @WithDefault("10s")
        Duration maxBackoff();

        /** Random spread added to or taken from each wait, so replies that failed together do not retry in step. */
        @WithDefault("100ms")
        Duration jitter();

        /** Longest one try may take, the HTTP call included; a try that takes longer fails and is retried. */
        @WithDefault("10s")
        Duration attemptTimeout();
    }

    /** Remembering events and slash commands already handled, so retries and replays get one reply. */
    interface Dedupe {

        /**
         * How long an event or command is remembered; Slack retries within about half an hour, and a
         * signed request is only accepted for five minutes.
         */
        @WithDefault("1h")
        Duration ttl();

        /**
         * Most events and commands remembered at once, so memory stays flat. Past it some are
         * forgotten before the TTL (Caffeine picks which), and a late retry of one of them is
         * answered again.
         */
        @WithDefault("100000")
        int maxEntries();
    }

    /** The signing secret when one is set and not blank. */
    default Optional<String> secret() {
        return signingSecret().filter(s -> !s.isBlank());
    }

    /** The bot token when one is set and not blank. */
    default Optional<String> token() {
        return botToken().filter(s -> !s.isBlank());
    }
}
