package io.github.groundedbot.llm;

import dev.langchain4j.data.message.ChatMessage;
import io.github.groundedbot.compose.AnswerComposer;
import io.github.groundedbot.compose.Composition;
import io.github.groundedbot.compose.Deltas;
import io.github.groundedbot.compose.Draft;
import io.github.groundedbot.compose.ExtractiveComposer;
import io.github.groundedbot.grounding.Evidence;
import io.github.groundedbot.grounding.SnippetTerms;
import io.github.groundedbot.language.TextAnalyzer;
import io.github.groundedbot.llm.LlmMetrics.Stage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import org.jboss.logging.Logger;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Composes answers with the LLM: it rewords the extractive draft's facts, and every sentence it
 * writes is verified ({@link CitedReply}) before anyone sees it. The model sees only the
 * supporting snippets and the conversation's recent questions. Any failure (timeout, HTTP error,
 * rate limit, a reply that does not verify) leaves the extractive draft in place.
 */
@ApplicationScoped
@Typed(LlmComposer.class)
public class LlmComposer implements AnswerComposer {

    private static final Logger LOG = Logger.getLogger(LlmComposer.class);
    /** The snippets the model is given at most. */
    private static final int MAX_SNIPPETS = 5;

    private final LlmClient client;
    private final ExtractiveComposer extractive;
    private final ClaimCheck claims;
    private final LlmMetrics metrics;

    public LlmComposer(LlmClient client, ExtractiveComposer extractive, SnippetTerms terms, TextAnalyzer analyzer,
                       LlmConfig config, LlmMetrics metrics) {
        this.client = client;
        this.extractive = extractive;
        this.claims = new ClaimCheck(terms, analyzer, config.minSupportedShare());
        this.metrics = metrics;
    }

    /** False when no LLM is configured ({@code answer.llm.base-url} unset). */
    public boolean enabled() {
        return client.enabled();
    }

    /**
     * The LLM's wording of the extractive draft's facts, every sentence verified; the extractive
     * draft itself when the LLM fails or its reply does not verify. Refusals never get here: with no
     * extractive draft there is nothing to phrase.
     */
    @Override
    public Optional<Draft> compose(Composition composition, Deltas deltas) {
        Optional<Draft> draft = extractive.draft(composition);
        if (draft.isPresent() && enabled()) {
            List<Evidence> snippets = snippets(draft.get(), composition);
            VerifiedStream reply = new VerifiedStream(new CitedReply(snippets, claims), deltas);
            Optional<Draft> phrased = phrase(Prompts.phrase(composition.question().resolved(), snippets,
                    composition.turns()), reply, deltas.streaming());
            reply.reply().rejections().forEach(metrics::rejected);
            if (phrased.isPresent()) {
                return phrased;
            }
        }
        draft.ifPresent(d -> deltas.sentences(d.sentences()));
        return draft;
    }

    /** What the LLM may use: the snippets the extractive draft quotes, then the other supporting ones. */
    private static List<Evidence> snippets(Draft draft, Composition composition) {
        LinkedHashSet<Evidence> snippets = new LinkedHashSet<>(draft.cited());
        snippets.addAll(composition.grounding().supporting());
        return snippets.stream().limit(MAX_SNIPPETS).toList();
    }

    /** Streams the reply when someone watches it form, else makes one call; verified either way. */
    private Optional<Draft> phrase(List<ChatMessage> messages, VerifiedStream reply, boolean streaming) {
        try {
            if (streaming) {
                client.stream(messages, reply::add);
            } else {
                reply.add(client.call(messages));
            }
        } catch (LlmFailure failure) {
            if (reply.sent() == 0) {
                metrics.fallback(Stage.PHRASE, failure.reason(), failure.getCause());
                return Optional.empty();
            }
            // What went out was verified; the answer ends there rather than contradicting the deltas.
            LOG.warnf("The LLM stream broke off (%s); answering with the %d verified sentence(s) already sent",
                    failure.reason(), reply.sent());
            metrics.cutShort(failure.reason());
            return Optional.of(reply.reply().composed());
        }
        reply.finish();
        CitedReply verified = reply.reply();
        if (verified.isEmpty()) {
            String reason = reply.text().strip().startsWith(Prompts.NO_ANSWER) ? "no-answer"
                    : verified.sawMarker() ? "unverified" : "malformed";
            LOG.debugf("LLM reply not used (%s, dropped %s): %s", reason, verified.rejections(), reply.text());
            metrics.fallback(Stage.PHRASE, reason, null);
            return Optional.empty();
        }
        if (!verified.rejections().isEmpty()) {
            LOG.debugf("Dropped unverified sentence(s) %s from the LLM reply: %s", verified.rejections(), reply.text());
        }
        metrics.phrased();
        return Optional.of(verified.composed());
    }
}
