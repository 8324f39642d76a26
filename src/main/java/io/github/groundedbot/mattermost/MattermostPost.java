package io.github.groundedbot.mattermost;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A post as Mattermost takes it from an integration: markdown text and Slack-compatible attachments.
 *
 * @param responseType {@code comment} (outgoing webhook: a reply in the thread of the post that
 *                     triggered it), {@code in_channel} or {@code ephemeral} (slash command)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MattermostPost(String text, @JsonProperty("response_type") String responseType, List<Attachment> attachments) {

    static final String COMMENT = "comment";
    static final String IN_CHANNEL = "in_channel";
    static final String EPHEMERAL = "ephemeral";

    MattermostPost withResponseType(String type) {
        return new MattermostPost(text, type, attachments);
    }

    /** A box under the post: a colour bar, a title, markdown text, a footer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Attachment(String fallback, String color, String title, String text, String footer) {
    }
}
