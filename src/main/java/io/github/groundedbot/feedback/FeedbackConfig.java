package io.github.groundedbot.feedback;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

/** Where people's thumbs up / down on answers are kept, and how much a report may carry. */
@ConfigMapping(prefix = "feedback")
public interface FeedbackConfig {

    /**
     * The append-only JSONL file, one feedback entry per line (env {@code FEEDBACK_FILE}).
     * Relative paths resolve against the working directory; missing parent folders are created.
     * One file per replica: two processes never append to the same file.
     */
    @WithDefault("data/feedback.jsonl")
    Path file();

    /**
     * Size at which the file is rotated: it becomes {@code <file>.1} (older ones shift to
     * {@code .2}, {@code .3}, ...) and a new file is started.
     */
    @WithDefault("10M")
    MemorySize maxFileSize();

    /** Rotated files kept beside the current one; the oldest is deleted past this. 0 keeps none. */
    @WithDefault("5")
    int maxRotatedFiles();

    /** Longest question or answer kept, in characters (questions are capped at 1,000; answers are a few sentences). */
    @WithDefault("4000")
    int maxTextLength();

    /** Longest optional comment, in characters. */
    @WithDefault("1000")
    int maxCommentLength();

    /** Most entries one {@code GET /api/feedback} returns. */
    @WithDefault("500")
    int maxListed();
}
