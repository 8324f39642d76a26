package io.github.groundedbot.chat;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Every chat platform off: empty secrets also mask any a developer has in the environment. */
public class NoPlatforms implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("slack.signing-secret", "", "slack.bot-token", "", "slack.app-token", "",
                "teams.security-token", "", "discord.public-key", "",
                "mattermost.command-token", "", "mattermost.webhook-token", "");
    }
}
