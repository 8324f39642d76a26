package io.github.groundedbot.admin;

import io.github.groundedbot.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;

/** Checks the {@code Authorization: Bearer <admin.token>} header of admin requests. */
@ApplicationScoped
public class AdminGuard {

    private static final String BEARER = "Bearer ";

    private final Optional<byte[]> tokenHash;

    public AdminGuard(AdminConfig config) {
        this.tokenHash = config.token().filter(t -> !t.isBlank()).map(AdminGuard::sha256);
    }

    /** Throws a problem (404 when admin is off, 401 when the token is missing or wrong) unless allowed. */
    public void check(String authorization) {
        byte[] expected = tokenHash.orElseThrow(() -> new ProblemException(404, "Not Found",
                "Admin endpoints are off: set ADMIN_TOKEN (admin.token) to turn them on."));
        if (!matches(expected, authorization)) {
            throw new ProblemException(401, "Unauthorized", "Send the admin token as 'Authorization: Bearer <token>'.",
                    Map.of("WWW-Authenticate", "Bearer realm=\"admin\""));
        }
    }

    /**
     * Whether the header carries the admin token, for public endpoints that show admins more
     * (a fact's file and line). Never throws: without the token the request is simply public.
     */
    public boolean allows(String authorization) {
        return tokenHash.map(expected -> matches(expected, authorization)).orElse(false);
    }

    private static boolean matches(byte[] expected, String authorization) {
        String presented = authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip() : "";
        // Hashing first makes the comparison constant-time whatever the lengths.
        return !presented.isEmpty() && MessageDigest.isEqual(expected, sha256(presented));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }
}
