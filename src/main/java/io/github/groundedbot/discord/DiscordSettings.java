package io.github.groundedbot.discord;

import io.github.groundedbot.chat.Retry;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** The Discord interactions endpoint. Off unless the public key is set; {@code /discord/*} then answers 503. */
@ConfigMapping(prefix = "discord")
public interface DiscordSettings {

    /**
     * The application's public key, 64 hex digits (env {@code DISCORD_PUBLIC_KEY}; Developer Portal →
     * General Information); every interaction's Ed25519 signature is checked with it.
     */
    Optional<String> publicKey();

    /** Base URL of the Discord API, where answers are sent through the interaction's webhook. Overridable for tests and proxies. */
    @WithDefault("https://discord.com/api/v10")
    String apiUrl();

    /** Sending an answer to Discord. */
    Retry retry();

    /** The public key when one is set and not blank. */
    default Optional<String> key() {
        return publicKey().filter(s -> !s.isBlank());
    }
}
