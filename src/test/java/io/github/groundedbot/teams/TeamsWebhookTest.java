package io.github.groundedbot.teams;

import io.github.groundedbot.chat.PlatformStandIns;
import io.github.groundedbot.hostile.HostileInputs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.github.groundedbot.teams.TeamsRequests.activity;
import static io.github.groundedbot.teams.TeamsRequests.chain;
import static io.github.groundedbot.teams.TeamsRequests.mention;
import static io.github.groundedbot.teams.TeamsRequests.post;
import static io.github.groundedbot.teams.TeamsRequests.postRaw;
import static io.github.groundedbot.teams.TeamsRequests.write;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

/** The outgoing webhook contract: what Teams sends, and the reply it gets in the same HTTP response. */
@QuarkusTest
@WithTestResource(PlatformStandIns.class)
class TeamsWebhookTest {

    private static final String DRAIS_URL = "https://example.org/bicycle-history/early-designs";
    private static final String CARD = "application/vnd.microsoft.card.adaptive";

    @Test
    void aQuestionIsAnsweredWithACardCitingItsSources() {
        JsonPath reply = post(mention(chain(), "who invented the running machine?"))
                .then().statusCode(200).contentType("application/json").extract().jsonPath();

        assertThat(reply.getString("type")).isEqualTo("message");
        assertThat(reply.getString("attachments[0].contentType")).isEqualTo(CARD);
        assertThat(reply.getString("attachments[0].content.type")).isEqualTo("AdaptiveCard");
        List<String> blocks = reply.getList("attachments[0].content.body.text");
        assertThat(blocks.get(0)).contains("Drais").contains("[1]");
        assertThat(blocks).contains("Sources");
        assertThat(blocks).anySatisfy(b -> assertThat(b).startsWith("[1] [Drais running machine](" + DRAIS_URL + ")"));
        assertThat(blocks).noneMatch(b -> b.contains(TeamsReplies.NOT_FROM_THE_FACT_BASE));
        assertThat(reply.getString("attachments[0].content.fallbackText")).contains("Drais");
    }

    @Test
    void aRefusalIsMarkedAsNotFromTheFactBase() {
        JsonPath reply = post(mention(chain(), "what is the capital of Australia?"))
                .then().statusCode(200).extract().jsonPath();

        List<String> blocks = reply.getList("attachments[0].content.body.text");
        assertThat(blocks.get(blocks.size() - 1)).isEqualTo(TeamsReplies.NOT_FROM_THE_FACT_BASE);
        assertThat(reply.getList("attachments[0].content.body.color")).contains("warning");
        assertThat(blocks).doesNotContain("Sources");
    }

    @Test
    void smallTalkIsPlainText() {
        JsonPath reply = post(mention(chain(), "hello")).then().statusCode(200).extract().jsonPath();
        assertThat(reply.getString("text")).isNotBlank();
        assertThat(reply.getList("attachments")).isNull();
    }

    @Test
    void aMentionWithoutAQuestionGetsUsageHelp() {
        post(activity(chain(), "<at>" + TeamsRequests.WEBHOOK_NAME + "</at>", Instant.now()))
                .then().statusCode(200).body("text", equalTo(TeamsMessages.USAGE));
    }

    @Test
    void aReplyChainIsAConversation() {
        String chain = chain();
        post(mention(chain, "tell me about the Rover safety bicycle")).then().statusCode(200);

        JsonPath followUp = post(mention(chain, "who produced it?")).then().statusCode(200).extract().jsonPath();
        List<String> blocks = followUp.getList("attachments[0].content.body.text");
        assertThat(blocks.get(0)).contains("John Kemp Starley");
        assertThat(blocks).anyMatch(b -> b.startsWith("Read as: "));

        // The same words in another chain have no earlier turn to refer to.
        JsonPath elsewhere = post(mention(chain(), "who produced it?")).then().statusCode(200).extract().jsonPath();
        assertThat(elsewhere.prettify()).doesNotContain("Read as: ");
    }

    @Test
    void aBadSignatureIsRefused() {
        byte[] body = write(mention(chain(), "who invented the running machine?")).getBytes(StandardCharsets.UTF_8);
        String signature = TeamsRequests.sign(body);
        byte[] tampered = write(mention(chain(), "who invented the bicycle chain?")).getBytes(StandardCharsets.UTF_8);
        for (String authorization : List.of(signature.replace("HMAC ", "HMAC x"), "HMAC " + "A".repeat(44),
                "HMAC not base64!", "Bearer abc", "")) {
            assertRefused(given().contentType("application/json").header("Authorization", authorization).body(body)
                    .post("/teams/messages"), 401);
        }
        assertRefused(given().contentType("application/json").body(body).post("/teams/messages"), 401);
        assertRefused(given().contentType("application/json").header("Authorization", signature).body(tampered)
                .post("/teams/messages"), 401);
    }

    @Test
    void staleAndFutureTimestampsAreRefused() {
        for (Instant sent : List.of(Instant.now().minus(Duration.ofMinutes(6)), Instant.now().plus(Duration.ofMinutes(6)))) {
            assertRefused(post(activity(chain(), "who invented the running machine?", sent)), 401);
        }
        Map<String, Object> undated = mention(chain(), "who invented the running machine?");
        undated.remove("timestamp");
        assertRefused(post(undated), 401);
        Map<String, Object> garbled = mention(chain(), "who invented the running machine?");
        garbled.put("timestamp", "yesterday");
        assertRefused(post(garbled), 401);
    }

    @Test
    void aReplayIsRefused() {
        byte[] body = write(mention(chain(), "who invented the running machine?")).getBytes(StandardCharsets.UTF_8);
        postRaw(body).then().statusCode(200);
        assertRefused(postRaw(body), 409);
    }

    @Test
    void botsAndOtherActivitiesGetNoReply() {
        Map<String, Object> fromBot = mention(chain(), "who invented the running machine?");
        fromBot.put("from", Map.of("id", "28:5e6f-bot", "name", "Another bot"));
        post(fromBot).then().statusCode(204);
        Map<String, Object> byRole = mention(chain(), "who invented the running machine?");
        byRole.put("from", Map.of("id", "29:x", "name", "Flagged", "role", "bot"));
        post(byRole).then().statusCode(204);
        Map<String, Object> typing = mention(chain(), "who invented the running machine?");
        typing.put("type", "typing");
        post(typing).then().statusCode(204);
    }

    @Test
    void malformedBodiesAreBadRequests() {
        for (String body : List.of("", "not json", "[]", "null", "\"x\"", "{", "{\"type\":\"message\"}",
                "{\"type\":\"message\",\"timestamp\":" + "\"" + Instant.now() + "\",\"id\":{}}",
                "[".repeat(50_000))) {
            assertRefused(postRaw(body.getBytes(StandardCharsets.UTF_8)), 400, 401);
        }
        Map<String, Object> noConversation = mention(chain(), "who invented the running machine?");
        noConversation.remove("conversation");
        assertRefused(post(noConversation), 400);
        Map<String, Object> wrongType = mention(chain(), "who invented the running machine?");
        wrongType.put("text", Map.of("a", 1));
        assertRefused(post(wrongType), 400);
        postRaw(new byte[]{'{', '"', 't', '"', ':', '"', (byte) 0xff, (byte) 0xc3, '"', '}'})
                .then().statusCode(lessThan(500));
    }

    @Test
    void hostileQuestionsGetAReplyOrA4xx() {
        for (Map.Entry<String, String> c : HostileInputs.questions().entrySet()) {
            Response response = post(mention(chain(), c.getValue()));
            assertThat(response.statusCode()).as(c.getKey() + " → " + response.asString()).isLessThan(500);
            assertThat(response.asString()).as(c.getKey()).doesNotContain("\tat ", "Exception");
        }
        // A real question is still answered afterwards.
        post(mention(chain(), "who invented the running machine?")).then().statusCode(200)
                .body("attachments[0].content.body[0].text", containsString("Drais"));
    }

    private static void assertRefused(Response response, Integer... statuses) {
        assertThat(response.statusCode()).as(response.asString()).isIn((Object[]) statuses);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
