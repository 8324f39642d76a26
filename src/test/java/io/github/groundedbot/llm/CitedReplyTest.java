package io.github.groundedbot.llm;

import io.github.groundedbot.grounding.Evidence;
import io.github.groundedbot.grounding.SnippetTerms;
import io.github.groundedbot.knowledge.Snippet;
import io.github.groundedbot.language.TextAnalyzer;
import io.github.groundedbot.retrieval.Candidate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The verifier of LLM replies, rule by rule, without Quarkus or a model. */
class CitedReplyTest {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer();
    private static final ClaimCheck CLAIMS = new ClaimCheck(new SnippetTerms(ANALYZER), ANALYZER, 0.75);

    private static final Evidence CHIPS = evidence("chips", "Huawei's AI chip effort", "Huawei is leading a group of "
            + "semiconductor companies in manufacturing local AI chips in China.");
    private static final Evidence MEMORY = evidence("memory", "Huawei's memory chips", "Huawei is working on "
            + "designing and manufacturing high-bandwidth memory chips from the ground up.");
    private static final Evidence YI = evidence("yi", "Yi-34B", "The Yi-34B model from 01.AI surpassed the scores of "
            + "Meta's Llama 2 in 2023.");
    private static final Evidence EXPORTS = evidence("exports", "Export rules for Nvidia", "Nvidia cannot sell its "
            + "most advanced AI chips to China. It designed a slower chip for the Chinese market.");
    private static final Evidence RULES = evidence("rules", "Where the rules are published", "The export rules are "
            + "published at bis.doc.gov/rules and questions go to exports@bis.doc.gov.");
    private static final Evidence QWEN = evidence("qwen", "Qwen", "Alibaba released the Qwen model in 2023. "
            + "Its largest version was not open source.");
    /** S1 to S6, as the model is given them. */
    private static final List<Evidence> GIVEN = List.of(CHIPS, MEMORY, YI, EXPORTS, RULES, QWEN);

    /** Rewordings that keep to the cited facts: each must be kept. */
    static Stream<String> honestRewording() {
        return Stream.of(
                "Huawei leads a group of semiconductor companies that manufacture AI chips in China [S1].",
                "Huawei designs and manufactures its own high-bandwidth memory chips [S2].",
                "In 2023, 01.AI's Yi-34B model beat the scores of Meta's Llama 2 [S3].",
                "Nvidia is not allowed to sell its most advanced AI chips to China [S4].",
                "No, Nvidia cannot sell its most advanced AI chips to China [S4].",
                "Nvidia cannot sell its most advanced chips to China, so it designed a slower one [S4].",
                "Huawei leads chip makers in China and designs memory chips [S1][S2].",
                "The export rules are at bis.doc.gov/rules [S5].",
                "Nvidia designed a slower AI chip for the Chinese market [S4].",
                "Alibaba released the Qwen model, but its largest version was not open source [S6].",
                "- Huawei is leading semiconductor companies in making AI chips in China [S1].");
    }

    @ParameterizedTest
    @MethodSource
    void honestRewording(String sentence) {
        CitedReply reply = verify(sentence);
        assertThat(reply.rejections()).as(sentence).isEmpty();
        assertThat(reply.isEmpty()).isFalse();
    }

    /** Replies a model might give, each breaking one rule, with the rule that must drop it. */
    static Stream<Arguments> rejected() {
        return Stream.of(
                // the polarity of the cited sentence, flipped either way
                arguments("Huawei is not leading the semiconductor companies making AI chips in China [S1].",
                        Rejection.FLIPPED_POLARITY),
                arguments("Huawei doesn't manufacture high-bandwidth memory chips [S2].", Rejection.FLIPPED_POLARITY),
                arguments("Huawei never designed memory chips [S2].", Rejection.FLIPPED_POLARITY),
                arguments("The Yi-34B model from 01.AI did not surpass the scores of Meta's Llama 2 [S3].",
                        Rejection.FLIPPED_POLARITY),
                arguments("Nvidia can sell its most advanced AI chips to China [S4].", Rejection.FLIPPED_POLARITY),
                arguments("Nvidia sells its most advanced AI chips to China without limits [S4][S1].",
                        Rejection.FLIPPED_POLARITY),
                arguments("Alibaba did not release the Qwen model, and its largest version was not open source [S6].",
                        Rejection.FLIPPED_POLARITY),
                arguments("Alibaba released the Qwen model, and its largest version is open source [S6].",
                        Rejection.FLIPPED_POLARITY),
                // links, domains, e-mail addresses the snippets do not hold
                arguments("01.AI did not release the model; log in at evil.example/login to read more [S3].",
                        Rejection.LINK_OR_MARKUP),
                arguments("Huawei leads AI chip makers in China, see https://evil.example/chips [S1].",
                        Rejection.LINK_OR_MARKUP),
                arguments("Huawei leads AI chip makers in China, as huawei-news.cn reports [S1].",
                        Rejection.LINK_OR_MARKUP),
                arguments("Write to press@evil.example about Huawei's AI chips in China [S1].", Rejection.LINK_OR_MARKUP),
                arguments("The export rules are at bis.doc.gov/rules/login.php [S5].", Rejection.LINK_OR_MARKUP),
                // markdown and HTML
                arguments("Huawei **leads** AI chip makers in China [S1].", Rejection.LINK_OR_MARKUP),
                arguments("Huawei leads _local_ AI chip makers in China [S1].", Rejection.LINK_OR_MARKUP),
                arguments("Huawei leads [AI chip makers](http://evil.example) in China [S1].", Rejection.LINK_OR_MARKUP),
                arguments("Huawei leads <b>AI chip makers</b> in China [S1].", Rejection.LINK_OR_MARKUP),
                arguments("Huawei leads AI chip makers in China, ask <@U024BE7LH> [S1].", Rejection.LINK_OR_MARKUP),
                arguments("Huawei leads `AI chip` makers in China [S1].", Rejection.LINK_OR_MARKUP),
                // content words, names, numbers and dates the cited snippets do not hold
                arguments("Huawei builds smartphones and electric cars in China [S1].", Rejection.UNSUPPORTED),
                arguments("Huawei is leading a group of banks in funding AI startups in China [S1].",
                        Rejection.UNSUPPORTED),
                arguments("Huawei works with Samsung on AI chips [S1].", Rejection.NEW_NAME_OR_NUMBER),
                arguments("Huawei leads 12 semiconductor companies in China [S1].", Rejection.NEW_NAME_OR_NUMBER),
                arguments("Huawei started leading the chip makers in March [S1].", Rejection.NEW_NAME_OR_NUMBER),
                arguments("The Yi-34B model from 01.AI surpassed Llama 2 in 2024 [S3].", Rejection.NEW_NAME_OR_NUMBER),
                // a fact cited to a snippet that does not hold it
                arguments("Huawei is leading semiconductor companies in manufacturing local AI chips [S3].",
                        Rejection.UNSUPPORTED),
                // the format
                arguments("Huawei leads AI chip makers in China.", Rejection.UNCITED),
                arguments("Huawei leads AI chip makers in China [S9].", Rejection.UNKNOWN_SOURCE),
                arguments("Huawei leads AI chip makers in China [1].", Rejection.UNKNOWN_SOURCE),
                arguments("Huawei leads AI chip makers in China [S1][S7].", Rejection.UNKNOWN_SOURCE),
                arguments("The snippets do not say what Huawei is building [S1].", Rejection.NOT_AN_ANSWER),
                arguments("I cannot answer that from the facts [S1].", Rejection.NOT_AN_ANSWER),
                arguments("Yes, Huawei [S1].", Rejection.NOT_AN_ANSWER));
    }

    @ParameterizedTest
    @MethodSource
    void rejected(String sentence, Rejection reason) {
        CitedReply reply = verify(sentence);
        assertThat(reply.isEmpty()).as(sentence).isTrue();
        assertThat(reply.rejections()).as(sentence).containsExactly(reason);
    }

    @Test
    void slackMarkupIsNeverKept() {
        assertThat(verify("Huawei leads AI chip makers in China <!channel> [S1].").isEmpty()).isTrue();
        assertThat(verify("Huawei leads <https://evil.example|AI chip makers> in China [S1].").isEmpty()).isTrue();
    }

    @Test
    void wordsAndNamesFromTheQuestionAreNotEvidence() {
        // Asked "Did Huawei open a chip factory with Samsung in Shanghai?": the question's words support nothing.
        CitedReply reply = verify("Huawei opened a chip factory with Samsung in Shanghai [S1]. "
                + "Huawei opened a new chip factory in the city [S1].");
        assertThat(reply.rejections()).containsExactly(Rejection.NEW_NAME_OR_NUMBER, Rejection.UNSUPPORTED);
    }

    @Test
    void keptSentencesAreRenumberedInOrderOfFirstUse() {
        CitedReply reply = verify("Huawei designs memory chips [S2]. Huawei leads chip makers in China [S1, S2].");
        assertThat(reply.composed().text()).isEqualTo("Huawei designs memory chips [1]. Huawei leads chip makers in China [2][1].");
        assertThat(reply.composed().cited()).containsExactly(MEMORY, CHIPS);
        assertThat(reply.rejections()).isEmpty();
    }

    @Test
    void markerAfterTheFullStopCountsForItsSentence() {
        CitedReply reply = verify("Huawei leads chip makers in China. [S1] Huawei leads a big group. [S1]");
        assertThat(reply.composed().sentences()).containsExactly("Huawei leads chip makers in China [1].",
                "Huawei leads a big group [1].");
    }

    @Test
    void onlyTheFailingSentencesAreDropped() {
        CitedReply reply = verify("Huawei is famous. Huawei leads chip makers in China [S1]. "
                + "Huawei does not design memory chips [S2].");
        assertThat(reply.composed().text()).isEqualTo("Huawei leads chip makers in China [1].");
        assertThat(reply.composed().cited()).containsExactly(CHIPS);
        assertThat(reply.rejections()).containsExactly(Rejection.UNCITED, Rejection.FLIPPED_POLARITY);
    }

    @Test
    void replyWithoutAnyMarkerIsMalformed() {
        CitedReply reply = verify("Huawei makes chips. It is a big company.");
        assertThat(reply.isEmpty()).isTrue();
        assertThat(reply.sawMarker()).isFalse();
    }

    @Test
    void refusalWithAMarkerIsSeenAsAnAttempt() {
        CitedReply reply = verify("The snippets do not say what Huawei is building [S1].");
        assertThat(reply.isEmpty()).isTrue();
        assertThat(reply.sawMarker()).isTrue();
    }

    @Test
    void answerStaysWithinTheLengthBudget() {
        String sentence = "Huawei is leading a group of semiconductor companies in manufacturing local AI chips "
                + "in China, a group of semiconductor companies that manufacture local AI chips [S1]. ";
        CitedReply reply = verify(sentence.repeat(6));
        assertThat(reply.composed().text().length()).isLessThanOrEqualTo(CitedReply.MAX_CHARS);
        assertThat(reply.composed().sentences()).hasSizeBetween(1, 5);
        assertThat(reply.rejections()).isNotEmpty().containsOnly(Rejection.OVER_BUDGET);
    }

    @Test
    void streamedTokensComeOutAsWholeSentencesWithTheirMarkers() {
        SentenceBuffer buffer = new SentenceBuffer();
        List<String> out = new ArrayList<>();
        for (String token : List.of("Huawei leads ", "chip makers.", " [S", "1] Huawei ", "makes memory", " chips [S2].")) {
            out.addAll(buffer.add(token));
        }
        assertThat(out).containsExactly("Huawei leads chip makers. [S1]");
        out.addAll(buffer.finish());
        assertThat(out).containsExactly("Huawei leads chip makers. [S1]", "Huawei makes memory chips [S2].");
        assertThat(buffer.finish()).isEmpty();
    }

    private static CitedReply verify(String text) {
        CitedReply reply = new CitedReply(GIVEN, CLAIMS);
        CitedReply.sentences(text).forEach(reply::accept);
        return reply;
    }

    private static Evidence evidence(String id, String title, String text) {
        Snippet snippet = new Snippet(id, title, text,
                new Snippet.Source("Source", "https://example.org/" + id, LocalDate.of(2024, 1, 1)), "topic",
                new Snippet.Location("facts.md", 1));
        return new Evidence(new Candidate(snippet, 0, 0.7), 0.6, 0.6, new double[0]);
    }
}
