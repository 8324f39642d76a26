package io.github.groundedbot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.groundedbot.hostile.HostileInputs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.groundedbot.slack.SlackPayloads.BOT_USER;
import static io.github.groundedbot.slack.SlackPayloads.TEAM;
import static io.github.groundedbot.slack.SlackPayloads.callback;
import static io.github.groundedbot.slack.SlackPayloads.channel;
import static io.github.groundedbot.slack.SlackPayloads.directMessage;
import static io.github.groundedbot.slack.SlackPayloads.mention;
import static io.github.groundedbot.slack.SlackPayloads.posts;
import static io.github.groundedbot.slack.SlackPayloads.read;
import static io.github.groundedbot.slack.SlackPayloads.responses;
import static io.github.groundedbot.slack.SlackPayloads.ts;
import static io.github.groundedbot.slack.SlackPayloads.write;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slack over Socket Mode against a stand-in on loopback: the bot asks the Web API stand-in for a
 * connection, opens it, and gets its questions as envelopes down the WebSocket.
 */
@QuarkusTest
@WithTestResource(SocketModeStandIn.class)
class SlackSocketModeTest {

    /** Answering embeds the question; the first one also warms the model up. */
    private static final Duration ANSWER_TIME = Duration.ofSeconds(30);
    /** How long "no further post" is watched for; answers arrive in well under a second once warm. */
    private static final Duration QUIET = Duration.ofSeconds(2);
    /** Connecting, and reconnecting after a drop (the test checks the connection every second). */
    private static final Duration CONNECT_TIME = Duration.ofSeconds(15);
    private static final String CONNECTIONS_OPEN = "/api/apps.connections.open";
    private static final String DRAIS_URL = "https://example.org/bicycle-history/early-designs";

    @SlackApiStub.SlackApi
    WireMockServer slack;

    @SocketModeStandIn.SocketMode
    SocketModeServer socket;

    @BeforeEach
    void connected() {
        await().atMost(CONNECT_TIME).until(socket::connected);
    }

    @Test
    void mentionIsAcknowledgedAndAnsweredInItsThreadWithSources() {
        String channel = channel("CSOCKET");
        String ts = ts();
        String envelope = send(mentionOf(channel, ts, "who invented the running machine?"));

        awaitAcknowledged(envelope);
        await().atMost(ANSWER_TIME).until(() -> !posts(slack, channel).isEmpty());
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> posts(slack, channel).size() == 1);
        Map<String, String> post = posts(slack, channel).get(0);
        assertEquals(ts, post.get("thread_ts"), "the answer goes in a thread under the question");
        assertEquals("Bearer " + SlackApiStub.BOT_TOKEN, post.get("authorization"), "posted with the bot token");
        JsonNode blocks = read(post.get("blocks"));
        String answer = blocks.get(0).get("text").get("text").asText();
        assertTrue(answer.contains("Drais") && answer.contains("<" + DRAIS_URL + "|[1]>"), answer);
        String sources = blocks.get(blocks.size() - 1).get("elements").get(0).get("text").asText();
        assertTrue(sources.contains("[1] <" + DRAIS_URL + "|Drais running machine>"), sources);
        assertFalse(blocks.toString().contains(SlackReplies.NOT_GROUNDED), "a grounded answer carries no warning");
    }

    @Test
    void directMessageIsAnswered() {
        String channel = channel("DSOCKET");
        String ts = ts();
        send(callback("Ev" + ts, directMessage(channel, ts, "why was the velocipede called a boneshaker?")));

        await().atMost(ANSWER_TIME).until(() -> posts(slack, channel).size() == 1);
        assertTrue(posts(slack, channel).get(0).get("text").toLowerCase().contains("boneshaker"));
    }

    @Test
    void aRefusedQuestionIsMarkedNotFromTheFactBase() {
        String channel = channel("CSREFUSE");
        String ts = ts();
        send(mentionOf(channel, ts, "what is the capital of Australia?"));

        await().atMost(ANSWER_TIME).until(() -> posts(slack, channel).size() == 1);
        JsonNode blocks = read(posts(slack, channel).get(0).get("blocks"));
        JsonNode last = blocks.get(blocks.size() - 1);
        assertEquals(SlackReplies.NOT_GROUNDED, last.get("elements").get(0).get("text").asText());
        assertFalse(blocks.toString().contains(DRAIS_URL), "a refusal cites nothing");
    }

    @Test
    void aFollowUpInTheThreadKeepsItsConversation() {
        String channel = channel("CSCONVO");
        String parent = ts();
        send(mentionOf(channel, parent, "tell me about the Rover safety bicycle"));
        await().atMost(ANSWER_TIME).until(() -> posts(slack, channel).size() == 1);

        String followUp = ts();
        Map<String, Object> inThread = mention(channel, followUp, "<@" + BOT_USER + "> who produced it?");
        inThread.put("thread_ts", parent);
        send(callback("Ev" + followUp, inThread));
        await().atMost(ANSWER_TIME).until(() -> posts(slack, channel).size() == 2);

        Map<String, String> reply = posts(slack, channel).get(1);
        assertEquals(parent, reply.get("thread_ts"));
        assertTrue(reply.get("text").contains("John Kemp Starley"), reply.get("text"));
        assertTrue(reply.get("blocks").contains("Read as:"), "the follow-up was read in the thread's context");
    }

    @Test
    void theBotsOwnAndOtherBotsMessagesAreAcknowledgedAndIgnored() {
        String channel = channel("DSBOTS");
        String question = "who invented the running machine?";
        Map<String, Object> own = directMessage(channel, ts(), question);
        own.put("user", BOT_USER);
        Map<String, Object> otherBot = directMessage(channel, ts(), question);
        otherBot.put("bot_id", "B0OTHER");
        Map<String, Object> ownMention = mention(channel, ts(), "<@" + BOT_USER + "> " + question);
        ownMention.put("user", BOT_USER);

        for (Map<String, Object> event : List.of(own, otherBot, ownMention)) {
            awaitAcknowledged(send(callback("Ev" + ts(), event)));
        }
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> posts(slack, channel).isEmpty());
    }

    @Test
    void malformedFramesAreIgnoredAndTheConnectionStays() {
        int connections = socket.connectionsOpened();
        socket.send("not json");
        socket.send("{\"type\":\"events_api\",");
        socket.send("[1,2,3]");
        socket.send("{\"type\":\"events_api\",\"envelope_id\":\"EnvNoPayload\"}");
        socket.send("{\"type\":\"events_api\",\"envelope_id\":\"EnvStringPayload\",\"payload\":\"event_callback\"}");
        Map<String, Object> badShape = mention(channel("CSBAD"), ts(), "<@" + BOT_USER + "> who invented it?");
        badShape.put("user", Map.of("id", SlackPayloads.PERSON)); // a string in Slack's events
        String badEnvelope = send(callback("Ev" + ts(), badShape));
        socket.send("{\"type\":\"slash_commands\",\"envelope_id\":\"EnvBadCommand\",\"payload\":{\"text\":[1]}}");

        awaitAcknowledged(badEnvelope);
        awaitAcknowledged("EnvNoPayload");
        awaitAcknowledged("EnvStringPayload");
        awaitAcknowledged("EnvBadCommand");
        // The same connection still carries questions.
        String channel = channel("CSAFTER");
        String ts = ts();
        send(mentionOf(channel, ts, "who invented the running machine?"));
        await().atMost(ANSWER_TIME).until(() -> posts(slack, channel).size() == 1);
        assertEquals(connections, socket.connectionsOpened(), "no reconnection was needed");
    }

    @Test
    void theHostileCorpusIsAcknowledgedAndTheConnectionStays() {
        int connections = socket.connectionsOpened();
        HostileInputs.badFrames().forEach(socket::send);
        List<String> envelopes = new ArrayList<>();
        for (String question : HostileInputs.questions().values()) {
            String ts = ts();
            envelopes.add(send(mentionOf(channel("CSHOSTILE"), ts, question)));
        }
        envelopes.forEach(this::awaitAcknowledged);

        String channel = channel("CSSANE");
        String ts = ts();
        send(mentionOf(channel, ts, "who invented the running machine?"));
        await().atMost(ANSWER_TIME).until(() -> posts(slack, channel).size() == 1);
        assertTrue(posts(slack, channel).get(0).get("text").contains("Drais"));
        assertEquals(connections, socket.connectionsOpened(), "no reconnection was needed");
    }

    @Test
    void askIsAcknowledgedWithTheImmediateReplyThenAnsweredThroughTheResponseUrl() {
        String path = "/response/" + channel("SASK");
        String envelope = "EnvCmd" + ts();
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("token", "legacy-verification-token");
        command.put("team_id", TEAM);
        command.put("team_domain", "example");
        command.put("channel_id", "CSASK");
        command.put("channel_name", "general");
        command.put("user_id", SlackPayloads.PERSON);
        command.put("user_name", "someone");
        command.put("command", "/ask");
        command.put("text", "who invented the running machine?");
        command.put("api_app_id", "A0APP");
        command.put("is_enterprise_install", "false");
        command.put("response_url", SlackApiStub.baseUrl(slack) + path);
        command.put("trigger_id", "trigger." + envelope);
        socket.send(write(Map.of("type", "slash_commands", "envelope_id", envelope, "payload", command,
                "accepts_response_payload", true)));

        JsonNode ack = awaitAcknowledged(envelope);
        assertEquals("ephemeral", ack.path("payload").path("response_type").asText(), ack.toString());
        assertEquals(SlackCommands.LOOKING, ack.path("payload").path("text").asText(), ack.toString());
        await().atMost(ANSWER_TIME).until(() -> responses(slack, path).size() == 1);
        assertTrue(responses(slack, path).get(0).getBodyAsString().contains(DRAIS_URL));
    }

    @Test
    void aDisconnectMessageMovesTheBotToANewConnection() {
        int connections = socket.connectionsOpened();
        int opens = connectionOpens();
        socket.send("{\"type\":\"disconnect\",\"reason\":\"refresh_requested\","
                + "\"debug_info\":{\"host\":\"applink-stand-in\"}}");

        await().atMost(CONNECT_TIME).until(() -> socket.connectionsOpened() > connections && socket.connected());
        assertTrue(connectionOpens() > opens, "a new connection URL was asked for");
        String channel = channel("CSREFRESH");
        String ts = ts();
        send(mentionOf(channel, ts, "who invented the running machine?"));
        await().atMost(ANSWER_TIME).until(() -> posts(slack, channel).size() == 1);
    }

    @Test
    void aDroppedConnectionIsReplaced() {
        int connections = socket.connectionsOpened();
        socket.drop();

        await().atMost(CONNECT_TIME).until(() -> socket.connectionsOpened() > connections && socket.connected());
        String channel = channel("CSDROP");
        String ts = ts();
        send(mentionOf(channel, ts, "who invented the running machine?"));
        await().atMost(ANSWER_TIME).until(() -> posts(slack, channel).size() == 1);
    }

    @Test
    void failedTriesToConnectAreRepeatedAfterGrowingWaits() {
        String scenario = "apps.connections.open failing";
        slack.stubFor(post(urlEqualTo(CONNECTIONS_OPEN)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"ok\":false,\"error\":\"internal_error\"}")).willSetStateTo("failed once"));
        slack.stubFor(post(urlEqualTo(CONNECTIONS_OPEN)).inScenario(scenario).whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("failed twice"));
        slack.stubFor(post(urlEqualTo(CONNECTIONS_OPEN)).inScenario(scenario).whenScenarioStateIs("failed twice")
                .willReturn(okJson("{\"ok\":false,\"error\":\"internal_error\"}")).willSetStateTo("up"));
        slack.stubFor(post(urlEqualTo(CONNECTIONS_OPEN)).inScenario(scenario).whenScenarioStateIs("up")
                .willReturn(okJson("{\"ok\":true,\"url\":\"" + socket.url() + "\"}")));
        int before = connectionOpens();
        int connections = socket.connectionsOpened();
        socket.drop();

        await().atMost(CONNECT_TIME).until(() -> socket.connectionsOpened() > connections && socket.connected());
        List<Long> tries = slack.findAll(postRequestedFor(urlEqualTo(CONNECTIONS_OPEN))).stream()
                .skip(before).map(request -> request.getLoggedDate().getTime()).toList();
        assertTrue(tries.size() >= 4, "three failed tries, then one that worked: " + tries);
        // The stand-in's back-off: 100 ms, doubling, no jitter. Only lower bounds: a busy machine may be slower.
        assertTrue(tries.get(1) - tries.get(0) >= 100, "first wait " + (tries.get(1) - tries.get(0)) + " ms");
        assertTrue(tries.get(2) - tries.get(1) >= 200, "second wait " + (tries.get(2) - tries.get(1)) + " ms");
        assertTrue(tries.get(3) - tries.get(2) >= 400, "third wait " + (tries.get(3) - tries.get(2)) + " ms");
    }

    @Test
    void anEventSentAgainAfterAReconnectionIsAnsweredOnce() {
        String channel = channel("CSAGAIN");
        String ts = ts();
        String event = mentionOf(channel, ts, "who invented the running machine?");
        awaitAcknowledged(send(event));
        int connections = socket.connectionsOpened();
        socket.drop();
        await().atMost(CONNECT_TIME).until(() -> socket.connectionsOpened() > connections && socket.connected());

        // Slack did not see the acknowledgement, so it sends the event again in a new envelope.
        String again = "EnvAgain" + ts;
        socket.send(write(Map.of("type", "events_api", "envelope_id", again, "payload", read(event),
                "accepts_response_payload", false, "retry_attempt", 1, "retry_reason", "timeout")));
        awaitAcknowledged(again);
        await().atMost(ANSWER_TIME).until(() -> !posts(slack, channel).isEmpty());
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> posts(slack, channel).size() == 1);
    }

    /** An Events API payload: the bot mentioned with a question, in a message at {@code ts}. */
    private static String mentionOf(String channel, String ts, String question) {
        return callback("Ev" + ts, mention(channel, ts, "<@" + BOT_USER + "> " + question));
    }

    /** Sends an Events API payload in a fresh envelope; returns the envelope's id. */
    private String send(String callback) {
        String envelope = "Env" + ts();
        socket.send(write(Map.of("type", "events_api", "envelope_id", envelope, "payload", read(callback),
                "accepts_response_payload", false, "retry_attempt", 0, "retry_reason", "")));
        return envelope;
    }

    /** Waits for the bot's acknowledgement of an envelope, and returns it. */
    private JsonNode awaitAcknowledged(String envelope) {
        await().atMost(CONNECT_TIME).until(() -> acknowledgement(envelope) != null);
        return acknowledgement(envelope);
    }

    private JsonNode acknowledgement(String envelope) {
        return socket.received().stream()
                .map(SlackPayloads::read)
                .filter(frame -> envelope.equals(frame.path("envelope_id").asText()))
                .findFirst().orElse(null);
    }

    private int connectionOpens() {
        return slack.findAll(postRequestedFor(urlEqualTo(CONNECTIONS_OPEN))).size();
    }
}
