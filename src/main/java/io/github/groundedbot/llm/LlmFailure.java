package io.github.groundedbot.llm;

/**
 * A chat call that gave no usable reply. The reason is the tag of the fallback counter:
 * {@code timeout}, {@code rate-limited}, {@code http-error}, {@code malformed}, {@code interrupted}
 * or {@code error}.
 */
final class LlmFailure extends Exception {

    private final String reason;

    LlmFailure(String reason, Throwable cause) {
        super(reason, cause, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
