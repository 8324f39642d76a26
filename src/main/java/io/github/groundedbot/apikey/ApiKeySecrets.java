package io.github.groundedbot.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Makes new keys and the hashes configuration holds instead of them. */
public final class ApiKeySecrets {

    /** Marks the bot's keys, so secret scanners and people can tell them apart. */
    static final String PREFIX = "gbk_";
    /** 256 random bits: far beyond guessing, so one fast hash (no salt, no stretching) protects them. */
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {
    }

    /** A new key, e.g. {@code gbk_} and 43 URL-safe characters. */
    public static String newKey() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The key's SHA-256 in lower-case hex, as {@code api-keys.keys.<name>.hash} holds it. */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }
}
