package io.github.groundedbot.slack;

import io.github.groundedbot.chat.Retry;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * The Slack adapter's settings. Every secret is optional so the bot starts without Slack; the
 * {@code /slack/*} endpoints then answer 503, and no Socket Mode connection is opened.
 */
@ConfigMapping(prefix = "slack")
public interface SlackSettings {

    /** The app's signing secret (env {@code SLACK_SIGNING_SECRET}); every request from Slack is checked with it. */
    Optional<String> signingSecret();

    /** The bot token, {@code xoxb-...} (env {@code SLACK_BOT_TOKEN}); needed to reply to events, not to slash commands. */
    Optional<String> botToken();

    /**
     * The app-level token, {@code xapp-...} (env {@code SLACK_APP_TOKEN}), with the {@code connections:write}
     * scope. When set, the bot opens a Socket Mode connection to Slack itself, so Slack needs no public URL.
     */
    Optional<String> appToken();

    /** The Socket Mode connection, opened when {@code slack.app-token} is set. */
    SocketMode socketMode();

    /** Base URL of the Slack Web API; the SDK calls {@code <api-url>/api/<method>}. Overridable for tests and proxies. */
    @WithDefault("https://slack.com")
    String apiUrl();

    /** Posting a reply to Slack. */
    Retry retry();

    /** The signing secret when one is set and not blank. */
    default Optional<String> secret() {
        return signingSecret().filter(s -> !s.isBlank());
    }

    /** The bot token when one is set and not blank. */
    default Optional<String> token() {
        return botToken().filter(s -> !s.isBlank());
    }

    /** The app-level token when one is set and not blank. */
    default Optional<String> socketModeToken() {
        return appToken().filter(s -> !s.isBlank());
    }

    /** Keeping the Socket Mode connection up. */
    interface SocketMode {

        /**
         * How often the open connection is checked with a WebSocket ping; one that does not answer
         * within 3 seconds is replaced with a new connection.
         */
        @WithDefault("10s")
        Duration checkInterval();

        /** Wait after the first failed try to connect; doubles after each further failure. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** Longest wait between two tries to connect. */
        @WithDefault("2m")
        Duration maxBackoff();

        /** Random spread added to or taken from each wait, so replicas that lost Slack together do not retry together. */
        @WithDefault("250ms")
        Duration jitter();
    }
}
