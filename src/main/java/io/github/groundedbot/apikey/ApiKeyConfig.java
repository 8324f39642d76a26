package io.github.groundedbot.apikey;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Map;
import java.util.Set;

/**
 * Who may ask without a key, and the integrations' API keys. A key is configured by a name and
 * the SHA-256 of the key, never the key itself; {@code POST /api/admin/keys} makes one.
 */
@ConfigMapping(prefix = "api-keys")
public interface ApiKeyConfig {

    /** What anonymous clients (no key) may use. */
    Anonymous anonymous();

    /** The keys by name; the name tags the key's metrics and is safe to log. */
    Map<String, Key> keys();

    /** What anonymous clients may use. */
    interface Anonymous {

        /** Anonymous questions over REST ({@code POST /api/ask}); false makes integrations use a key. */
        @WithDefault("true")
        boolean ask();

        /** Anonymous WebSocket chat, which the bot's own page uses; false turns the page's chat off. */
        @WithDefault("true")
        boolean chat();
    }

    /** One integration's key. */
    interface Key {

        /** The key's SHA-256 as 64 hex digits, as {@code POST /api/admin/keys} prints it. */
        String hash();

        /** False revokes the key: requests with it get 401. */
        @WithDefault("true")
        boolean enabled();

        /** The endpoints this key may use ({@code ask}, {@code chat}); others answer 403. */
        @WithDefault("ask,chat")
        Set<Endpoint> endpoints();

        /** Questions per minute this key may ask, sustained, over every replica with {@code state.store=redis}. */
        @WithDefault("600")
        int questionsPerMinute();

        /** Questions this key may ask at once before its per-minute rate applies. */
        @WithDefault("60")
        int burst();
    }
}
