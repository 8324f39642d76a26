package io.github.groundedbot.concurrent;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadFactory;

import static org.assertj.core.api.Assertions.assertThat;

class DaemonThreadsTest {

    @Test
    void threadsAreNumberedDaemonsThatNeverHoldTheJvmOpen() {
        ThreadFactory threads = DaemonThreads.factory("job");
        Thread first = threads.newThread(() -> { });
        Thread second = threads.newThread(() -> { });

        assertThat(first.isDaemon()).isTrue();
        assertThat(second.isDaemon()).isTrue();
        assertThat(first.getName()).isEqualTo("job-1");
        assertThat(second.getName()).isEqualTo("job-2");
    }
}
