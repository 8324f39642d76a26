package io.github.groundedbot.teams;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * The Microsoft Teams outgoing webhook. Off unless its security token is set; {@code /teams/*}
 * then answers 503.
 */
@ConfigMapping(prefix = "teams")
public interface TeamsSettings {

    /**
     * The outgoing webhook's security token, base64 as Teams shows it once when the webhook is created
     * (env {@code TEAMS_SECURITY_TOKEN}); every request's HMAC signature is checked with it.
     */
    Optional<String> securityToken();

    /**
     * How long a question may take before the reply says to ask again. Teams waits about 5 seconds
     * for the reply, the network included, and an outgoing webhook cannot post an answer later.
     */
    @WithDefault("4s")
    Duration replyTimeout();

    /** The security token when one is set and not blank. */
    default Optional<String> token() {
        return securityToken().filter(s -> !s.isBlank());
    }
}
