package io.github.groundedbot.curation;

import java.util.List;

/**
 * The refused questions kept for curators, within {@code curation.unanswered.retention} and at most
 * {@code curation.unanswered.max-entries}. In memory by default; shared by every replica in Redis
 * when {@code state.store=redis}.
 */
public interface UnansweredLog {

    void add(UnansweredQuestion question);

    /** The newest {@code limit} questions still within the retention time, newest first. */
    List<UnansweredQuestion> recent(int limit);

    /** Forgets every question. */
    void clear();
}
