package io.github.groundedbot.discord;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A message as Discord's API takes it: the text, embeds, and which mentions may ping (none: an
 * answer quoting "@everyone" must not notify anyone). {@code flags} 64 shows it to the asker only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DiscordMessage(String content, List<Embed> embeds, @JsonProperty("allowed_mentions") AllowedMentions allowedMentions,
                      Integer flags) {

    static final int EPHEMERAL = 64;

    static DiscordMessage of(String content, List<Embed> embeds) {
        return new DiscordMessage(content, embeds, AllowedMentions.NONE, null);
    }

    static DiscordMessage ephemeral(String content) {
        return new DiscordMessage(content, List.of(), AllowedMentions.NONE, EPHEMERAL);
    }

    record AllowedMentions(List<String> parse) {
        static final AllowedMentions NONE = new AllowedMentions(List.of());
    }

    /** A box under the message; the description takes Discord's markdown, links included. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Embed(String title, String description, Integer color, Footer footer) {
    }

    record Footer(String text) {
    }
}
