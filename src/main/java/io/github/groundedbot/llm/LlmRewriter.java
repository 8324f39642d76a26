package io.github.groundedbot.llm;

import io.github.groundedbot.conversation.Turn;
import io.github.groundedbot.llm.LlmMetrics.Stage;
import io.github.groundedbot.question.FollowUpRewriter;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;

/**
 * Rewrites a follow-up ("Who released it?") into a standalone question with the LLM, when
 * {@code answer.llm.rewrite-queries} is on. A rewrite that fails the {@link RewriteCheck}, or a
 * failed call, keeps the rule-based reading.
 */
@ApplicationScoped
public class LlmRewriter implements FollowUpRewriter {

    private static final Logger LOG = Logger.getLogger(LlmRewriter.class);

    private final LlmClient client;
    private final LlmConfig config;
    private final LlmMetrics metrics;

    public LlmRewriter(LlmClient client, LlmConfig config, LlmMetrics metrics) {
        this.client = client;
        this.config = config;
        this.metrics = metrics;
    }

    @Override
    public Optional<String> rewrite(String followUp, List<Turn> turns) {
        if (!client.enabled() || !config.rewriteQueries() || turns.isEmpty()) {
            return Optional.empty();
        }
        String reply;
        try {
            reply = client.call(Prompts.rewrite(followUp, turns));
        } catch (LlmFailure failure) {
            metrics.fallback(Stage.REWRITE, failure.reason(), failure.getCause());
            return Optional.empty();
        }
        Optional<String> question = RewriteCheck.accepted(reply, followUp, turns);
        if (question.isEmpty()) {
            LOG.debugf("LLM rewrite not used: %s", reply);
            metrics.fallback(Stage.REWRITE, "unverified", null);
        }
        return question;
    }
}
