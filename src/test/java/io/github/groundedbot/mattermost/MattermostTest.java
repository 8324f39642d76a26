package io.github.groundedbot.mattermost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.groundedbot.chat.PlatformStandIns;
import io.github.groundedbot.hostile.HostileInputs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The slash command and outgoing webhook contracts, against a stand-in of Mattermost's response URLs. */
@QuarkusTest
@WithTestResource(PlatformStandIns.class)
class MattermostTest {

    private static final Duration ANSWER_TIME = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final String DRAIS_URL = "https://example.org/bicycle-history/early-designs";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SEQUENCE = new AtomicLong();

    @PlatformStandIns.PlatformApi
    WireMockServer api;

    @BeforeEach
    void mattermostTakesResponses() {
        api.stubFor(post(urlPathMatching("/hooks/commands/.*")).willReturn(ok()));
    }

    private static String id(String prefix) {
        return prefix + SEQUENCE.incrementAndGet() + "x" + System.nanoTime();
    }

    private Map<String, String> command(String channel, String hook, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("channel_id", channel);
        form.put("channel_name", "town-square");
        form.put("command", "/ask");
        form.put("response_url", PlatformStandIns.baseUrl(api) + "/hooks/commands/" + hook);
        form.put("team_domain", "acme");
        form.put("team_id", "team1");
        form.put("text", text);
        form.put("token", PlatformStandIns.MATTERMOST_COMMAND_TOKEN);
        form.put("trigger_id", id("trigger"));
        form.put("user_id", "user1");
        form.put("user_name", "ada");
        return form;
    }

    private static Map<String, String> webhook(String channel, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", PlatformStandIns.MATTERMOST_WEBHOOK_TOKEN);
        form.put("team_id", "team1");
        form.put("team_domain", "acme");
        form.put("channel_id", channel);
        form.put("channel_name", "town-square");
        form.put("timestamp", String.valueOf(System.currentTimeMillis() / 1000));
        form.put("user_id", "user1");
        form.put("user_name", "ada");
        form.put("post_id", id("post"));
        form.put("text", "#ask " + text);
        form.put("trigger_word", "#ask");
        form.put("file_ids", "");
        return form;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Response postForm(String path, Map<String, String> form) {
        return given().contentType("application/x-www-form-urlencoded").body(encode(form)).post(path);
    }

    private List<JsonNode> responses(String hook) {
        return api.findAll(postRequestedFor(urlEqualTo("/hooks/commands/" + hook))).stream()
                .map(r -> read(r.getBodyAsString())).toList();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void slashCommandIsAcknowledgedThenAnsweredInTheChannelWithSources() {
        String hook = id("hook");
        postForm("/mattermost/commands", command(id("ch"), hook, "who invented the running machine?"))
                .then().statusCode(200).body("response_type", equalTo("ephemeral"))
                .body("text", equalTo(MattermostMessages.LOOKING));

        await().atMost(ANSWER_TIME).until(() -> !responses(hook).isEmpty());
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> responses(hook).size() == 1);
        JsonNode post = responses(hook).get(0);
        assertThat(post.get("response_type").asText()).isEqualTo("in_channel");
        assertThat(post.get("text").asText()).contains("Drais").contains("\\[1\\]");
        JsonNode sources = post.get("attachments").get(0);
        assertThat(sources.get("title").asText()).isEqualTo("Sources");
        assertThat(sources.get("text").asText()).startsWith("\\[1\\] [Drais running machine](" + DRAIS_URL + ")");
        assertThat(post.get("attachments")).hasSize(1);
    }

    @Test
    void outgoingWebhookIsAnsweredInThePostsThread() {
        JsonPath reply = postForm("/mattermost/webhook", webhook(id("ch"), "who invented the running machine?"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(reply.getString("response_type")).isEqualTo("comment");
        assertThat(reply.getString("text")).contains("Drais");
        assertThat(reply.getString("attachments[0].text")).contains(DRAIS_URL);
    }

    @Test
    void outgoingWebhookInJsonIsAnsweredToo() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(webhook(id("ch"), "why was the velocipede called a boneshaker?"));
        body.put("timestamp", System.currentTimeMillis());
        given().contentType("application/json").body(JSON.writeValueAsString(body)).post("/mattermost/webhook")
                .then().statusCode(200).body("response_type", equalTo("comment"));
    }

    @Test
    void aRefusalIsMarkedAsNotFromTheFactBase() {
        JsonPath reply = postForm("/mattermost/webhook", webhook(id("ch"), "what is the capital of Australia?"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(reply.getList("attachments")).hasSize(1);
        assertThat(reply.getString("attachments[0].text")).isEqualTo(MattermostReplies.NOT_FROM_THE_FACT_BASE);
        assertThat(reply.getString("attachments[0].color")).isEqualTo(MattermostReplies.WARNING_COLOR);
    }

    @Test
    void aPersonsFollowUpInTheChannelKeepsTheConversation() {
        String channel = id("ch");
        postForm("/mattermost/webhook", webhook(channel, "tell me about the Rover safety bicycle")).then().statusCode(200);
        JsonPath followUp = postForm("/mattermost/webhook", webhook(channel, "who produced it?"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(followUp.getString("text")).contains("John Kemp Starley");
        assertThat(followUp.getString("attachments[0].footer")).startsWith("Read as: ");

        // The slash command in the same channel continues the same person's conversation.
        String hook = id("hook");
        postForm("/mattermost/commands", command(channel, hook, "who produced it?")).then().statusCode(200);
        await().atMost(ANSWER_TIME).until(() -> responses(hook).size() == 1);
        assertThat(responses(hook).get(0).toString()).contains("Read as: ");

        JsonPath elsewhere = postForm("/mattermost/webhook", webhook(id("ch"), "who produced it?"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(elsewhere.prettify()).doesNotContain("Read as: ");
    }

    @Test
    void aWrongOrMissingTokenIsRefused() {
        for (String token : List.of("wrong", "", PlatformStandIns.MATTERMOST_WEBHOOK_TOKEN)) {
            Map<String, String> form = command(id("ch"), id("hook"), "who invented the running machine?");
            form.put("token", token);
            assertRefused(postForm("/mattermost/commands", form), 401);
        }
        Map<String, String> noToken = command(id("ch"), id("hook"), "who invented the running machine?");
        noToken.remove("token");
        assertRefused(postForm("/mattermost/commands", noToken), 401);
        for (String token : List.of("wrong", PlatformStandIns.MATTERMOST_COMMAND_TOKEN)) {
            Map<String, String> form = webhook(id("ch"), "who invented the running machine?");
            form.put("token", token);
            assertRefused(postForm("/mattermost/webhook", form), 401);
        }
    }

    @Test
    void aReplayIsRefusedAndAnsweredOnce() {
        Map<String, String> post = webhook(id("ch"), "who invented the running machine?");
        postForm("/mattermost/webhook", post).then().statusCode(200);
        assertRefused(postForm("/mattermost/webhook", post), 409);

        String hook = id("hook");
        Map<String, String> command = command(id("ch"), hook, "who invented the running machine?");
        postForm("/mattermost/commands", command).then().statusCode(200);
        assertRefused(postForm("/mattermost/commands", command), 409);
        await().atMost(ANSWER_TIME).until(() -> !responses(hook).isEmpty());
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> responses(hook).size() == 1);
    }

    @Test
    void aFailedResponseIsRetriedUntilItGoesThrough() {
        String hook = id("hook");
        String url = "/hooks/commands/" + hook;
        api.stubFor(post(urlEqualTo(url)).inScenario(hook).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        api.stubFor(post(urlEqualTo(url)).inScenario(hook).whenScenarioStateIs("up").willReturn(ok()));
        postForm("/mattermost/commands", command(id("ch"), hook, "who invented the running machine?"))
                .then().statusCode(200);
        await().atMost(ANSWER_TIME).until(() -> responses(hook).size() >= 2);
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> responses(hook).size() == 2);
    }

    @Test
    void emptyQuestionsGetUsageHelp() {
        postForm("/mattermost/commands", command(id("ch"), id("hook"), "  ")).then().statusCode(200)
                .body("response_type", equalTo("ephemeral"));
        postForm("/mattermost/webhook", webhook(id("ch"), "")).then().statusCode(200)
                .body("response_type", equalTo("comment"));
    }

    @Test
    void malformedRequestsAreBadRequests() {
        Map<String, String> noUrl = command(id("ch"), id("hook"), "who invented the running machine?");
        noUrl.put("response_url", "javascript:alert(1)");
        assertRefused(postForm("/mattermost/commands", noUrl), 400);
        Map<String, String> noPost = webhook(id("ch"), "who invented the running machine?");
        noPost.remove("post_id");
        assertRefused(postForm("/mattermost/webhook", noPost), 400);
        Map<String, String> noChannel = webhook(id("ch"), "who invented the running machine?");
        noChannel.remove("channel_id");
        assertRefused(postForm("/mattermost/webhook", noChannel), 400);
        for (String body : List.of("not json", "[]", "{", "{\"token\": 5}", "[".repeat(50_000))) {
            Response response = given().contentType("application/json").body(body).post("/mattermost/webhook");
            assertThat(response.statusCode()).as(body.substring(0, Math.min(20, body.length()))).isBetween(400, 499);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        for (String form : List.of("token=%zz%", "=&=&&", "text=%ff%fe", "a=" + "b".repeat(60_000))) {
            for (String path : List.of("/mattermost/commands", "/mattermost/webhook")) {
                Response response = given().contentType("application/x-www-form-urlencoded").body(form).post(path);
                assertThat(response.statusCode()).as(path + " " + form.substring(0, Math.min(20, form.length())))
                        .isBetween(400, 499);
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void hostileQuestionsGetAReplyOrA4xx() {
        for (Map.Entry<String, String> c : HostileInputs.questions().entrySet()) {
            for (Response response : List.of(
                    postForm("/mattermost/webhook", webhook(id("ch"), c.getValue())),
                    postForm("/mattermost/commands", command(id("ch"), id("hook"), c.getValue())))) {
                assertThat(response.statusCode()).as(c.getKey() + " → " + response.asString()).isLessThan(500);
                assertThat(response.asString()).as(c.getKey()).doesNotContain("\tat ", "Exception");
            }
        }
        postForm("/mattermost/webhook", webhook(id("ch"), "who invented the running machine?")).then().statusCode(200)
                .body("text", containsString("Drais"));
    }

    private static void assertRefused(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
