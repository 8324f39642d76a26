package io.github.groundedbot.knowledge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

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
}
