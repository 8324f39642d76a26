package io.github.groundedbot.curation;

import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.answer.Citation;
import io.github.groundedbot.answer.Explainer;
import io.github.groundedbot.answer.InvalidQuestionException;
import io.github.groundedbot.answer.Outcome;
import io.github.groundedbot.compose.ExtractiveComposer;
import io.github.groundedbot.knowledge.KnowledgeConfig;
import io.github.groundedbot.knowledge.KnowledgeTest;
import io.github.groundedbot.knowledge.KnowledgeTestLoader;
import io.github.groundedbot.knowledge.KnowledgeTestReport;
import io.github.groundedbot.knowledge.KnowledgeTestResult;
import io.github.groundedbot.retrieval.IndexTests;
import io.github.groundedbot.retrieval.KnowledgeIndex;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Runs the knowledge tests through {@link Explainer}, so a test question goes through the very
 * stages a person's question does, against the fresh index, without being remembered or counted.
 * Answers are composed extractively whatever {@code answer.llm.*} says: a test checks what the facts
 * answer, reproducibly and offline; an LLM only rewords those same cited sentences.
 */
@ApplicationScoped
public class KnowledgeTestRunner implements IndexTests {

    /** Citation markers ("[1]") and runs of white space, left out when looking for a phrase. */
    private static final Pattern MARKERS = Pattern.compile("\\s*\\[\\d+]");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final KnowledgeConfig config;
    private final Explainer explainer;
    private final ExtractiveComposer composer;
    private final Clock clock;

    public KnowledgeTestRunner(KnowledgeConfig config, Explainer explainer, ExtractiveComposer composer, Clock clock) {
        this.config = config;
        this.explainer = explainer;
        this.composer = composer;
        this.clock = clock;
    }

    @Override
    public KnowledgeTestReport run(KnowledgeIndex index) {
        KnowledgeTestLoader.Suite suite = new KnowledgeTestLoader(config.maxFileSize().asLongValue())
                .load(config.dir(), index.facts());
        List<KnowledgeTestResult> results = suite.tests().stream().map(test -> run(test, index)).toList();
        return new KnowledgeTestReport(clock.instant(), results, suite.problems());
    }

    private KnowledgeTestResult run(KnowledgeTest test, KnowledgeIndex index) {
        Answer answer;
        try {
            answer = explainer.explain(test.question(), index, composer).answer();
        } catch (InvalidQuestionException e) {
            return new KnowledgeTestResult(test.location().toString(), test.question(), test.expected(), false,
                    Outcome.ERROR.json(), e.getMessage(), List.of(), "the question is not accepted: " + e.getMessage());
        }
        List<String> cited = answer.citations().stream().map(Citation::id).toList();
        String reason = failure(test, answer, cited);
        return new KnowledgeTestResult(test.location().toString(), test.question(), test.expected(), reason == null,
                answer.outcome().json(), answer.answer(), cited, reason);
    }

    /** Why the answer does not meet the test, or null when it does. */
    private static String failure(KnowledgeTest test, Answer answer, List<String> cited) {
        boolean answered = answer.outcome() == Outcome.ANSWERED;
        if (test.refuse()) {
            return answered ? "it was answered, citing " + String.join(", ", cited) : null;
        }
        if (!answered) {
            return "it was not answered (" + answer.outcome().json() + ")";
        }
        List<String> reasons = new ArrayList<>();
        if (test.cites() != null && !cited.contains(test.cites())) {
            reasons.add("the answer cites " + String.join(", ", cited) + " instead");
        }
        if (test.says() != null && !normalised(MARKERS.matcher(answer.answer()).replaceAll(""))
                .contains(normalised(test.says()))) {
            reasons.add("the answer does not say it: \"" + answer.answer() + "\"");
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    private static String normalised(String text) {
        return SPACE.matcher(text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
