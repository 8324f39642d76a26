package io.github.groundedbot.slack;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.slack.api.app_backend.SlackSignature;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.github.groundedbot.slack.SignedRequests.json;
import static io.github.groundedbot.slack.SignedRequests.now;
import static io.github.groundedbot.slack.SignedRequests.sign;
import static io.github.groundedbot.slack.SlackPayloads.BOT_USER;
import static io.github.groundedbot.slack.SlackPayloads.callback;
import static io.github.groundedbot.slack.SlackPayloads.channel;
import static io.github.groundedbot.slack.SlackPayloads.mention;
import static io.github.groundedbot.slack.SlackPayloads.posts;
import static io.github.groundedbot.slack.SlackPayloads.ts;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Only requests signed by Slack, recently, over exactly the bytes received get through. */
@QuarkusTest
@WithTestResource(SlackApiStub.class)
class SlackSignatureEndpointTest {

    private static final String CHALLENGE = "{\"token\":\"t\",\"challenge\":\"secret-challenge\",\"type\":\"url_verification\"}";
    private static final String TS = "X-Slack-Request-Timestamp";
    private static final String SIG = "X-Slack-Signature";

    @SlackApiStub.SlackApi
    WireMockServer slack;

    @Test
    void validSignatureIsAccepted() {
        String ts = now();
        json(CHALLENGE).header(TS, ts).header(SIG, sign(ts, CHALLENGE))
                .when().post("/slack/events")
                .then().statusCode(200).body("challenge", equalTo("secret-challenge"));
    }

    @Test
    void timestampWithinFiveMinutesIsAccepted() {
        String ts = epoch(Instant.now().minus(Duration.ofMinutes(4)));
        json(CHALLENGE).header(TS, ts).header(SIG, sign(ts, CHALLENGE))
                .when().post("/slack/events").then().statusCode(200);
    }

    @Test
    void wrongSignatureIsRejected() {
        String ts = now();
        String wrong = new SlackSignature.Generator("another-secret").generate(ts, CHALLENGE);
        rejected(json(CHALLENGE).header(TS, ts).header(SIG, wrong).when().post("/slack/events").then());
    }

    @Test
    void signatureOfAnotherTimestampIsRejected() {
        String ts = now();
        String earlier = String.valueOf(Long.parseLong(ts) - 1);
        rejected(json(CHALLENGE).header(TS, ts).header(SIG, sign(earlier, CHALLENGE)).when().post("/slack/events").then());
    }

    @Test
    void staleTimestampIsRejected() {
        String ts = epoch(Instant.now().minus(Duration.ofMinutes(6)));
        rejected(json(CHALLENGE).header(TS, ts).header(SIG, sign(ts, CHALLENGE)).when().post("/slack/events").then());
    }

    @Test
    void futureTimestampIsRejected() {
        String ts = epoch(Instant.now().plus(Duration.ofMinutes(6)));
        rejected(json(CHALLENGE).header(TS, ts).header(SIG, sign(ts, CHALLENGE)).when().post("/slack/events").then());
    }

    @Test
    void missingHeadersAreRejected() {
        String ts = now();
        rejected(json(CHALLENGE).header(SIG, sign(ts, CHALLENGE)).when().post("/slack/events").then());
        rejected(json(CHALLENGE).header(TS, ts).when().post("/slack/events").then());
        rejected(json(CHALLENGE).when().post("/slack/events").then());
    }

    @Test
    void malformedTimestampIsRejected() {
        rejected(json(CHALLENGE).header(TS, "yesterday").header(SIG, sign("yesterday", CHALLENGE))
                .when().post("/slack/events").then());
    }

    @Test
    void tamperedBodyIsRejectedAndNotProcessed() {
        String channel = channel("CTAMPER");
        String ts = ts();
        String signed = callback("Ev" + ts, mention(channel, ts, "<@" + BOT_USER + "> hello"));
        String tampered = signed.replace("hello", "who invented the running machine?");
        String now = now();
        rejected(json(tampered).header(TS, now).header(SIG, sign(now, signed)).when().post("/slack/events").then());

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> posts(slack, channel).isEmpty());
    }

    @Test
    void slashCommandsAreVerifiedToo() {
        String body = "command=%2Fask&text=who+invented+the+running+machine&response_url=http%3A%2F%2F127.0.0.1%3A1%2Fresponse%2Fx";
        String ts = now();
        rejected(given().contentType("application/x-www-form-urlencoded").body(body)
                .header(TS, ts).header(SIG, sign(ts, body + "&x=1"))
                .when().post("/slack/commands").then());
    }

    private static void rejected(ValidatableResponse response) {
        response.statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("title", equalTo("Invalid Slack request"))
                .body(not(containsString("secret-challenge")));
    }

    private static String epoch(Instant instant) {
        return String.valueOf(instant.getEpochSecond());
    }
}
