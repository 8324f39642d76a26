package io.github.groundedbot.curation;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryUnansweredLogTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final InMemoryUnansweredLog log = new InMemoryUnansweredLog(Duration.ofDays(1), 3,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void listsTheNewestFirstAndDropsTheOldestPastTheSizeLimit() {
        String[] oldestFirst = {"a", "b", "c", "d"};
        for (int i = 0; i < oldestFirst.length; i++) {
            log.add(asked(oldestFirst[i], Duration.ofHours(oldestFirst.length - i)));
        }

        assertThat(log.recent(10)).extracting(UnansweredQuestion::question).containsExactly("d", "c", "b");
        assertThat(log.recent(2)).extracting(UnansweredQuestion::question).containsExactly("d", "c");
    }

    @Test
    void forgetsWhatIsPastTheRetentionTime() {
        log.add(asked("too old", Duration.ofDays(1).plusSeconds(1)));
        log.add(asked("just in time", Duration.ofDays(1).minusSeconds(1)));

        assertThat(log.recent(10)).extracting(UnansweredQuestion::question).containsExactly("just in time");

        log.clear();
        assertThat(log.recent(10)).isEmpty();
    }

    private static UnansweredQuestion asked(String question, Duration ago) {
        return new UnansweredQuestion(NOW.minus(ago), question);
    }
}
