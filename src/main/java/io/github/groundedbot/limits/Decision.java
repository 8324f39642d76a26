package io.github.groundedbot.limits;

import java.time.Duration;

/**
 * Whether a question may be answered now. A refusal says why in words any channel can show and
 * when to retry; each channel gives it its own shape (a 429 or 503 problem, an error frame, a chat
 * reply).
 */
public sealed interface Decision {

    Decision ALLOWED = new Allowed();

    /** Short name, also the WebSocket error frame's {@code code}: allowed, rate_limited or busy. */
    String code();

    /** The question may be answered. */
    record Allowed() implements Decision {
        @Override
        public String code() {
            return "allowed";
        }
    }

    /** Not now: retrying after {@link #retryAfter()} will work. */
    sealed interface Refusal extends Decision {

        /** Why, for the person or program that asked. */
        String message();

        Duration retryAfter();

        /** Whole seconds, at least 1, as {@code Retry-After} wants them. */
        default long retryAfterSeconds() {
            return Math.max(1, (retryAfter().toMillis() + 999) / 1000);
        }
    }

    /** The client asked more than its rate allows. */
    record RateLimited(Duration retryAfter) implements Refusal {
        @Override
        public String code() {
            return "rate_limited";
        }

        @Override
        public String message() {
            return "Too many questions from this client; retry in " + retryAfterSeconds() + " s.";
        }
    }

    /** Every place for answering is taken: the bot as a whole is overloaded. */
    record Busy(Duration retryAfter) implements Refusal {
        @Override
        public String code() {
            return "busy";
        }

        @Override
        public String message() {
            return "The bot is answering too many questions right now; retry in a moment.";
        }
    }
}
