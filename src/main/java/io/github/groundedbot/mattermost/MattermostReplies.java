package io.github.groundedbot.mattermost;

import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.chat.MarkdownReply;
import io.github.groundedbot.chat.ReplyParts;
import io.github.groundedbot.mattermost.MattermostPost.Attachment;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders an answer for Mattermost: the answer as the post's markdown, its sources as an attachment
 * (how a follow-up was read in its footer), a "not from the fact base" reply with an amber attachment
 * saying so, small talk and errors as the text alone.
 */
final class MattermostReplies {

    /** Mattermost: a post holds at most 16,383 characters; attachments are kept short to stay readable. */
    static final MarkdownReply.Limits LIMITS = new MarkdownReply.Limits(12_000, 3000, 1000);
    static final String NOT_FROM_THE_FACT_BASE = ":warning: " + ReplyParts.NOT_FROM_THE_FACT_BASE;
    static final String SOURCES_COLOR = "#1C58D9";
    static final String WARNING_COLOR = "#F0B232";

    private MattermostReplies() {
    }

    static MattermostPost render(Answer answer, String responseType) {
        MarkdownReply reply = MarkdownReply.of(answer, LIMITS);
        List<Attachment> attachments = new ArrayList<>();
        reply.sources().ifPresent(sources -> attachments.add(new Attachment(ReplyParts.SOURCES, SOURCES_COLOR,
                ReplyParts.SOURCES, sources, reply.reading().orElse(null))));
        if (reply.notFromTheFactBase()) {
            attachments.add(new Attachment(ReplyParts.NOT_FROM_THE_FACT_BASE, WARNING_COLOR, null,
                    NOT_FROM_THE_FACT_BASE, null));
        }
        return new MattermostPost(reply.text(), responseType, attachments.isEmpty() ? null : attachments);
    }

    static MattermostPost plain(String text, String responseType) {
        return new MattermostPost(MarkdownReply.escape(text), responseType, null);
    }
}
