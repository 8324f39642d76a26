package io.github.groundedbot.language;

import java.util.regex.Pattern;

/**
 * Phrases that announce a question rather than ask it ("Different question: …", "By the way, …").
 * Left in, their words would count as terms the facts must cover, and a fact base that never says
 * "question" would refuse a question it answers.
 */
public final class LeadIns {

    private static final Pattern LEAD_IN = Pattern.compile(
            "^\\s*" + WordList.load("lead-ins").alternation() + "\\s*[:,.;!\\-–—]+\\s*", Pattern.CASE_INSENSITIVE);

    private LeadIns() {
    }

    /** The question without the lead-ins it opens with; the message itself when nothing would be left. */
    public static String strip(String message) {
        String question = message;
        for (String rest = LEAD_IN.matcher(question).replaceFirst(""); !rest.equals(question) && !rest.isBlank();
             rest = LEAD_IN.matcher(question).replaceFirst("")) {
            question = rest;
        }
        return question;
    }
}
