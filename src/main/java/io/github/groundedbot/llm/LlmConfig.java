package io.github.groundedbot.llm;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Optional LLM phrasing of grounded answers through any OpenAI-compatible chat API (OpenAI,
 * vLLM, llama.cpp, Ollama). Off unless {@code answer.llm.base-url} is set; then the extractive
 * answer stays the fallback for every failure.
 */
@ConfigMapping(prefix = "answer.llm")
public interface LlmConfig {

    /** The API base, e.g. {@code http://localhost:11434/v1} (env {@code ANSWER_LLM_BASE_URL}). Absent: no LLM. */
    Optional<String> baseUrl();

    /** Model name the server knows (env {@code ANSWER_LLM_MODEL}). */
    @WithDefault("gpt-4o-mini")
    String model();

    /** Bearer token (env {@code ANSWER_LLM_API_KEY}); local servers usually need none. */
    Optional<String> apiKey();

    /** Longest wait for one LLM call; a hard deadline one second later bounds the whole call. */
    @WithDefault("10s")
    Duration timeout();

    /** Sampling temperature; 0 gives the same wording for the same facts. */
    @WithDefault("0")
    double temperature();

    /** Most tokens in one reply; answers stay under 600 characters anyway. */
    @WithDefault("300")
    int maxTokens();

    /** Ask the LLM to rewrite follow-ups into standalone questions (rule-based resolution is the fallback). */
    @WithDefault("false")
    boolean rewriteQueries();

    /**
     * Least share of a reply sentence's content words (stemmed; stop words and everyday words
     * aside) that the snippets it cites must contain; the question's words do not count. Lower
     * lets looser rewording through, higher drops more sentences in favour of the extractive answer.
     */
    @WithDefault("0.75")
    double minSupportedShare();
}
