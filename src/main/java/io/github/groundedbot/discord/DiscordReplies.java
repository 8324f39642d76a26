package io.github.groundedbot.discord;

import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.chat.MarkdownReply;
import io.github.groundedbot.chat.ReplyParts;
import io.github.groundedbot.discord.DiscordMessage.Embed;
import io.github.groundedbot.discord.DiscordMessage.Footer;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders an answer for Discord within its limits: the answer as the message, its sources as an
 * embed (how a follow-up was read in its footer), a "not from the fact base" reply with an amber
 * embed saying so, small talk and errors as the message alone.
 */
final class DiscordReplies {

    /** Discord: a message's content holds at most 2,000 characters, an embed's description 4,096, a footer 2,048. */
    static final MarkdownReply.Limits LIMITS = new MarkdownReply.Limits(2000, 4096, 2048);
    static final String NOT_FROM_THE_FACT_BASE = "⚠️ " + ReplyParts.NOT_FROM_THE_FACT_BASE;
    static final int SOURCES_COLOR = 0x5865F2;
    static final int WARNING_COLOR = 0xF0B232;

    private DiscordReplies() {
    }

    static DiscordMessage render(Answer answer) {
        MarkdownReply reply = MarkdownReply.of(answer, LIMITS);
        List<Embed> embeds = new ArrayList<>();
        reply.sources().ifPresent(sources -> embeds.add(new Embed(ReplyParts.SOURCES, sources, SOURCES_COLOR,
                reply.reading().map(Footer::new).orElse(null))));
        if (reply.notFromTheFactBase()) {
            embeds.add(new Embed(null, NOT_FROM_THE_FACT_BASE, WARNING_COLOR, null));
        }
        return DiscordMessage.of(reply.text(), embeds);
    }
}
