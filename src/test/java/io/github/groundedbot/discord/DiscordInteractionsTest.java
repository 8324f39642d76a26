package io.github.groundedbot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.groundedbot.chat.PlatformStandIns;
import io.github.groundedbot.hostile.HostileInputs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.groundedbot.discord.DiscordRequests.APPLICATION;
import static io.github.groundedbot.discord.DiscordRequests.ask;
import static io.github.groundedbot.discord.DiscordRequests.edits;
import static io.github.groundedbot.discord.DiscordRequests.interaction;
import static io.github.groundedbot.discord.DiscordRequests.post;
import static io.github.groundedbot.discord.DiscordRequests.postRaw;
import static io.github.groundedbot.discord.DiscordRequests.snowflake;
import static io.github.groundedbot.discord.DiscordRequests.write;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The interactions endpoint contract: what Discord sends, the immediate response, and the edit through the interaction webhook. */
@QuarkusTest
@WithTestResource(PlatformStandIns.class)
class DiscordInteractionsTest {

    /** Answering embeds the question; the first one also warms the model up. */
    private static final Duration ANSWER_TIME = Duration.ofSeconds(30);
    /** How long "no further edit" is watched for; answers arrive in well under a second once warm. */
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final String DRAIS_URL = "https://example.org/bicycle-history/early-designs";

    @PlatformStandIns.PlatformApi
    WireMockServer api;

    @BeforeEach
    void discordAcceptsEdits() {
        api.stubFor(patch(urlPathMatching(PlatformStandIns.DISCORD_API_PATH + "/webhooks/.*/messages/@original"))
                .willReturn(okJson("{\"id\":\"1600000000000000006\",\"type\":0}")));
    }

    @Test
    void pingIsAnsweredWithPong() {
        post(interaction(1, snowflake(), "unused")).then().statusCode(200).body("type", equalTo(1))
                .body("data", nullValue());
    }

    @Test
    void askIsDeferredThenEditedIntoTheAnswerWithSources() {
        String token = "token-" + snowflake();
        post(ask(snowflake(), token, "who invented the running machine?"))
                .then().statusCode(200).body("type", equalTo(5));

        await().atMost(ANSWER_TIME).until(() -> !edits(api, token).isEmpty());
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> edits(api, token).size() == 1);
        JsonNode edit = edits(api, token).get(0);
        assertThat(edit.get("content").asText()).contains("Drais").contains("\\[1\\]");
        assertThat(edit.get("allowed_mentions").get("parse")).isEmpty();
        JsonNode sources = edit.get("embeds").get(0);
        assertThat(sources.get("title").asText()).isEqualTo("Sources");
        assertThat(sources.get("description").asText()).startsWith("\\[1\\] [Drais running machine](" + DRAIS_URL + ")");
        assertThat(edit.get("embeds")).hasSize(1);
        assertThat(api.findAll(patchRequestedFor(
                urlEqualTo(PlatformStandIns.DISCORD_API_PATH + "/webhooks/" + APPLICATION + "/" + token
                        + "/messages/@original"))).get(0).getHeader("User-Agent")).startsWith("DiscordBot (");
    }

    @Test
    void aRefusalIsMarkedAsNotFromTheFactBase() {
        String token = "token-" + snowflake();
        post(ask(snowflake(), token, "what is the capital of Australia?")).then().statusCode(200).body("type", equalTo(5));

        await().atMost(ANSWER_TIME).until(() -> edits(api, token).size() == 1);
        JsonNode embeds = edits(api, token).get(0).get("embeds");
        assertThat(embeds).hasSize(1);
        assertThat(embeds.get(0).get("description").asText()).isEqualTo(DiscordReplies.NOT_FROM_THE_FACT_BASE);
        assertThat(embeds.get(0).get("color").asInt()).isEqualTo(DiscordReplies.WARNING_COLOR);
    }

    @Test
    void aThreadKeepsItsConversation() {
        String thread = snowflake();
        String first = "token-" + snowflake();
        post(ask(thread, first, "tell me about the Rover safety bicycle")).then().statusCode(200);
        await().atMost(ANSWER_TIME).until(() -> edits(api, first).size() == 1);

        String followUp = "token-" + snowflake();
        post(ask(thread, followUp, "who produced it?")).then().statusCode(200);
        await().atMost(ANSWER_TIME).until(() -> edits(api, followUp).size() == 1);
        JsonNode reply = edits(api, followUp).get(0);
        assertThat(reply.get("content").asText()).contains("John Kemp Starley");
        assertThat(reply.get("embeds").get(0).get("footer").get("text").asText()).startsWith("Read as: ");

        String elsewhere = "token-" + snowflake();
        post(ask(snowflake(), elsewhere, "who produced it?")).then().statusCode(200);
        await().atMost(ANSWER_TIME).until(() -> edits(api, elsewhere).size() == 1);
        assertThat(edits(api, elsewhere).get(0).toString()).doesNotContain("Read as: ");
    }

    @Test
    void aBadSignatureIsRefused() {
        byte[] body = write(ask(snowflake(), "t", "who invented the running machine?")).getBytes(StandardCharsets.UTF_8);
        String ts = DiscordRequests.now();
        String signature = DiscordRequests.sign(ts, body);
        String flipped = (signature.charAt(0) == '0' ? "1" : "0") + signature.substring(1);
        for (Map<String, String> headers : List.<Map<String, String>>of(
                Map.of("X-Signature-Ed25519", flipped, "X-Signature-Timestamp", ts),
                Map.of("X-Signature-Ed25519", "zz" + signature.substring(2), "X-Signature-Timestamp", ts),
                Map.of("X-Signature-Ed25519", signature.substring(0, 64), "X-Signature-Timestamp", ts),
                Map.of("X-Signature-Ed25519", signature, "X-Signature-Timestamp", String.valueOf(Long.parseLong(ts) + 1)),
                Map.of("X-Signature-Ed25519", signature, "X-Signature-Timestamp", "soon"),
                Map.of("X-Signature-Timestamp", ts),
                Map.of())) {
            assertRefused(given().contentType("application/json").headers(headers).body(body)
                    .post("/discord/interactions"), 401);
        }
        byte[] tampered = write(ask(snowflake(), "t", "who invented the bicycle chain?")).getBytes(StandardCharsets.UTF_8);
        assertRefused(given().contentType("application/json").body(tampered)
                .header("X-Signature-Ed25519", signature).header("X-Signature-Timestamp", ts)
                .post("/discord/interactions"), 401);
    }

    @Test
    void staleAndFutureTimestampsAreRefused() {
        byte[] body = write(ask(snowflake(), "t", "who invented the running machine?")).getBytes(StandardCharsets.UTF_8);
        for (Instant sent : List.of(Instant.now().minus(Duration.ofMinutes(6)), Instant.now().plus(Duration.ofMinutes(6)))) {
            assertRefused(postRaw(body, String.valueOf(sent.getEpochSecond())), 401);
        }
    }

    @Test
    void aReplayIsRefusedAndAnsweredOnce() {
        String token = "token-" + snowflake();
        byte[] body = write(ask(snowflake(), token, "who invented the running machine?")).getBytes(StandardCharsets.UTF_8);
        String ts = DiscordRequests.now();
        postRaw(body, ts).then().statusCode(200).body("type", equalTo(5));
        assertRefused(postRaw(body, ts), 409);

        await().atMost(ANSWER_TIME).until(() -> !edits(api, token).isEmpty());
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> edits(api, token).size() == 1);
    }

    @Test
    void botsGetNoAnswer() {
        String token = "token-" + snowflake();
        Map<String, Object> fromBot = ask(snowflake(), token, "who invented the running machine?");
        fromBot.put("member", Map.of("user", Map.of("id", "1700000000000000007", "username", "robot", "bot", true)));
        post(fromBot).then().statusCode(200).body("type", equalTo(4))
                .body("data.content", equalTo(DiscordInteractions.PEOPLE_ONLY)).body("data.flags", equalTo(64));
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> edits(api, token).isEmpty());
    }

    @Test
    void aDirectMessageIsAnswered() {
        String token = "token-" + snowflake();
        Map<String, Object> dm = ask(snowflake(), token, "why was the velocipede called a boneshaker?");
        dm.remove("guild_id");
        dm.remove("member");
        dm.put("user", Map.of("id", DiscordRequests.PERSON, "username", "ada"));
        post(dm).then().statusCode(200).body("type", equalTo(5));
        await().atMost(ANSWER_TIME).until(() -> edits(api, token).size() == 1);
        assertThat(edits(api, token).get(0).get("content").asText().toLowerCase()).contains("boneshaker");
    }

    @Test
    void anEmptyQuestionOrAnotherCommandGetsUsageHelp() {
        Map<String, Object> noQuestion = ask(snowflake(), "t", "   ");
        post(noQuestion).then().statusCode(200).body("type", equalTo(4))
                .body("data.content", equalTo(DiscordInteractions.USAGE));
        Map<String, Object> other = ask(snowflake(), "t", "hi");
        other.put("data", Map.of("name", "weather", "type", 1));
        post(other).then().statusCode(200).body("type", equalTo(4))
                .body("data.content", equalTo(DiscordInteractions.USAGE));
    }

    @Test
    void aFailedEditIsRetriedUntilItGoesThrough() {
        String token = "token-" + snowflake();
        String url = PlatformStandIns.DISCORD_API_PATH + "/webhooks/" + APPLICATION + "/" + token + "/messages/@original";
        api.stubFor(patch(urlEqualTo(url)).inScenario(token).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("limited"));
        api.stubFor(patch(urlEqualTo(url)).inScenario(token).whenScenarioStateIs("limited")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")
                        .withBody("{\"message\":\"You are being rate limited.\",\"retry_after\":0.01}"))
                .willSetStateTo("up"));
        api.stubFor(patch(urlEqualTo(url)).inScenario(token).whenScenarioStateIs("up").willReturn(okJson("{}")));
        post(ask(snowflake(), token, "who invented the running machine?")).then().statusCode(200);

        await().atMost(ANSWER_TIME).until(() -> edits(api, token).size() >= 3);
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> edits(api, token).size() == 3);
    }

    @Test
    void malformedBodiesAreBadRequests() {
        for (String body : List.of("", "not json", "[]", "null", "{", "{\"type\":\"2\"}", "{\"type\":3}",
                "{\"type\":2,\"id\":\"1\"}", "{\"type\":2,\"id\":{},\"token\":\"t\"}", "[".repeat(50_000))) {
            assertRefused(postRaw(body.getBytes(StandardCharsets.UTF_8), DiscordRequests.now()), 400);
        }
        Map<String, Object> wrongValue = ask(snowflake(), "t", "x");
        wrongValue.put("data", Map.of("name", "ask", "options", List.of(Map.of("name", "question", "type", 3,
                "value", Map.of("a", 1)))));
        post(wrongValue).then().statusCode(200).body("data.content", equalTo(DiscordInteractions.USAGE));
    }

    @Test
    void hostileQuestionsGetAResponseOrA4xx() {
        for (Map.Entry<String, String> c : HostileInputs.questions().entrySet()) {
            Response response = post(ask(snowflake(), "token-" + snowflake(), c.getValue()));
            assertThat(response.statusCode()).as(c.getKey() + " → " + response.asString()).isLessThan(500);
            assertThat(response.asString()).as(c.getKey()).doesNotContain("\tat ", "Exception");
        }
        String token = "token-" + snowflake();
        post(ask(snowflake(), token, "who invented the running machine?")).then().statusCode(200);
        await().atMost(ANSWER_TIME).until(() -> edits(api, token).size() == 1);
        assertThat(edits(api, token).get(0).get("content").asText()).contains("Drais");
    }

    private static void assertRefused(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
