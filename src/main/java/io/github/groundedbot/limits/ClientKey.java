package io.github.groundedbot.limits;

/**
 * Whom a question counts against. Anonymous clients are told apart by address over REST and
 * WebSocket alike, so reconnecting or switching channel does not buy a fresh allowance; chat
 * platforms name their user; an integration is its API key, with the key's own rate.
 */
public sealed interface ClientKey {

    /** The rate limiter's key; the kinds never collide. */
    String id();

    /** An anonymous client at an address (see {@link ClientAddress}). */
    record Address(String address) implements ClientKey {
        @Override
        public String id() {
            return "address:" + address;
        }
    }

    /** A person on a chat platform, e.g. {@code ("slack", "T123:U456")}. */
    record ChatUser(String platform, String user) implements ClientKey {
        @Override
        public String id() {
            return "chat:" + platform + ":" + user;
        }
    }

    /** An integration holding the API key called {@code name}, limited at the key's own rate. */
    record Integration(String name, Rate rate) implements ClientKey {
        @Override
        public String id() {
            return "key:" + name;
        }
    }
}
