package io.github.groundedbot.conversation;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Conversation ids the server issues to clients: 128 random bits, URL-safe, so nobody can guess
 * another person's conversation. Stored conversations are keyed by channel and id together, so an
 * id given out on one channel never reaches a conversation of another.
 */
public final class ConversationIds {

    /** The longest id a client may send back; anything longer is refused as bad input. */
    public static final int MAX_LENGTH = 128;

    private static final int RANDOM_BYTES = 16;
    private static final Pattern ISSUED = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private ConversationIds() {
    }

    /** A new unguessable id. */
    public static String issue() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** True when the id has the shape of one this server issues. */
    public static boolean looksIssued(String id) {
        return id != null && ISSUED.matcher(id).matches();
    }

    /** The key a conversation is stored under: its channel and its id. */
    public static String key(String channel, String id) {
        return channel + ":" + id;
    }
}
