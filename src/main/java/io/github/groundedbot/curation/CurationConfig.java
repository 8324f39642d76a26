package io.github.groundedbot.curation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The curator console's log of unanswered questions, how it is grouped, and how much an export holds. */
@ConfigMapping(prefix = "curation")
public interface CurationConfig {

    /** The log of questions the bot refused, shown to curators so they see what facts to add. */
    Unanswered unanswered();

    /** Most entries one export of the unanswered log or of the feedback holds, newest first. */
    @WithDefault("100000")
    int maxExported();

    interface Unanswered {

        /**
         * Set to false to keep no log of unanswered questions at all. When on, a refused question is
         * kept as its text and the time it was asked: no conversation id, no address, no user.
         */
        @WithDefault("true")
        boolean enabled();

        /** How long a refused question is kept; older ones are dropped. */
        @WithDefault("30d")
        Duration retention();

        /** Most refused questions kept; past it the oldest are dropped first. */
        @WithDefault("10000")
        int maxEntries();

        /** Most recent refused questions the console groups (grouping embeds each distinct question once). */
        @WithDefault("2000")
        int maxGrouped();

        /**
         * Cosine similarity at or above which two refused questions fall in one group (all-MiniLM-L6-v2:
         * rewordings of one question score about 0.8 and more, questions on one topic about 0.5 to 0.7).
         */
        @WithDefault("0.75")
        double groupSimilarity();

        /** Snippets shown beside each group: the closest the fact base has to what was asked. */
        @WithDefault("3")
        int nearestSnippets();
    }
}
