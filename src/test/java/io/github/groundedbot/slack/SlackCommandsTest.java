package io.github.groundedbot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.slack.api.app_backend.SlackSignature;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.github.groundedbot.slack.SignedRequests.signedForm;
import static io.github.groundedbot.slack.SlackPayloads.read;
import static io.github.groundedbot.slack.SlackPayloads.responses;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(SlackApiStub.class)
class SlackCommandsTest {

    @SlackApiStub.SlackApi
    WireMockServer slack;

    @Test
    void askIsAcknowledgedThenAnsweredThroughTheResponseUrl() {
        String path = "/response/" + SlackPayloads.channel("ASK");
        signedForm(command("who invented the running machine?", SlackApiStub.baseUrl(slack) + path))
                .when().post("/slack/commands")
                .then().statusCode(200)
                .contentType("application/json")
                .body("response_type", equalTo("ephemeral"))
                .body("text", equalTo("Looking that up…"));

        await().atMost(Duration.ofSeconds(30)).until(() -> responses(slack, path).size() == 1);
        JsonNode reply = read(responses(slack, path).get(0).getBodyAsString());
        assertEquals("ephemeral", reply.get("response_type").asText());
        assertTrue(reply.get("text").asText().contains("Drais"), reply.toString());
        JsonNode blocks = reply.get("blocks");
        assertEquals("section", blocks.get(0).get("type").asText());
        assertTrue(blocks.get(blocks.size() - 1).toString()
                .contains("<https://example.org/bicycle-history/early-designs|Drais running machine>"), blocks.toString());
    }

    @Test
    void blankAskGetsUsageAndNoAnswer() {
        String path = "/response/" + SlackPayloads.channel("BLANK");
        signedForm(command("   ", SlackApiStub.baseUrl(slack) + path))
                .when().post("/slack/commands")
                .then().statusCode(200)
                .body("response_type", equalTo("ephemeral"))
                .body("text", containsString("`/ask <your question>`"));

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> responses(slack, path).isEmpty());
    }

    @Test
    void commandWithoutResponseUrlIsABadRequest() {
        signedForm(command("who invented the running machine?", null))
                .when().post("/slack/commands")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aReplayedCommandIsAnsweredOnce() {
        String path = "/response/" + SlackPayloads.channel("REPLAY");
        String body = command("who invented the running machine?", SlackApiStub.baseUrl(slack) + path);
        // Someone who captured a signed request sends it again, unchanged, within the five minutes.
        String timestamp = SignedRequests.now();
        String signature = SignedRequests.sign(timestamp, body);
        for (int i = 0; i < 3; i++) {
            given().contentType("application/x-www-form-urlencoded; charset=utf-8").body(body)
                    .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp)
                    .header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signature)
                    .when().post("/slack/commands")
                    .then().statusCode(200).body("text", equalTo("Looking that up…"));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> !responses(slack, path).isEmpty());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> responses(slack, path).size() == 1);
    }

    @Test
    void commandWithoutTriggerIdIsABadRequest() {
        String body = command("who invented the running machine?", SlackApiStub.baseUrl(slack) + "/response/x")
                .replaceAll("&trigger_id=[^&]*", "");
        signedForm(body)
                .when().post("/slack/commands")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("trigger_id"));
    }

    /** A slash command as Slack posts it: form-encoded, in Slack's field order, with a trigger id of its own. */
    private static String command(String text, String responseUrl) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", "legacy-verification-token");
        fields.put("team_id", SlackPayloads.TEAM);
        fields.put("team_domain", "testteam");
        fields.put("channel_id", "C0COMMANDS");
        fields.put("channel_name", "general");
        fields.put("user_id", SlackPayloads.PERSON);
        fields.put("user_name", "rider");
        fields.put("command", "/ask");
        fields.put("text", text);
        fields.put("api_app_id", "A0APP");
        if (responseUrl != null) {
            fields.put("response_url", responseUrl);
        }
        fields.put("trigger_id", "13345224609." + UUID.randomUUID().toString().replace("-", ""));
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
