package io.github.groundedbot.teams;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of a Bot Framework activity an outgoing webhook uses. Teams sends one when someone
 * mentions the webhook in a channel; {@code conversation.id} names the reply chain
 * ({@code 19:…@thread.tacv2;messageid=…}), so a reply in the chain stays in its conversation.
 *
 * @param timestamp when Teams sent it, ISO 8601 in UTC; inside the signed body, so it dates the request
 * @param text      the message as HTML, the webhook's own mention included: {@code <at>Name</at> question}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record TeamsActivity(String type, String id, String timestamp, String text, Account from,
                     ConversationAccount conversation) {

    /** A sender: a person ({@code 29:…}) or a bot ({@code 28:…}, or role "bot"). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Account(String id, String name, String role) {

        boolean isBot() {
            return "bot".equalsIgnoreCase(role) || (id != null && id.startsWith("28:"));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConversationAccount(String id) {
    }
}
