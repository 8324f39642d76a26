package io.github.groundedbot.chat;

import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.answer.Citation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An answer in the markdown Discord and Mattermost share (CommonMark with backslash escapes), cut to
 * a platform's limits: each platform puts the parts where it shows them (an embed, an attachment).
 *
 * @param text               the answer; its own characters are escaped, so it never turns into formatting or links
 * @param sources            the numbered sources, one a line, {@code \[1\] [title](url) · *publication*}; empty without citations
 * @param reading            "Read as: …" for a follow-up read in its conversation's context
 * @param notFromTheFactBase true when the reply must be marked as not from the fact base
 */
public record MarkdownReply(String text, Optional<String> sources, Optional<String> reading,
                            boolean notFromTheFactBase) {

    /** How much of each part a platform shows. */
    public record Limits(int text, int sources, int reading) {
    }

    /** Characters markdown gives a meaning to. */
    private static final Pattern MARKDOWN = Pattern.compile("([\\\\*_~`|>#\\[\\]<])");

    public static MarkdownReply of(Answer answer, Limits limits) {
        String text = truncate(escape(answer.answer() == null ? "" : answer.answer()), limits.text());
        Optional<String> sources = answer.citations().isEmpty() ? Optional.empty()
                : Optional.of(sources(answer.citations(), limits.sources()));
        Optional<String> reading = Optional.ofNullable(answer.resolvedQuestion()).filter(q -> !q.isBlank())
                .map(q -> truncate(escape(ReplyParts.READ_AS + q), limits.reading()));
        return new MarkdownReply(text, sources, reading, ReplyParts.notFromTheFactBase(answer.outcome()));
    }

    /** One numbered line a source, cut before {@code limit} with a count of those left out. */
    static String sources(List<Citation> citations, int limit) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < citations.size(); i++) {
            String line = (i == 0 ? "" : "\n") + "\\[" + (i + 1) + "\\] " + source(citations.get(i));
            String more = "\n…and " + (citations.size() - i) + " more";
            if (text.length() + line.length() + more.length() > limit) {
                return text.append(more).toString();
            }
            text.append(line);
        }
        return text.toString();
    }

    private static String source(Citation citation) {
        String title = escape(ReplyParts.title(citation));
        String linked = ReplyParts.webUrl(citation).map(url -> "[" + title + "](" + linkTarget(url) + ")").orElse(title);
        return linked + ReplyParts.publication(citation).map(p -> " · *" + escape(p) + "*").orElse("");
    }

    /** Backslash-escapes every character markdown would read as formatting. */
    public static String escape(String text) {
        return MARKDOWN.matcher(text).replaceAll("\\\\$1");
    }

    /** Spaces and parentheses would end a link target early. */
    private static String linkTarget(String url) {
        return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29");
    }

    /** Cuts to at most {@code limit} characters, never between a backslash and what it escapes. */
    static String truncate(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int cut = limit - 1;
        if (text.charAt(cut - 1) == '\\') {
            cut--;
        }
        return text.substring(0, cut) + "…";
    }
}
