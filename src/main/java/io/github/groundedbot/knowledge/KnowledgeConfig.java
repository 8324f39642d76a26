package io.github.groundedbot.knowledge;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;

/** Where the fact base is read from, what a snippet may hold, and how edits are picked up. */
@ConfigMapping(prefix = "knowledge")
public interface KnowledgeConfig {

    /**
     * Folder holding the {@code *.md} fact files, searched recursively (env {@code KNOWLEDGE_DIR}).
     * Hidden entries (names starting with '.') are skipped, which makes a mounted Kubernetes ConfigMap
     * load each file once; links are followed only to files inside this folder.
     */
    @WithDefault("knowledge")
    Path dir();

    /**
     * Longest snippet accepted, in words. all-MiniLM-L6-v2 reads 256 word pieces at most;
     * past about 200 words the tail of a snippet would be silently ignored by the embedding.
     */
    @WithDefault("200")
    int maxWords();

    /**
     * Largest fact file read (e.g. {@code 512K}, {@code 2M}; at most {@code 1G}). A bigger file is a load
     * problem found from its size before it is read, so a huge file put in the folder by mistake
     * cannot exhaust memory.
     */
    @WithDefault("1M")
    MemorySize maxFileSize();

    /** Watching {@code dir} for added, edited and deleted files, which are then reloaded without a restart. */
    Watch watch();

    /** The curators' knowledge tests: the {@code *.tests.jsonl} files under {@code dir}, run at every load. */
    Tests tests();

    interface Tests {

        /**
         * Set to true to serve only a fact base whose knowledge tests all pass: a reload whose tests fail
         * keeps the last good index serving (like a broken edit), and failing tests stop startup. With
         * false, failures are reported (log, {@code GET /api/knowledge/status}, the console) and the
         * new fact base serves anyway; at startup it then serves before its tests run, so readiness
         * does not wait for them.
         */
        @WithDefault("false")
        boolean required();
    }

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

        /**
         * Longest wait for changed files to hold still. Files still changing after this are loaded as
         * they are, with a warning naming them, so one file that never stops changing cannot hold back
         * every other change.
         */
        @WithDefault("30s")
        Duration settleTimeout();
    }
}
