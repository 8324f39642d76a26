package io.github.groundedbot.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.groundedbot.limits.Decision;

/**
 * A question that got no answer, and why.
 *
 * @param code       {@code rate_limited} or {@code busy} when retrying later will work; absent otherwise
 * @param retryAfter seconds to wait before asking again, with a code
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorFrame(String type, String message, String code, Long retryAfter) {

    public static final String TYPE = "error";

    public static ErrorFrame of(String message) {
        return new ErrorFrame(TYPE, message, null, null);
    }

    /** A question refused by admission control: the client may retry after {@code retryAfter} seconds. */
    public static ErrorFrame of(Decision.Refusal refusal) {
        return new ErrorFrame(TYPE, refusal.message(), refusal.code(), refusal.retryAfterSeconds());
    }
}
