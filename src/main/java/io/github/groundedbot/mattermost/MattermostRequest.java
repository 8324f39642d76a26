package io.github.groundedbot.mattermost;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The fields the bot uses from a slash command or an outgoing webhook call; Mattermost sends them
 * form-encoded, or (an outgoing webhook set to it) as JSON with the same names.
 *
 * @param postId      the post that triggered the outgoing webhook
 * @param triggerWord the trigger word the post starts with (outgoing webhook)
 * @param responseUrl where a slash command's answer goes; Mattermost posts it in the command's thread
 * @param triggerId   unique per slash command use
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record MattermostRequest(String token, @JsonProperty("team_id") String teamId,
                         @JsonProperty("channel_id") String channelId, @JsonProperty("user_id") String userId,
                         @JsonProperty("post_id") String postId, String text,
                         @JsonProperty("trigger_word") String triggerWord, String command,
                         @JsonProperty("response_url") String responseUrl,
                         @JsonProperty("trigger_id") String triggerId) {

    /**
     * Reads a form-encoded body.
     *
     * @throws IllegalArgumentException when its percent-encoding is broken
     */
    static MattermostRequest fromForm(String body) {
        Map<String, List<String>> form = new QueryStringDecoder(body, StandardCharsets.UTF_8, false).parameters();
        Function<String, String> field = name -> form.getOrDefault(name, List.of()).stream().findFirst().orElse(null);
        return new MattermostRequest(field.apply("token"), field.apply("team_id"), field.apply("channel_id"),
                field.apply("user_id"), field.apply("post_id"), field.apply("text"), field.apply("trigger_word"),
                field.apply("command"), field.apply("response_url"), field.apply("trigger_id"));
    }

    /** A person in a channel: Mattermost does not tell integrations which thread a message is in. */
    String conversationId() {
        return teamId + ":" + channelId + ":" + userId;
    }
}
