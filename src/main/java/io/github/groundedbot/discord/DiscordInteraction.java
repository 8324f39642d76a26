package io.github.groundedbot.discord;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * The part of a Discord interaction the bot uses. {@code member} is set in a server, {@code user}
 * in a direct message; {@code token} lets the bot edit its reply for 15 minutes.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record DiscordInteraction(int type, String id, @JsonProperty("application_id") String applicationId, String token,
                          Data data, @JsonProperty("guild_id") String guildId,
                          @JsonProperty("channel_id") String channelId, Member member, User user) {

    static final int PING = 1;
    static final int APPLICATION_COMMAND = 2;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String name, List<Option> options) {
    }

    /** A command option; its value is a string for {@code /ask question:}, but other types carry numbers. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Option(String name, int type, JsonNode value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Member(User user) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(String id, boolean bot) {
    }

    /** Who used the command: the member in a server, the user in a DM. */
    Optional<User> invoker() {
        return Optional.ofNullable(member).map(Member::user).or(() -> Optional.ofNullable(user));
    }

    /** The text of the named string option. */
    Optional<String> option(String name) {
        if (data == null || data.options() == null) {
            return Optional.empty();
        }
        return data.options().stream()
                .filter(o -> name.equals(o.name()) && o.value() != null && o.value().isTextual())
                .map(o -> o.value().asText())
                .findFirst();
    }
}
