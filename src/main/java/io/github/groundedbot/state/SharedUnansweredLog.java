package io.github.groundedbot.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.groundedbot.curation.CurationConfig;
import io.github.groundedbot.curation.InMemoryUnansweredLog;
import io.github.groundedbot.curation.UnansweredLog;
import io.github.groundedbot.curation.UnansweredQuestion;
import io.quarkus.redis.datasource.sortedset.ScoreRange;
import io.quarkus.redis.datasource.sortedset.SortedSetCommands;
import io.quarkus.redis.datasource.sortedset.ZRangeArgs;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The unanswered questions of every replica in one Redis sorted set, scored by when they were asked,
 * when {@code state.store=redis}: each write drops what is past the retention time or the size limit,
 * and the whole set expires once nothing was added for the retention time. In local memory when
 * Redis is off or unreachable.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class SharedUnansweredLog implements UnansweredLog {

    private static final Logger LOG = Logger.getLogger(SharedUnansweredLog.class);

    private final Redis redis;
    private final InMemoryUnansweredLog memory;
    private final CurationConfig.Unanswered config;
    private final ObjectMapper json;
    private final Clock clock;

    public SharedUnansweredLog(Redis redis, InMemoryUnansweredLog memory, CurationConfig config, ObjectMapper json,
                               Clock clock) {
        this.redis = redis;
        this.memory = memory;
        this.config = config.unanswered();
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void add(UnansweredQuestion question) {
        String key = key();
        // Written as JSON only for Redis: a question kept in memory is kept as it is.
        Optional<Boolean> added = redis.call(ds -> {
            SortedSetCommands<String, String> set = ds.sortedSet(String.class);
            set.zadd(key, question.at().toEpochMilli(), json(question));
            set.zremrangebyscore(key, new ScoreRange<>(Double.NEGATIVE_INFINITY, (double) cutoff()));
            set.zremrangebyrank(key, 0, -(long) config.maxEntries() - 1);
            ds.key(String.class).pexpire(key, config.retention());
            return Boolean.TRUE;
        });
        if (added.isEmpty()) {
            memory.add(question);
        }
    }

    private String json(UnansweredQuestion question) {
        try {
            return json.writeValueAsString(question);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a string and an instant always serialise
        }
    }

    @Override
    public List<UnansweredQuestion> recent(int limit) {
        // Newest first by rank; what the retention time dropped since the last write is left out here.
        Instant cutoff = clock.instant().minus(config.retention());
        return redis.call(ds -> ds.sortedSet(String.class).zrange(key(), 0, limit - 1L, new ZRangeArgs().rev()))
                .map(members -> parse(members).stream().filter(q -> !q.at().isBefore(cutoff)).toList())
                .orElseGet(() -> memory.recent(limit));
    }

    @Override
    public void clear() {
        redis.call(ds -> ds.key(String.class).del(key()));
        memory.clear();
    }

    private List<UnansweredQuestion> parse(List<String> members) {
        List<UnansweredQuestion> questions = new ArrayList<>(members.size());
        for (String member : members) {
            try {
                questions.add(json.readValue(member, UnansweredQuestion.class));
            } catch (JsonProcessingException e) {
                LOG.debugf("Skipping an unanswered question this version cannot read: %s", e.getOriginalMessage());
            }
        }
        return questions;
    }

    private long cutoff() {
        return clock.instant().minus(config.retention()).toEpochMilli();
    }

    private String key() {
        return redis.key("unanswered");
    }
}
