package io.github.groundedbot.llm;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Locale;

/**
 * What the LLM did, for operators: {@code bot.llm.phrased} answers, {@code bot.llm.fallback{stage,
 * reason}} when the rule-based result was used instead, {@code bot.llm.cut-short{reason}} when a
 * stream broke off after verified sentences went out, and {@code bot.llm.rejected{reason}} for each
 * sentence the verifier dropped. Each fallback also gets a log line.
 */
@ApplicationScoped
public class LlmMetrics {

    private static final Logger LOG = Logger.getLogger(LlmMetrics.class);

    /** The {@code stage} of a fallback. */
    enum Stage {
        PHRASE, REWRITE;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    public LlmMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void fallback(Stage stage, String reason, Throwable cause) {
        if (cause != null) {
            LOG.warnf("LLM %s failed (%s), using the rule-based result: %s", stage.tag(), reason, cause.toString());
        } else {
            LOG.infof("LLM %s not used (%s), using the rule-based result", stage.tag(), reason);
        }
        registry.counter("bot.llm.fallback", "stage", stage.tag(), "reason", reason).increment();
    }

    void phrased() {
        registry.counter("bot.llm.phrased").increment();
    }

    void cutShort(String reason) {
        registry.counter("bot.llm.cut-short", "reason", reason).increment();
    }

    void rejected(Rejection reason) {
        registry.counter("bot.llm.rejected", "reason", reason.tag()).increment();
    }
}
