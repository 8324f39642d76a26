package io.github.groundedbot.chat;

import java.time.Duration;
import java.util.Optional;

/** A failed try at sending a reply: retryable ones are tried again, after at least {@code retryAfter} when the platform says so. */
public final class DeliveryFailure extends Exception {

    private static final int MAX_DETAIL = 200;

    private final boolean retryable;
    private final Duration retryAfter;

    private DeliveryFailure(String message, boolean retryable, Duration retryAfter) {
        super(message, null, false, false);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** Worth another try: a network error, a rate limit, the platform being down. */
    public static DeliveryFailure retryable(String message, Duration retryAfter) {
        return new DeliveryFailure(message, true, retryAfter);
    }

    /** Another try would fail the same way: a bad token, a channel that is gone. */
    public static DeliveryFailure permanent(String message) {
        return new DeliveryFailure(message, false, null);
    }

    /**
     * The failure an HTTP status stands for: 429 and 5xx are retryable (after {@code Retry-After}
     * seconds when given), every other status is permanent.
     */
    public static DeliveryFailure ofStatus(int status, String retryAfter, String body) {
        String reason = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + abbreviate(body));
        return status == 429 || status >= 500 ? retryable(reason, seconds(retryAfter)) : permanent(reason);
    }

    public boolean isRetryable() {
        return retryable;
    }

    /** How long the platform asked to wait, when it did. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    private static Duration seconds(String retryAfter) {
        return retryAfter != null && retryAfter.strip().matches("\\d{1,6}")
                ? Duration.ofSeconds(Long.parseLong(retryAfter.strip())) : null;
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL) + "…";
    }
}
