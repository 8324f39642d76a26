package io.github.groundedbot.slack;

import io.github.groundedbot.chat.NoPlatforms;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.github.groundedbot.slack.SignedRequests.signedForm;
import static io.github.groundedbot.slack.SignedRequests.signedJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Without a signing secret the app starts and the Slack endpoints say they are off. */
@QuarkusTest
@TestProfile(NoPlatforms.class)
class SlackUnconfiguredTest {

    @Test
    void eventsEndpointSaysSlackIsNotConfigured() {
        signedJson("{\"type\":\"url_verification\",\"challenge\":\"c\"}")
                .when().post("/slack/events")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("title", equalTo("Slack is not configured"))
                .body("detail", containsString("SLACK_SIGNING_SECRET"));
    }

    @Test
    void commandsEndpointSaysSlackIsNotConfigured() {
        signedForm("command=%2Fask&text=hi")
                .when().post("/slack/commands")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("title", equalTo("Slack is not configured"));
    }

    @Test
    void theRestOfTheBotStillWorks() {
        given().contentType("application/json").body("{\"question\":\"hello\"}")
                .when().post("/api/ask")
                .then().statusCode(200);
    }
}
