package io.github.groundedbot.slack;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.groundedbot.hostile.HostileInputs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.groundedbot.slack.SlackPayloads.BOT_USER;
import static io.github.groundedbot.slack.SlackPayloads.callback;
import static io.github.groundedbot.slack.SlackPayloads.channel;
import static io.github.groundedbot.slack.SlackPayloads.mention;
import static io.github.groundedbot.slack.SlackPayloads.posts;
import static io.github.groundedbot.slack.SlackPayloads.ts;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Correctly signed Slack requests carrying the bad-input corpus: acknowledged or 4xx, never a 5xx or a hang. */
@QuarkusTest
@WithTestResource(SlackApiStub.class)
class SlackHostileInputTest {

    private static final RestAssuredConfig TIMEOUTS = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 10_000).setParam("http.socket.timeout", 30_000));

    @SlackApiStub.SlackApi
    WireMockServer slack;

    @Test
    void hostileMentionsAndCommandsAreAcknowledged() throws Exception {
        for (Map.Entry<String, String> c : HostileInputs.questions().entrySet()) {
            String text = "<@" + BOT_USER + "> " + c.getValue();
            String ts = ts();
            assertSane("mention " + c.getKey(), signed("/slack/events", "application/json",
                    callback("Ev" + ts.replace(".", ""), mention(channel("CHOSTILE"), ts, text))
                            .getBytes(StandardCharsets.UTF_8)));
            String form = "command=%2Fask&text=" + URLEncoder.encode(c.getValue(), StandardCharsets.UTF_8)
                    + "&response_url=" + URLEncoder.encode(SlackApiStub.baseUrl(slack) + "/response/hostile",
                    StandardCharsets.UTF_8);
            assertSane("command " + c.getKey(), signedForm(form));
        }
    }

    @Test
    void hostileBodiesGetA4xxOrAnAcknowledgement() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("deep nesting", "[".repeat(50_000).getBytes(StandardCharsets.US_ASCII));
        bodies.put("deep nesting in the event", ("{\"type\":\"event_callback\",\"event\":" + "{\"a\":".repeat(10_000))
                .getBytes(StandardCharsets.US_ASCII));
        for (String envelope : List.of("{}", "[]", "null", "\"x\"", "{\"type\": 5}", "{\"type\":\"event_callback\"}",
                "{\"type\":\"event_callback\",\"event\":\"text\"}",
                "{\"type\":\"event_callback\",\"event\":[]}",
                "{\"type\":\"event_callback\",\"event_id\":{},\"event\":{\"type\":\"app_mention\",\"text\":12,\"channel\":[],\"ts\":{}}}",
                "{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":{\"type\":\"app_mention\",\"text\":null,\"channel\":\"C1\",\"ts\":\"1.1\"}}",
                "{\"type\":\"event_callback\",\"event_id\":\"Ev2\",\"event\":{\"type\":\"message\",\"text\":{\"a\":1},\"channel\":\"C1\",\"ts\":\"1.2\",\"channel_type\":\"im\"}}",
                "{\"type\":\"event_callback\",\"event_id\":\"Ev3\",\"authorizations\":\"x\",\"event\":{\"type\":\"app_mention\",\"text\":\"hi\",\"channel\":\"C1\",\"ts\":\"1.3\"}}",
                "{\"type\":\"url_verification\",\"challenge\":{\"a\":1}}", "{\"type\":\"url_verification\",\"challenge\":null}")) {
            bodies.put(envelope, envelope.getBytes(StandardCharsets.UTF_8));
        }
        bodies.put("invalid UTF-8", new byte[]{'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xff, (byte) 0xc3, '"', '}'});
        for (Map.Entry<String, byte[]> c : bodies.entrySet()) {
            assertSane("event " + c.getKey(), signed("/slack/events", "application/json", c.getValue()));
        }
        for (String form : List.of("", "text", "command=%2Fask&text=%zz%&response_url=%", "text=%ff%fe&response_url=x",
                "command=%2Fask&text=hi&response_url=javascript:alert(1)", "command=%2Fask&text=hi&response_url=",
                "=&=&&&==", "a=" + "b".repeat(60_000))) {
            assertSane("command " + form.substring(0, Math.min(40, form.length())),
                    signedForm(form));
        }
    }

    @Test
    void aRealQuestionIsStillAnsweredAfterTheCorpus() throws Exception {
        hostileBodiesGetA4xxOrAnAcknowledgement();
        String channel = channel("CAFTER");
        String ts = ts();
        signed("/slack/events", "application/json", callback("Ev" + ts.replace(".", ""),
                mention(channel, ts, "<@" + BOT_USER + "> who invented the running machine?"))
                .getBytes(StandardCharsets.UTF_8)).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> posts(slack, channel).size() == 1);
        assertThat(posts(slack, channel).get(0).get("text")).contains("Drais");
    }

    private Response signed(String path, String contentType, byte[] body) {
        String ts = SignedRequests.now();
        return given().config(TIMEOUTS).contentType(contentType).body(body)
                .header("X-Slack-Request-Timestamp", ts).header("X-Slack-Signature", sign(ts, body))
                .post(path);
    }

    /** RestAssured encodes form bodies itself from a String only; the signature covers its UTF-8 bytes. */
    private Response signedForm(String form) {
        String ts = SignedRequests.now();
        return given().config(TIMEOUTS).contentType("application/x-www-form-urlencoded; charset=utf-8").body(form)
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", sign(ts, form.getBytes(StandardCharsets.UTF_8)))
                .post("/slack/commands");
    }

    /** Slack's scheme over raw bytes, so bodies that are not valid UTF-8 can be signed too. */
    private static String sign(String ts, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SlackApiStub.SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            ByteArrayOutputStream base = new ByteArrayOutputStream();
            base.writeBytes(("v0:" + ts + ":").getBytes(StandardCharsets.UTF_8));
            base.writeBytes(body);
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(base.toByteArray()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertSane(String what, Response response) {
        String body = response.asString();
        assertThat(response.statusCode()).as(what + " → " + body).isLessThan(500);
        assertThat(body).as(what).doesNotContain("\tat ", "Exception");
        if (response.statusCode() >= 400) {
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        }
    }
}
