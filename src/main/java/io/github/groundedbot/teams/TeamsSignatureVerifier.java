package io.github.groundedbot.teams;

import io.github.groundedbot.problem.ProblemException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Checks a Teams outgoing webhook's signature: {@code Authorization: HMAC <base64>} must be the
 * HMAC-SHA256 of the raw body keyed with the base64-decoded security token, compared in constant time.
 */
final class TeamsSignatureVerifier {

    static final String SCHEME = "HMAC ";

    private final SecretKeySpec key;

    /** @throws IllegalArgumentException when the token is not base64, as Teams gives it */
    TeamsSignatureVerifier(String securityToken) {
        this.key = new SecretKeySpec(Base64.getDecoder().decode(securityToken.strip()), "HmacSHA256");
    }

    /**
     * @param body the request body exactly as received
     * @throws ProblemException 401 when the request is not provably from this webhook
     */
    void verify(String authorization, byte[] body) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw rejected("The Authorization header is missing or is not an HMAC signature.");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.substring(SCHEME.length()).strip());
        } catch (IllegalArgumentException e) {
            throw rejected("The HMAC signature is not base64.");
        }
        if (!MessageDigest.isEqual(sign(body), given)) {
            throw rejected("The request signature does not match.");
        }
    }

    /** HMAC-SHA256 of the body. */
    byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256"); // not thread-safe: one per request
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static ProblemException rejected(String detail) {
        return new ProblemException(401, "Invalid Teams request", detail);
    }
}
