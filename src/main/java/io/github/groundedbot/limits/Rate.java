package io.github.groundedbot.limits;

/**
 * How fast one client may ask: {@code burst} questions at once, refilled at {@code perMinute}.
 *
 * @param perMinute questions per minute, sustained
 * @param burst     questions at once before the sustained rate applies
 */
public record Rate(int perMinute, int burst) {

    public Rate {
        perMinute = Math.max(1, perMinute);
        burst = Math.max(1, burst);
    }

    /** The rate of a client without an API key: {@code limits.questions-per-minute} and {@code limits.burst}. */
    static Rate anonymous(LimitsConfig config) {
        return new Rate(config.questionsPerMinute(), config.burst());
    }
}
