package io.github.groundedbot.slack;

import io.github.groundedbot.chat.SignedTime;
import io.github.groundedbot.problem.ProblemException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Checks Slack's request signature: {@code X-Slack-Signature} must be {@code v0=} + hex
 * HMAC-SHA256 of {@code v0:<timestamp>:<body>} keyed with the signing secret. Unlike the SDK's own
 * verifier it compares in constant time and refuses timestamps too far in the future as well as
 * the past, so a captured request cannot be replayed later.
 */
public final class SlackSignatureVerifier {

    public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Slack-Signature";

    private final SecretKeySpec key;
    private final Clock clock;

    public SlackSignatureVerifier(String signingSecret, Clock clock) {
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    /**
     * @param body the request body exactly as received: re-encoding it would change the bytes hashed
     * @throws ProblemException 401 when the request is not provably from Slack and recent
     */
    public void verify(String timestamp, String signature, byte[] body) {
        if (timestamp == null || timestamp.isBlank()) {
            throw rejected("The " + TIMESTAMP_HEADER + " header is missing.");
        }
        if (signature == null || signature.isBlank()) {
            throw rejected("The " + SIGNATURE_HEADER + " header is missing.");
        }
        // Digits only and short: a Unix time in seconds, which also keeps the arithmetic below from overflowing.
        if (!timestamp.matches("\\d{1,12}")) {
            throw rejected("The " + TIMESTAMP_HEADER + " header is not a Unix time in seconds.");
        }
        Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (!SignedTime.isFresh(sent, clock)) {
            throw rejected("The request timestamp is more than 5 minutes away from the server's clock.");
        }
        byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII))) {
            throw rejected("The request signature does not match.");
        }
    }

    /** {@code v0=} + lowercase hex HMAC-SHA256 of {@code v0:<timestamp>:<body>}. */
    String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256"); // not thread-safe: one per request
            mac.init(key);
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static ProblemException rejected(String detail) {
        return new ProblemException(401, "Invalid Slack request", detail);
    }
}
