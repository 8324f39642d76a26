package io.github.groundedbot.knowledge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;

/** Where the fact base is read from, what a snippet may hold, and how edits are picked up. */
@ConfigMapping(prefix = "knowledge")
public interface KnowledgeConfig {

    /** Folder holding the {@code *.md} fact files, searched recursively (env {@code KNOWLEDGE_DIR}). */
    @WithDefault("knowledge")
    Path dir();

    /**
     * Longest snippet accepted, in words. all-MiniLM-L6-v2 reads 256 word pieces at most;
     * past about 200 words the tail of a snippet would be silently ignored by the embedding.
     */
    @WithDefault("200")
    int maxWords();

    /** Watching {@code dir} for added, edited and deleted files, which are then reloaded without a restart. */
    Watch watch();

    interface Watch {

        /** Set to false to load the fact base only at startup and on {@code POST /api/knowledge/reload}. */
        @WithDefault("true")
        boolean enabled();

        /**
         * How often file sizes and modification times are compared. A change is reloaded once it has
         * been stable for one interval, so a save in several writes is read whole, once.
         */
        @WithDefault("2s")
        Duration interval();
    }
}
