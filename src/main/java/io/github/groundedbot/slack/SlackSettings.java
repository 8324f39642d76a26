package io.github.groundedbot.slack;

import io.github.groundedbot.chat.Retry;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
}
