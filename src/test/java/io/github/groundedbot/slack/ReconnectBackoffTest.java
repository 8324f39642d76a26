package io.github.groundedbot.slack;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ReconnectBackoffTest {

    private static final ReconnectBackoff STEADY =
            new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ZERO);

    @ParameterizedTest(name = "after {0} failures: {1} ms")
    @CsvSource({
            "1, 1000",
            "2, 2000",
            "3, 4000",
            "5, 16000",
            "6, 30000",
            "40, 30000",
            "2147483647, 30000",
            "0, 1000"})
    void waitsDoubleUpToTheMaximum(int failures, long millis) {
        assertThat(STEADY.after(failures)).isEqualTo(Duration.ofMillis(millis));
    }

    @RepeatedTest(20)
    void jitterStaysWithinItsSpreadAndNeverBelowZero() {
        ReconnectBackoff spread =
                new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMillis(300));
        assertThat(spread.after(1)).isBetween(Duration.ZERO, Duration.ofMillis(400));
        assertThat(spread.after(10)).isBetween(Duration.ofMillis(700), Duration.ofMillis(1300));
    }
}
