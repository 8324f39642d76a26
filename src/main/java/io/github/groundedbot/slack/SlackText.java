package io.github.groundedbot.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the text of a Slack message into the plain question the answer service expects. */
final class SlackText {

    private static final Pattern LEADING_MENTION = Pattern.compile("^\\s*<@[A-Z0-9]+(\\|[^>]*)?>");
    /** {@code <https://x|label>}, {@code <mailto:a@b|label>}: keep what the reader saw. */
    private static final Pattern LABELLED = Pattern.compile("<[a-z][a-z0-9+.-]*:[^<>|]*\\|([^<>]*)>");
    private static final Pattern CHANNEL = Pattern.compile("<#[A-Z0-9]+\\|([^<>]*)>");
    private static final Pattern BARE_LINK = Pattern.compile("<([a-z][a-z0-9+.-]*:[^<>|]*)>");

    private SlackText() {
    }

    /**
     * @param botUserId the bot's user id from the event's authorizations; when unknown, a leading mention is taken to be the bot's
     */
    static String question(String text, String botUserId) {
        if (text == null) {
            return "";
        }
        String plain = botUserId == null || botUserId.isBlank()
                ? LEADING_MENTION.matcher(text).replaceFirst("")
                : text.replaceAll("<@" + Pattern.quote(botUserId) + "(\\|[^>]*)?>", " ");
        return plain(plain);
    }

    /** Shows links and channels as their labels and undoes Slack's escaping. */
    static String plain(String text) {
        if (text == null) {
            return "";
        }
        String plain = CHANNEL.matcher(text).replaceAll(m -> Matcher.quoteReplacement("#" + m.group(1)));
        plain = LABELLED.matcher(plain).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        plain = BARE_LINK.matcher(plain).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        // Slack escapes these three in message text; &amp; last so "&amp;lt;" stays "&lt;".
        plain = plain.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return plain.replaceAll("\\s+", " ").strip();
    }
}
