package io.github.groundedbot.conversation;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryConversationStoreTest {

    /** A clock the test moves by hand: expiry is checked without sleeping. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final InMemoryConversationStore store = new InMemoryConversationStore(clock, Duration.ofMinutes(30), 3);

    @Test
    void idleConversationsExpire() {
        store.save(conversation("a"));
        clock.advance(Duration.ofMinutes(29));
        assertThat(store.find("a")).isPresent();

        clock.advance(Duration.ofMinutes(2));
        assertThat(store.find("a")).as("idle for 31 minutes").isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void aNewTurnKeepsAConversationAlive() {
        store.save(conversation("a"));
        clock.advance(Duration.ofMinutes(20));
        store.save(conversation("a"));
        clock.advance(Duration.ofMinutes(20));
        assertThat(store.find("a")).isPresent();
    }

    @Test
    void theConversationJustSavedIsKeptPastTheCap() {
        for (int i = 0; i < 10; i++) {
            store.save(conversation("c" + i));
            assertThat(store.find("c" + i)).as("c" + i).isPresent();
        }
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void manyConversationsStayWithinTheCap() {
        for (int i = 0; i < 10_000; i++) {
            store.save(conversation("c" + i));
        }
        assertThat(store.size()).isEqualTo(3);
    }

    @Test
    void onlyTheLastTurnsAreKept() {
        Conversation c = Conversation.start("a", clock.instant());
        for (int i = 0; i < 10; i++) {
            c = c.with(new Turn("q" + i, "q" + i, List.of(), "", List.of("s" + i), true), 4, clock.instant());
        }
        assertThat(c.turns()).extracting(Turn::question).containsExactly("q6", "q7", "q8", "q9");
        assertThat(c.shown()).containsExactly("s6", "s7", "s8", "s9");
    }

    private Conversation conversation(String id) {
        return Conversation.start(id, clock.instant())
                .with(new Turn("q", "q", List.of(), "", List.of(), true), 6, clock.instant());
    }
}
