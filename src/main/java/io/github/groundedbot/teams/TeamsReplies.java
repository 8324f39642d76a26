package io.github.groundedbot.teams;

import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.answer.Citation;
import io.github.groundedbot.chat.ReplyParts;
import io.github.groundedbot.teams.TeamsReply.AdaptiveCard;
import io.github.groundedbot.teams.TeamsReply.TextBlock;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders an answer for Teams: an answer or a "not from the fact base" reply as an Adaptive Card
 * (the answer, how a follow-up was read, the numbered sources as links, the mark), small talk and
 * errors as plain text.
 */
final class TeamsReplies {

    static final String NOT_FROM_THE_FACT_BASE = "⚠️ " + ReplyParts.NOT_FROM_THE_FACT_BASE;
    /** Teams refuses a reply much over 28 KB; the answer is cut well before that. */
    static final int TEXT_LIMIT = 8000;
    /** Sources listed at most; answers cite a handful. */
    static final int MAX_SOURCES = 20;

    private TeamsReplies() {
    }

    static TeamsReply render(Answer answer) {
        String text = truncate(answer.answer() == null ? "" : answer.answer());
        boolean cited = !answer.citations().isEmpty();
        boolean marked = ReplyParts.notFromTheFactBase(answer.outcome());
        if (!cited && !marked) {
            return TeamsReply.text(text);
        }
        List<TextBlock> body = new ArrayList<>();
        body.add(TextBlock.paragraph(text));
        if (answer.resolvedQuestion() != null && !answer.resolvedQuestion().isBlank()) {
            body.add(TextBlock.small(truncate(ReplyParts.READ_AS + answer.resolvedQuestion())));
        }
        if (cited) {
            body.add(TextBlock.heading(ReplyParts.SOURCES));
            List<Citation> citations = answer.citations();
            for (int i = 0; i < Math.min(citations.size(), MAX_SOURCES); i++) {
                body.add(TextBlock.small("[" + (i + 1) + "] " + source(citations.get(i))));
            }
        }
        if (marked) {
            body.add(TextBlock.warning(NOT_FROM_THE_FACT_BASE));
        }
        return TeamsReply.card(AdaptiveCard.of(text, body));
    }

    /** {@code [title](url) · publication}: the title a link when the source has a web address. */
    static String source(Citation citation) {
        String title = linkText(ReplyParts.title(citation));
        String linked = ReplyParts.webUrl(citation).map(url -> "[" + title + "](" + linkTarget(url) + ")").orElse(title);
        return linked + ReplyParts.publication(citation).map(p -> " · _" + p + "_").orElse("");
    }

    /** Square brackets would end the link text early. */
    private static String linkText(String text) {
        return text.replace('[', '(').replace(']', ')');
    }

    /** Spaces and parentheses would end the link target early. */
    private static String linkTarget(String url) {
        return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29");
    }

    private static String truncate(String text) {
        return text.length() <= TEXT_LIMIT ? text : text.substring(0, TEXT_LIMIT - 1) + "…";
    }
}
