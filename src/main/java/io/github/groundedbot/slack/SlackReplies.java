package io.github.groundedbot.slack;

import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.answer.Citation;
import io.github.groundedbot.chat.ReplyParts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;

/**
 * Renders an answer as a Slack message within Block Kit's limits. Every text object is verbatim:
 * Slack shows it as written and does not turn a bare address, a channel name or {@code @name}
 * into a link or a mention; only the links written here ({@code <url|label>}) are links.
 */
final class SlackReplies {

    /** Block Kit: a section's text and a text object in a context block hold at most 3,000 characters. */
    static final int TEXT_LIMIT = 3000;
    /** Block Kit: a message holds at most 50 blocks. */
    static final int MAX_BLOCKS = 50;
    /** Slack shows the fallback in notifications; longer text there helps nobody. */
    static final int FALLBACK_LIMIT = 4000;
    static final String NOT_GROUNDED = ":warning: " + ReplyParts.NOT_FROM_THE_FACT_BASE;

    private static final Pattern MARKER = Pattern.compile("\\[(\\d{1,3})]");

    private SlackReplies() {
    }

    static SlackReply render(Answer answer) {
        List<Citation> citations = answer.citations() == null ? List.of() : answer.citations();
        List<LayoutBlock> blocks = new ArrayList<>();
        List<String> sections = split(linkMarkers(escape(answer.answer()), citations), TEXT_LIMIT);
        int room = MAX_BLOCKS - 3; // keep room for the reading, the sources and the warning
        for (String chunk : sections.subList(0, Math.min(sections.size(), room))) {
            blocks.add(section(s -> s.text(mrkdwn(chunk))));
        }
        if (answer.resolvedQuestion() != null && !answer.resolvedQuestion().isBlank()) {
            // A follow-up ("who released it?") was read in the thread's context: show how, so a misreading is visible.
            String reading = truncate(ReplyParts.READ_AS + escape(answer.resolvedQuestion()), TEXT_LIMIT);
            blocks.add(context(List.<ContextBlockElement>of(mrkdwn(reading))));
        }
        if (!citations.isEmpty()) {
            blocks.add(context(List.<ContextBlockElement>of(mrkdwn(sources(citations)))));
        }
        if (ReplyParts.notFromTheFactBase(answer.outcome())) {
            blocks.add(context(List.<ContextBlockElement>of(mrkdwn(NOT_GROUNDED))));
        }
        return new SlackReply(truncate(escape(answer.answer()), FALLBACK_LIMIT), blocks);
    }

    /** A reply that is just a line of text, such as usage help. */
    static SlackReply plain(String text) {
        String escaped = escape(text);
        return new SlackReply(truncate(escaped, FALLBACK_LIMIT), List.of(section(s -> s.text(mrkdwn(
                truncate(escaped, TEXT_LIMIT))))));
    }

    /** A mrkdwn text object Slack shows verbatim: no automatic links or mentions. */
    private static MarkdownTextObject mrkdwn(String text) {
        return MarkdownTextObject.builder().text(text).verbatim(true).build();
    }

    /** The numbered sources, one a line: {@code [1] <url|title> · source}. */
    static String sources(List<Citation> citations) {
        StringBuilder text = new StringBuilder("*" + ReplyParts.SOURCES + "*");
        for (int i = 0; i < citations.size(); i++) {
            String line = "\n[" + (i + 1) + "] " + source(citations.get(i));
            String more = "\n…and " + (citations.size() - i) + " more";
            if (text.length() + line.length() + more.length() > TEXT_LIMIT) {
                return text.append(more).toString();
            }
            text.append(line);
        }
        return text.toString();
    }

    private static String source(Citation citation) {
        String title = escape(ReplyParts.title(citation));
        String linked = ReplyParts.webUrl(citation).map(url -> "<" + linkUrl(url) + "|" + title + ">").orElse(title);
        return linked + ReplyParts.publication(citation).map(source -> " · _" + escape(source) + "_").orElse("");
    }

    /** Makes each {@code [n]} whose source has a web address a link to it; the text still reads {@code [n]}. */
    static String linkMarkers(String text, List<Citation> citations) {
        Matcher m = MARKER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            Optional<String> url = n >= 1 && n <= citations.size() ? ReplyParts.webUrl(citations.get(n - 1))
                    : Optional.empty();
            String replacement = url.map(u -> "<" + linkUrl(u) + "|" + m.group() + ">").orElse(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return m.appendTail(out).toString();
    }

    /**
     * Splits mrkdwn at whitespace into chunks of at most {@code limit} characters, so no word, link or
     * {@code &amp;} entity is cut; only a single word longer than the limit is cut, before any entity or link in it.
     */
    static List<String> split(String text, int limit) {
        List<String> chunks = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > limit) {
            int cut = rest.lastIndexOf(' ', limit);
            int newline = rest.lastIndexOf('\n', limit);
            cut = Math.max(cut, newline);
            if (cut <= 0) {
                cut = safeHardCut(rest, limit);
            }
            chunks.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty() || chunks.isEmpty()) {
            chunks.add(rest);
        }
        return chunks;
    }

    private static int safeHardCut(String text, int limit) {
        int entity = text.lastIndexOf('&', limit - 1);
        if (entity > 0 && text.indexOf(';', entity) >= limit) {
            return entity;
        }
        int link = text.lastIndexOf('<', limit - 1);
        if (link > 0 && text.indexOf('>', link) >= limit) {
            return link;
        }
        return limit;
    }

    /** Slack's mrkdwn reserves {@code & < >}: escaped, text can never form a link or a mention. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String linkUrl(String url) {
        // '|' and '>' would end the link early; spaces break it.
        return url.replace("&", "&amp;").replace("|", "%7C").replace("<", "%3C").replace(">", "%3E")
                .replace(" ", "%20");
    }

    private static String truncate(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int cut = safeHardCut(text, limit - 1);
        return text.substring(0, cut) + "…";
    }
}
