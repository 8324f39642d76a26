package io.github.groundedbot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.groundedbot.slack.SignedRequests.signedJson;
import static io.github.groundedbot.slack.SlackPayloads.BOT_USER;
import static io.github.groundedbot.slack.SlackPayloads.callback;
import static io.github.groundedbot.slack.SlackPayloads.channel;
import static io.github.groundedbot.slack.SlackPayloads.directMessage;
import static io.github.groundedbot.slack.SlackPayloads.mention;
import static io.github.groundedbot.slack.SlackPayloads.posts;
import static io.github.groundedbot.slack.SlackPayloads.read;
import static io.github.groundedbot.slack.SlackPayloads.ts;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(SlackApiStub.class)
class SlackEventsTest {

    /** Answering embeds the question; the first one also warms the model up. */
    private static final Duration ANSWER_TIME = Duration.ofSeconds(30);
    /** How long "no further post" is watched for; answers arrive in well under a second once warm. */
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final String DRAIS_URL = "https://example.org/bicycle-history/early-designs";

    @SlackApiStub.SlackApi
    WireMockServer slack;

    @Test
    void urlVerificationEchoesTheChallenge() {
        signedJson("{\"token\":\"t\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY\",\"type\":\"url_verification\"}")
                .when().post("/slack/events")
                .then().statusCode(200)
                .contentType("application/json")
                .body("challenge", equalTo("3eZbrw1aBm2rZgRNFdxV2595E9CY"));
    }

    @Test
    void mentionIsAnsweredOnceInItsThreadWithSources() {
        String channel = channel("CMENTION");
        String ts = ts();
        signedJson(callback("Ev" + ts, mention(channel, ts, "<@" + BOT_USER + "> who invented the running machine?")))
                .when().post("/slack/events")
                .then().statusCode(200);

        await().atMost(ANSWER_TIME).until(() -> !posts(slack, channel).isEmpty());
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> posts(slack, channel).size() == 1);
        Map<String, String> post = posts(slack, channel).get(0);
        assertEquals(ts, post.get("thread_ts"), "a reply to a top-level message starts a thread under it");
        assertEquals("Bearer " + SlackApiStub.BOT_TOKEN, post.get("authorization"));
        assertTrue(post.get("text").contains("Drais"), post.get("text"));
        assertTrue(Set.of("0", "false").contains(post.get("unfurl_links")), "sources are not unfurled");

        JsonNode blocks = read(post.get("blocks"));
        assertEquals("section", blocks.get(0).get("type").asText());
        String answer = blocks.get(0).get("text").get("text").asText();
        assertTrue(answer.contains("Drais") && answer.contains("<" + DRAIS_URL + "|[1]>"), answer);
        JsonNode sources = blocks.get(blocks.size() - 1);
        assertEquals("context", sources.get("type").asText());
        String sourceText = sources.get("elements").get(0).get("text").asText();
        assertTrue(sourceText.contains("[1] <" + DRAIS_URL + "|Drais running machine>"), sourceText);
        assertFalse(blocks.toString().contains(SlackReplies.NOT_GROUNDED), "a grounded answer carries no warning");
    }

    @Test
    void replyInAThreadGoesToThatThread() {
        String channel = channel("CTHREAD");
        String parent = ts();
        String ts = ts();
        Map<String, Object> event = mention(channel, ts, "<@" + BOT_USER + "> where does the name penny-farthing come from?");
        event.put("thread_ts", parent);
        signedJson(callback("Ev" + ts, event)).when().post("/slack/events").then().statusCode(200);

        await().atMost(ANSWER_TIME).until(() -> posts(slack, channel).size() == 1);
        assertEquals(parent, posts(slack, channel).get(0).get("thread_ts"));
    }

    @Test
    void aThreadIsAConversation() {
        String channel = channel("CCONVO");
        String parent = ts();
        signedJson(callback("Ev" + parent, mention(channel, parent, "<@" + BOT_USER + "> tell me about the Rover safety bicycle")))
                .when().post("/slack/events").then().statusCode(200);
        await().atMost(ANSWER_TIME).until(() -> posts(slack, channel).size() == 1);

        String followUp = ts();
        Map<String, Object> inThread = mention(channel, followUp, "<@" + BOT_USER + "> who produced it?");
        inThread.put("thread_ts", parent);
        signedJson(callback("Ev" + followUp, inThread)).when().post("/slack/events").then().statusCode(200);
        await().atMost(ANSWER_TIME).until(() -> posts(slack, channel).size() == 2);

        Map<String, String> reply = posts(slack, channel).get(1);
        assertEquals(parent, reply.get("thread_ts"));
        assertTrue(reply.get("text").contains("John Kemp Starley"), reply.get("text"));
        assertTrue(reply.get("blocks").contains("Read as:"), "the follow-up was read in the thread's context");

        // The same words in another thread have no earlier turn to refer to.
        String elsewhere = ts();
        signedJson(callback("Ev" + elsewhere, mention(channel, elsewhere, "<@" + BOT_USER + "> who produced it?")))
                .when().post("/slack/events").then().statusCode(200);
        await().atMost(ANSWER_TIME).until(() -> posts(slack, channel).size() == 3);
        Map<String, String> fresh = posts(slack, channel).get(2);
        assertEquals(elsewhere, fresh.get("thread_ts"));
        assertFalse(fresh.get("blocks").contains("Read as:"), fresh.get("blocks"));
    }

    @Test
    void aRetriedEventIsNotAnsweredTwice() {
        String channel = channel("CRETRY");
        String ts = ts();
        String body = callback("Ev" + ts, mention(channel, ts, "<@" + BOT_USER + "> who invented the running machine"));
        signedJson(body).when().post("/slack/events").then().statusCode(200);
        // Slack retries when it thinks the first delivery failed: same event id, retry headers.
        signedJson(body).header("X-Slack-Retry-Num", "1").header("X-Slack-Retry-Reason", "http_timeout")
                .when().post("/slack/events").then().statusCode(200);

        await().atMost(ANSWER_TIME).until(() -> !posts(slack, channel).isEmpty());
        signedJson(body).header("X-Slack-Retry-Num", "2").header("X-Slack-Retry-Reason", "http_timeout")
                .when().post("/slack/events").then().statusCode(200);
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> posts(slack, channel).size() == 1);
    }

    @Test
    void messageAndMentionOfOneMessageGetOneAnswer() {
        String channel = channel("DBOTH");
        String ts = ts();
        String text = "<@" + BOT_USER + "> who invented the running machine?";
        signedJson(callback("EvA" + ts, directMessage(channel, ts, text))).when().post("/slack/events")
                .then().statusCode(200);
        signedJson(callback("EvB" + ts, mention(channel, ts, text))).when().post("/slack/events")
                .then().statusCode(200);

        await().atMost(ANSWER_TIME).until(() -> !posts(slack, channel).isEmpty());
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> posts(slack, channel).size() == 1);
    }

    @Test
    void directMessageIsAnswered() {
        String channel = channel("DIM");
        String ts = ts();
        signedJson(callback("Ev" + ts, directMessage(channel, ts, "why was the velocipede called a boneshaker?")))
                .when().post("/slack/events").then().statusCode(200);

        await().atMost(ANSWER_TIME).until(() -> posts(slack, channel).size() == 1);
        Map<String, String> post = posts(slack, channel).get(0);
        assertEquals(ts, post.get("thread_ts"));
        assertTrue(post.get("text").toLowerCase().contains("boneshaker"), post.get("text"));
    }

    @Test
    void botsEditsAndChannelChatterAreIgnored() {
        String channel = channel("DBOTS");
        String question = "who invented the running machine?";

        Map<String, Object> botMessage = directMessage(channel, ts(), question);
        botMessage.put("subtype", "bot_message");
        botMessage.put("bot_id", "B0OTHER");
        botMessage.remove("user");
        Map<String, Object> botWithoutSubtype = directMessage(channel, ts(), question);
        botWithoutSubtype.put("bot_id", "B0OTHER");
        Map<String, Object> ownMessage = directMessage(channel, ts(), question);
        ownMessage.put("user", BOT_USER);
        Map<String, Object> edited = directMessage(channel, ts(), question);
        edited.put("subtype", "message_changed");
        Map<String, Object> mentionByBot = mention(channel, ts(), "<@" + BOT_USER + "> " + question);
        mentionByBot.put("bot_id", "B0OTHER");
        Map<String, Object> channelMessage = directMessage(channel, ts(), question);
        channelMessage.put("channel_type", "channel");

        for (Map<String, Object> event : List.of(botMessage, botWithoutSubtype, ownMessage, edited, mentionByBot,
                channelMessage)) {
            signedJson(callback("Ev" + ts(), event)).when().post("/slack/events").then().statusCode(200);
        }
        // A person's message afterwards is answered: the pipeline works, and it is the only post.
        String personTs = ts();
        signedJson(callback("Ev" + personTs, directMessage(channel, personTs, question)))
                .when().post("/slack/events").then().statusCode(200);

        await().atMost(ANSWER_TIME).until(() -> !posts(slack, channel).isEmpty());
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> posts(slack, channel).size() == 1);
        assertEquals(personTs, posts(slack, channel).get(0).get("thread_ts"));
    }

    @Test
    void unansweredQuestionCarriesTheWarning() {
        String channel = channel("CREFUSE");
        String ts = ts();
        signedJson(callback("Ev" + ts, mention(channel, ts, "<@" + BOT_USER + "> what is the capital of Australia?")))
                .when().post("/slack/events").then().statusCode(200);

        await().atMost(ANSWER_TIME).until(() -> posts(slack, channel).size() == 1);
        JsonNode blocks = read(posts(slack, channel).get(0).get("blocks"));
        JsonNode last = blocks.get(blocks.size() - 1);
        assertEquals("context", last.get("type").asText());
        assertEquals(SlackReplies.NOT_GROUNDED, last.get("elements").get(0).get("text").asText());
        assertFalse(blocks.toString().contains("Sources"), "a refusal cites nothing");
    }

    @Test
    void failedPostIsRetriedUntilItGoesThrough() {
        String channel = channel("CFLAKY");
        String scenario = "flaky-" + channel;
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=" + channel))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("rate-limited"));
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=" + channel))
                .inScenario(scenario).whenScenarioStateIs("rate-limited")
                .willReturn(okJson("{\"ok\":false,\"error\":\"ratelimited\"}")).willSetStateTo("up"));
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=" + channel))
                .inScenario(scenario).whenScenarioStateIs("up")
                .willReturn(okJson("{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"1.2\"}")));
        String ts = ts();
        signedJson(callback("Ev" + ts, mention(channel, ts, "<@" + BOT_USER + "> who invented the running machine?")))
                .when().post("/slack/events").then().statusCode(200);

        await().atMost(ANSWER_TIME).until(() -> posts(slack, channel).size() >= 3);
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> posts(slack, channel).size() == 3);
    }

    @Test
    void permanentErrorIsNotRetried() {
        String channel = channel("CGONE");
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=" + channel))
                .willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));
        String ts = ts();
        signedJson(callback("Ev" + ts, mention(channel, ts, "<@" + BOT_USER + "> who invented the running machine?")))
                .when().post("/slack/events").then().statusCode(200);

        await().atMost(ANSWER_TIME).until(() -> !posts(slack, channel).isEmpty());
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> posts(slack, channel).size() == 1);
    }

    @Test
    void otherCallbackTypesAreAcknowledged() {
        signedJson("{\"type\":\"app_rate_limited\",\"token\":\"t\",\"team_id\":\"T0\",\"minute_rate_limited\":1518467820}")
                .when().post("/slack/events").then().statusCode(200);
    }

    @Test
    void signedGarbageIsABadRequest() {
        signedJson("not json").when().post("/slack/events")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
