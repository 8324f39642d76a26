package io.github.groundedbot.slack;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.util.json.GsonFactory;
import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.answer.Citation;
import io.github.groundedbot.answer.Outcome;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackRepliesTest {

    private static final Citation WITH_URL = new Citation("early#drais", "Drais running machine",
            "A history of bicycle design", "https://example.org/history?a=1&b=2", LocalDate.of(2023, 4, 1),
            "The running machine...", 0.8);
    private static final Citation WITHOUT_URL = new Citation("society#clubs", "Cycling clubs", "Cycling clubs",
            null, null, "Clubs...", 0.7);

    @Test
    void groundedAnswerHasSectionThenNumberedSources() {
        SlackReply reply = SlackReplies.render(new Answer("Karl von Drais built it [1]. Clubs followed [2].",
                Outcome.ANSWERED, List.of(WITH_URL, WITHOUT_URL), "c", null));

        assertEquals(2, reply.blocks().size());
        String section = text(reply.blocks().get(0));
        assertEquals("Karl von Drais built it <https://example.org/history?a=1&amp;b=2|[1]>. Clubs followed [2].",
                section, "a marker links to its source when the source has an address, and reads [n] either way");
        String sources = text(reply.blocks().get(1));
        assertEquals("*Sources*\n[1] <https://example.org/history?a=1&amp;b=2|Drais running machine> · "
                + "_A history of bicycle design_\n[2] Cycling clubs", sources);
        assertEquals("Karl von Drais built it [1]. Clubs followed [2].", reply.text());
    }

    @Test
    void aFollowUpShowsHowItWasRead() {
        SlackReply reply = SlackReplies.render(new Answer("He was German [1].", Outcome.ANSWERED, List.of(WITH_URL), "c",
                "Where was Karl von Drais <from>?"));
        assertEquals(3, reply.blocks().size());
        assertEquals("Read as: Where was Karl von Drais &lt;from&gt;?", text(reply.blocks().get(1)));
        assertTrue(text(reply.blocks().get(2)).startsWith("*Sources*"));
    }

    @Test
    void smallTalkIsNotMarkedAsUnanswered() {
        SlackReply reply = SlackReplies.render(Answer.of(Outcome.SMALL_TALK, "Hello! I answer questions.", "c"));
        assertEquals(1, reply.blocks().size(), "a greeting is not an unanswered question");
    }

    @Test
    void unansweredQuestionGetsTheWarningLine() {
        SlackReply reply = SlackReplies.render(new Answer("I don't know: my fact base has nothing on that.",
                Outcome.REFUSED, List.of(), "c", null));
        assertEquals(2, reply.blocks().size());
        assertInstanceOf(ContextBlock.class, reply.blocks().get(1));
        assertEquals(SlackReplies.NOT_GROUNDED, text(reply.blocks().get(1)));
    }

    @Test
    void groundedAnswerHasNoWarning() {
        SlackReply reply = SlackReplies.render(new Answer("It was 1817 [1].", Outcome.ANSWERED, List.of(WITH_URL), "c", null));
        assertFalse(reply.blocks().stream().map(SlackRepliesTest::text).anyMatch(SlackReplies.NOT_GROUNDED::equals));
    }

    @Test
    void textSlackWouldReadAsMarkupIsEscaped() {
        SlackReply reply = SlackReplies.render(new Answer("Use <!channel> & <@U1> > all", Outcome.REFUSED, List.of(), "c", null));
        assertEquals("Use &lt;!channel&gt; &amp; &lt;@U1&gt; &gt; all", text(reply.blocks().get(0)));
        assertEquals("Use &lt;!channel&gt; &amp; &lt;@U1&gt; &gt; all", reply.text());
    }

    @Test
    void longAnswersAreSplitIntoSectionsWithinSlacksLimit() {
        String sentence = "The penny-farthing & the Rover were popular <in England> [1]. ";
        String answer = sentence.repeat(150).strip(); // ~9,600 characters, more once escaped
        SlackReply reply = SlackReplies.render(new Answer(answer, Outcome.ANSWERED, List.of(WITH_URL), "c", null));

        List<String> sections = reply.blocks().stream().filter(SectionBlock.class::isInstance)
                .map(SlackRepliesTest::text).toList();
        assertTrue(sections.size() >= 4, "split into " + sections.size());
        sections.forEach(s -> assertTrue(s.length() <= SlackReplies.TEXT_LIMIT, "section of " + s.length()));
        String expected = SlackReplies.linkMarkers(SlackReplies.escape(answer), List.of(WITH_URL));
        assertEquals(expected, String.join(" ", sections), "split only at spaces: nothing lost, no entity or link cut");
        assertTrue(reply.text().length() <= SlackReplies.FALLBACK_LIMIT);
    }

    @Test
    void aSingleHugeWordIsCutBeforeAnEntity() {
        String word = "x".repeat(2998) + "&" + "y".repeat(10);
        List<String> chunks = SlackReplies.split(SlackReplies.escape(word), 3000);
        assertEquals("x".repeat(2998), chunks.get(0));
        assertTrue(chunks.get(1).startsWith("&amp;"), chunks.get(1));
    }

    @Test
    void manyCitationsStayWithinTheContextTextLimit() {
        List<Citation> many = IntStream.rangeClosed(1, 60)
                .mapToObj(i -> new Citation("f" + i, "A rather long fact title number " + i + " ".repeat(20) + "end",
                        "Source " + i, "https://example.org/facts/" + i, null, "...", 0.5))
                .toList();
        String sources = SlackReplies.sources(many);
        assertTrue(sources.length() <= SlackReplies.TEXT_LIMIT, "sources of " + sources.length());
        assertTrue(sources.matches("(?s).*…and \\d+ more$"), sources.substring(sources.length() - 40));
    }

    @Test
    void blocksNeverExceedFifty() {
        String answer = IntStream.range(0, 60).mapToObj(i -> "w".repeat(2990)).collect(Collectors.joining(" "));
        SlackReply reply = SlackReplies.render(new Answer(answer, Outcome.REFUSED, List.of(), "c", null));
        assertEquals(SlackReplies.MAX_BLOCKS - 2, reply.blocks().size(), "47 sections and the warning");
    }

    @Test
    void everyTextIsShownVerbatimSoSlackMakesNoLinksOrMentions() {
        List<SlackReply> replies = List.of(
                SlackReplies.render(new Answer("Mail help@example.org, see example.org or #general, ask @here [1].",
                        Outcome.ANSWERED, List.of(WITH_URL), "c", "Who runs example.org?")),
                SlackReplies.render(new Answer("I don't know: nothing on @channel.", Outcome.REFUSED, List.of(), "c", null)),
                SlackReplies.plain("Ask me with /ask, e.g. /ask who runs example.org?"));
        for (SlackReply reply : replies) {
            List<MarkdownTextObject> texts = reply.blocks().stream().flatMap(SlackRepliesTest::textObjects).toList();
            assertFalse(texts.isEmpty());
            texts.forEach(t -> assertEquals(Boolean.TRUE, t.getVerbatim(), "not verbatim: " + t.getText()));
        }
        // As Slack receives it: the SDK's own serialisation.
        String json = GsonFactory.createSnakeCase().toJson(replies.get(0).blocks());
        assertEquals(replies.get(0).blocks().stream().flatMap(SlackRepliesTest::textObjects).count(),
                json.split("\"verbatim\":true", -1).length - 1, json);
    }

    private static Stream<MarkdownTextObject> textObjects(LayoutBlock block) {
        if (block instanceof SectionBlock section) {
            return Stream.of((MarkdownTextObject) section.getText());
        }
        return ((ContextBlock) block).getElements().stream().filter(MarkdownTextObject.class::isInstance)
                .map(MarkdownTextObject.class::cast);
    }

    private static String text(LayoutBlock block) {
        if (block instanceof SectionBlock section) {
            return section.getText().getText();
        }
        return ((MarkdownTextObject) ((ContextBlock) block).getElements().get(0)).getText();
    }
}
