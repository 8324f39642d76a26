package io.github.groundedbot.curation;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * {@link UnansweredLog} of one replica: a deque bounded in size, oldest first, trimmed at every use.
 * Questions are added in the order they were asked, so the oldest is always at the head.
 */
@DefaultBean
@ApplicationScoped
public class InMemoryUnansweredLog implements UnansweredLog {

    private final Duration retention;
    private final int maxEntries;
    private final Clock clock;
    private final Deque<UnansweredQuestion> questions = new ArrayDeque<>();

    @Inject
    public InMemoryUnansweredLog(CurationConfig config, Clock clock) {
        this(config.unanswered().retention(), config.unanswered().maxEntries(), clock);
    }

    InMemoryUnansweredLog(Duration retention, int maxEntries, Clock clock) {
        this.retention = retention;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public synchronized void add(UnansweredQuestion question) {
        questions.addLast(question);
        while (questions.size() > maxEntries) {
            questions.removeFirst();
        }
        expire();
    }

    @Override
    public synchronized List<UnansweredQuestion> recent(int limit) {
        expire();
        List<UnansweredQuestion> newestFirst = new ArrayList<>(Math.min(limit, questions.size()));
        Iterator<UnansweredQuestion> newest = questions.descendingIterator();
        while (newest.hasNext() && newestFirst.size() < limit) {
            newestFirst.add(newest.next());
        }
        return newestFirst;
    }

    @Override
    public synchronized void clear() {
        questions.clear();
    }

    private void expire() {
        Instant cutoff = clock.instant().minus(retention);
        while (!questions.isEmpty() && questions.peekFirst().at().isBefore(cutoff)) {
            questions.removeFirst();
        }
    }
}
