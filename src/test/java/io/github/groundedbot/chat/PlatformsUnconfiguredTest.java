package io.github.groundedbot.chat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Without their secrets the platforms' endpoints say they are off, whatever is sent; the bot starts as usual. */
@QuarkusTest
@TestProfile(NoPlatforms.class)
class PlatformsUnconfiguredTest {

    @Inject
    Instance<ChatPlatform> platforms;

    @Test
    void theStartupLineSaysEachPlatformIsOffAndWhatTurnsItOn() {
        assertThat(ChatPlatforms.summary(platforms.stream().toList()))
                .startsWith("Chat platforms on: none; off: ")
                .contains("Slack Events API (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN)")
                .contains("Slack Socket Mode (set SLACK_APP_TOKEN and SLACK_BOT_TOKEN)")
                .contains("Microsoft Teams (set TEAMS_SECURITY_TOKEN");
    }

    @ParameterizedTest
    @CsvSource({
            "/teams/messages, application/json, Teams is not configured, TEAMS_SECURITY_TOKEN",
            "/discord/interactions, application/json, Discord is not configured, DISCORD_PUBLIC_KEY",
            "/mattermost/commands, application/x-www-form-urlencoded, Mattermost is not configured, MATTERMOST_COMMAND_TOKEN",
            "/mattermost/webhook, application/x-www-form-urlencoded, Mattermost is not configured, MATTERMOST_WEBHOOK_TOKEN",
            "/mattermost/webhook, application/json, Mattermost is not configured, MATTERMOST_WEBHOOK_TOKEN"})
    void anEndpointSaysItsPlatformIsOff(String path, String contentType, String title, String setting) {
        String body = contentType.endsWith("json") ? "{\"type\":1,\"token\":\"x\"}" : "token=x&text=hi";
        given().contentType(contentType).body(body)
                .header("Authorization", "HMAC AAAA").header("X-Signature-Ed25519", "00")
                .header("X-Signature-Timestamp", "1")
                .when().post(path)
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("title", equalTo(title))
                .body("detail", containsString(setting));
    }
}
