package io.github.groundedbot.teams;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Turns the HTML of a Teams message into the plain question the answer service expects. */
final class TeamsText {

    private TeamsText() {
    }

    /** The text without the webhook's own mention (the first {@code <at>}): tags dropped, entities decoded. */
    static String question(String html) {
        if (html == null) {
            return "";
        }
        Document document = Jsoup.parseBodyFragment(html);
        Element mention = document.selectFirst("at");
        if (mention != null) {
            mention.remove();
        }
        return document.body().text().strip();
    }
}
