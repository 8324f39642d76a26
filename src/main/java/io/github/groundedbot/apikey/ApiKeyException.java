package io.github.groundedbot.apikey;

/**
 * A request's key is missing where one is needed, unknown, revoked (401), or not allowed on the
 * endpoint (403). The message never contains the key.
 */
public class ApiKeyException extends RuntimeException {

    private final int status;

    ApiKeyException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static ApiKeyException unauthorized(String message) {
        return new ApiKeyException(401, message);
    }

    static ApiKeyException forbidden(String message) {
        return new ApiKeyException(403, message);
    }

    /** 401 or 403. */
    public int status() {
        return status;
    }
}
