package io.github.groundedbot.slack;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The waits between tries to reconnect: {@code initial} after the first failure, doubling after
 * each further one up to {@code max}, give or take up to {@code jitter}.
 */
record ReconnectBackoff(Duration initial, Duration max, Duration jitter) {

    /** Doubling stops here: 2^20 times any sensible initial wait is past any sensible maximum. */
    private static final int MAX_DOUBLINGS = 20;

    ReconnectBackoff(SlackSettings.SocketMode settings) {
        this(settings.initialBackoff(), settings.maxBackoff(), settings.jitter());
    }

    /** @param failures failed tries in a row, at least 1 */
    Duration after(int failures) {
        Duration wait = initial.multipliedBy(1L << Math.min(Math.max(failures, 1) - 1, MAX_DOUBLINGS));
        if (wait.compareTo(max) > 0) {
            wait = max;
        }
        long spread = jitter.toMillis();
        long millis = wait.toMillis() + (spread == 0 ? 0 : ThreadLocalRandom.current().nextLong(-spread, spread + 1));
        return Duration.ofMillis(Math.max(0, millis));
    }
}
