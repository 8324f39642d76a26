package io.github.groundedbot.curation;

import io.github.groundedbot.answer.Refused;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

import java.time.Clock;

/** Keeps each refused question in the {@link UnansweredLog}, unless {@code curation.unanswered.enabled=false}. */
@ApplicationScoped
public class UnansweredRecorder {

    private final UnansweredLog log;
    private final CurationConfig config;
    private final Clock clock;

    public UnansweredRecorder(UnansweredLog log, CurationConfig config, Clock clock) {
        this.log = log;
        this.config = config;
        this.clock = clock;
    }

    void onRefused(@ObservesAsync Refused refused) {
        if (config.unanswered().enabled()) {
            log.add(new UnansweredQuestion(clock.instant(), refused.question()));
        }
    }
}
