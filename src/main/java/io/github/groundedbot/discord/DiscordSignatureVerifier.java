package io.github.groundedbot.discord;

import io.github.groundedbot.chat.SignedTime;
import io.github.groundedbot.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Checks Discord's request signature: {@code X-Signature-Ed25519} must be the Ed25519 signature of
 * {@code X-Signature-Timestamp} followed by the raw body, made with the application's key, and the
 * timestamp must be within 5 minutes of the server's clock so a captured request cannot be replayed later.
 */
final class DiscordSignatureVerifier {

    static final String SIGNATURE_HEADER = "X-Signature-Ed25519";
    static final String TIMESTAMP_HEADER = "X-Signature-Timestamp";
    /** DER header of an X.509 SubjectPublicKeyInfo for Ed25519 (OID 1.3.101.112); the 32 raw key bytes follow. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final int KEY_BYTES = 32;
    private static final int SIGNATURE_BYTES = 64;

    private final PublicKey key;
    private final Clock clock;

    /** @throws IllegalArgumentException when {@code publicKeyHex} is not 32 bytes of hex */
    DiscordSignatureVerifier(String publicKeyHex, Clock clock) {
        this.key = publicKey(publicKeyHex.strip());
        this.clock = clock;
    }

    /**
     * @param body the request body exactly as received
     * @throws ProblemException 401 when the request is not provably from Discord and recent
     */
    void verify(String signature, String timestamp, byte[] body) {
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            throw rejected("The " + SIGNATURE_HEADER + " or " + TIMESTAMP_HEADER + " header is missing.");
        }
        if (!timestamp.matches("\\d{1,12}")) {
            throw rejected("The " + TIMESTAMP_HEADER + " header is not a Unix time in seconds.");
        }
        if (!SignedTime.isFresh(Instant.ofEpochSecond(Long.parseLong(timestamp)), clock)) {
            throw rejected("The request timestamp is more than 5 minutes away from the server's clock.");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.strip());
        } catch (IllegalArgumentException e) {
            throw rejected("The signature is not hex.");
        }
        if (given.length != SIGNATURE_BYTES || !valid(given, timestamp, body)) {
            throw rejected("The request signature does not match.");
        }
    }

    private boolean valid(byte[] signature, String timestamp, byte[] body) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519"); // not thread-safe: one per request
            ed25519.initVerify(key);
            ed25519.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            ed25519.update(body);
            return ed25519.verify(signature);
        } catch (SignatureException e) {
            return false; // a malformed signature
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java runtime from 15 on", e);
        }
    }

    private static PublicKey publicKey(String hex) {
        byte[] raw = HexFormat.of().parseHex(hex);
        if (raw.length != KEY_BYTES) {
            throw new IllegalArgumentException("An Ed25519 public key is " + KEY_BYTES + " bytes, got " + raw.length);
        }
        byte[] encoded = new byte[X509_PREFIX.length + KEY_BYTES];
        System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, KEY_BYTES);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key", e);
        }
    }

    private static ProblemException rejected(String detail) {
        return new ProblemException(401, "Invalid Discord request", detail);
    }
}
