package io.github.groundedbot.teams;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The reply activity an outgoing webhook returns in its HTTP response: markdown text, or an
 * Adaptive Card (Teams allows no card actions here but opening a URL, so the card has none).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TeamsReply(String type, String text, List<Attachment> attachments) {

    static final String MESSAGE = "message";

    static TeamsReply text(String markdown) {
        return new TeamsReply(MESSAGE, markdown, null);
    }

    static TeamsReply card(AdaptiveCard card) {
        return new TeamsReply(MESSAGE, null, List.of(new Attachment(AdaptiveCard.CONTENT_TYPE, card)));
    }

    record Attachment(String contentType, AdaptiveCard content) {
    }

    /** An Adaptive Card of text blocks; {@code fallbackText} is shown where cards cannot be. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AdaptiveCard(@JsonProperty("$schema") String schema, String type, String version, String fallbackText,
                        List<TextBlock> body) {

        static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
        /** Teams renders Adaptive Cards up to 1.5; nothing here needs more than 1.4. */
        static final String VERSION = "1.4";

        static AdaptiveCard of(String fallbackText, List<TextBlock> body) {
            return new AdaptiveCard("http://adaptivecards.io/schemas/adaptive-card.json", "AdaptiveCard", VERSION,
                    fallbackText, body);
        }
    }

    /**
     * A paragraph of the card; its text takes Teams' markdown subset (bold, italics, lists, links).
     *
     * @param color  {@code warning} for the not-from-the-fact-base mark, else the default
     * @param weight {@code bolder} for headings, else the default
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TextBlock(String type, String text, boolean wrap, String size, Boolean isSubtle, String weight,
                     String color, String spacing) {

        static TextBlock paragraph(String text) {
            return new TextBlock("TextBlock", text, true, null, null, null, null, null);
        }

        static TextBlock heading(String text) {
            return new TextBlock("TextBlock", text, true, null, null, "bolder", null, "medium");
        }

        static TextBlock small(String text) {
            return new TextBlock("TextBlock", text, true, "small", true, null, null, "none");
        }

        static TextBlock warning(String text) {
            return new TextBlock("TextBlock", text, true, null, null, "bolder", "warning", "medium");
        }
    }
}
