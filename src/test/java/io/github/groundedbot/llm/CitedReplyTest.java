package io.github.groundedbot.llm;

import io.github.groundedbot.grounding.Evidence;
import io.github.groundedbot.knowledge.Snippet;
import io.github.groundedbot.retrieval.Candidate;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CitedReplyTest {

    private static final Evidence CHIPS = evidence("chips", "Huawei is leading a group of semiconductor companies "
            + "in manufacturing local AI chips in China.");
    private static final Evidence MEMORY = evidence("memory", "Huawei is working on designing and manufacturing "
            + "high-bandwidth memory chips from the ground up.");
    private static final Evidence YI = evidence("yi", "The Yi-34B model from 01.AI surpassed the scores of Meta's "
            + "Llama 2 in 2023.");

    @Test
    void keptSentencesAreRenumberedInOrderOfFirstUse() {
        CitedReply reply = verify(List.of(CHIPS, MEMORY), "Huawei designs memory chips [S2]. "
                + "Huawei leads chip makers in China [S1, S2].");
        assertThat(reply.composed().text()).isEqualTo("Huawei designs memory chips [1]. Huawei leads chip makers in China [2][1].");
        assertThat(reply.composed().cited()).containsExactly(MEMORY, CHIPS);
        assertThat(reply.dropped()).isZero();
    }

    @Test
    void markerAfterTheFullStopCountsForItsSentence() {
        CitedReply reply = verify(List.of(CHIPS), "Huawei leads chip makers in China. [S1] Huawei is big. [S1]");
        assertThat(reply.composed().sentences()).containsExactly("Huawei leads chip makers in China [1].",
                "Huawei is big [1].");
    }

    @Test
    void sentencesWithoutCitationsOrWithUnknownIdsAreDropped() {
        CitedReply reply = verify(List.of(CHIPS, MEMORY), "Huawei is famous. Huawei makes phones [S3]. "
                + "Huawei makes chips [1]. Huawei makes memory chips [S2][S5]. Huawei leads chip makers [s1].");
        assertThat(reply.composed().text()).isEqualTo("Huawei leads chip makers [1].");
        assertThat(reply.composed().cited()).containsExactly(CHIPS);
        assertThat(reply.dropped()).isEqualTo(4);
    }

    @Test
    void numbersAndNamesMustComeFromTheCitedSnippets() {
        CitedReply reply = verify(List.of(CHIPS, YI), "The model from 01.AI beat Llama 2 in 2023 [S2]. "
                + "It beat Llama 3 [S2]. It came out in 2022 [S2]. Huawei works with Samsung [S1]. "
                + "Huawei makes chips with Yi-34B [S1].");
        assertThat(reply.composed().text()).isEqualTo("The model from 01.AI beat Llama 2 in 2023 [1].");
    }

    @Test
    void refusalsAndTalkAboutTheSnippetsAreNotAnswers() {
        CitedReply reply = verify(List.of(CHIPS), "The snippets do not say what Huawei is building [S1]. "
                + "I cannot answer that from the facts [S1].");
        assertThat(reply.isEmpty()).isTrue();
        assertThat(reply.sawMarker()).isTrue();
    }

    @Test
    void replyWithoutAnyMarkerIsMalformed() {
        CitedReply reply = verify(List.of(CHIPS), "Huawei makes chips. It is a big company.");
        assertThat(reply.isEmpty()).isTrue();
        assertThat(reply.sawMarker()).isFalse();
    }

    @Test
    void answerStaysWithinTheLengthBudget() {
        String sentence = "Huawei leads a group of semiconductor companies making local AI chips in China "
                + "and it does so with great energy and many partners [S1]. ";
        CitedReply reply = verify(List.of(CHIPS), sentence.repeat(6));
        assertThat(reply.composed().text().length()).isLessThanOrEqualTo(CitedReply.MAX_CHARS);
        assertThat(reply.composed().sentences()).hasSizeBetween(1, 5);
        assertThat(reply.dropped()).isPositive();
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

    private static CitedReply verify(List<Evidence> snippets, String text) {
        CitedReply reply = new CitedReply(snippets, "What is Huawei working on?");
        CitedReply.sentences(text).forEach(reply::accept);
        return reply;
    }

    private static Evidence evidence(String id, String text) {
        Snippet snippet = new Snippet(id, id + " title", text,
                new Snippet.Source("Source", "https://example.org/" + id, LocalDate.of(2024, 1, 1)), "topic",
                new Snippet.Location("facts.md", 1));
        return new Evidence(new Candidate(snippet, 0, 0.7), 0.6, 0.6, new double[0]);
    }
}
