package io.github.groundedbot.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The bad-input corpus over REST and WebSocket: 4xx, a refusal or an answer; never a 5xx, a hang or a drop. */
@QuarkusTest
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every request must finish well within this; a hang fails the test instead of stalling the build. */
    private static final RestAssuredConfig TIMEOUTS = RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 10_000).setParam("http.socket.timeout", 30_000));

    @TestHTTPResource("/")
    URI base;

    @Inject
    BasicWebSocketConnector connector;

    @Test
    void everyHostileQuestionOverRestGetsAnAnswerARefusalOrA4xx() throws Exception {
        for (Map.Entry<String, String> c : HostileInputs.questions().entrySet()) {
            String body = JSON.writeValueAsString(Map.of("question", c.getValue()));
            Response response = given().config(TIMEOUTS).contentType("application/json")
                    .body(body.getBytes(StandardCharsets.UTF_8)).post("/api/ask");
            assertSane(c.getKey(), response);
        }
    }

    @Test
    void everyHostileBodyOverRestGetsA4xxProblem() {
        for (Map.Entry<String, byte[]> c : HostileInputs.restBodies().entrySet()) {
            Response response = given().config(TIMEOUTS).contentType("application/json").body(c.getValue())
                    .post("/api/ask");
            assertThat(response.statusCode()).as(c.getKey() + ": " + response.asString()).isBetween(400, 499);
            assertSane(c.getKey(), response);
        }
    }

    @Test
    void deepNestingIsA400ProblemNotA500() {
        given().config(TIMEOUTS).contentType("application/json").body("[".repeat(50_000)).post("/api/ask")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
    }

    @Test
    void bodyOverTheLimitIs413() {
        byte[] big = ("{\"question\": \"" + "a".repeat(HostileInputs.MB) + "\"}").getBytes();
        given().config(TIMEOUTS).contentType("application/json").body(big).post("/api/ask")
                .then().statusCode(413);
    }

    @Test
    void apiResponsesCarrySecurityHeadersAndNoCors() {
        for (Response response : new Response[]{
                given().config(TIMEOUTS).get("/api/facts"),
                given().config(TIMEOUTS).contentType("application/json").body("{").post("/api/ask"),
                given().config(TIMEOUTS).get("/api/nothing-here")}) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        }
        given().config(TIMEOUTS).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").options("/api/ask")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().config(TIMEOUTS).header("Origin", "https://evil.example").get("/api/facts")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void everyHostileQuestionOverWebSocketGetsAFrameAndTheConnectionStaysOpen() throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocketClientConnection connection = connect(frames, new CompletableFuture<>());
        try {
            for (Map.Entry<String, String> c : HostileInputs.questions().entrySet()) {
                if (c.getValue().length() > 60_000 / 4) {
                    continue; // over the frame limit once encoded: that case closes, tested below
                }
                connection.sendTextAndAwait(c.getValue());
                JsonNode last = finalFrame(frames, c.getKey());
                assertThat(last.get("type").asText()).as(c.getKey()).isIn("answer", "error");
            }
            for (String frame : HostileInputs.badFrames()) {
                connection.sendTextAndAwait(frame);
                JsonNode last = finalFrame(frames, frame.substring(0, Math.min(40, frame.length())));
                assertThat(last.get("type").asText()).isIn("error", "answer");
            }
            connection.sendBinaryAndAwait(Buffer.buffer(new byte[]{(byte) 0xff, (byte) 0xfe, (byte) 0xc3, 0x28}));
            assertThat(finalFrame(frames, "invalid UTF-8 as binary").get("type").asText()).isEqualTo("error");

            assertThat(connection.isOpen()).isTrue();
            connection.sendTextAndAwait("What is Yi-34B?");
            assertThat(finalFrame(frames, "a real question after all that").get("grounded").asBoolean()).isTrue();
        } finally {
            if (connection.isOpen()) {
                connection.closeAndAwait();
            }
        }
    }

    @Test
    void aFrameOverTheLimitClosesWith1009() throws Exception {
        CompletableFuture<CloseReason> closed = new CompletableFuture<>();
        WebSocketClientConnection connection = connect(new LinkedBlockingQueue<>(), closed);
        connection.sendTextAndAwait("x".repeat(70_000));
        assertThat(closed.get(30, TimeUnit.SECONDS).getCode()).isEqualTo(1009);
    }

    private WebSocketClientConnection connect(BlockingQueue<String> frames, CompletableFuture<CloseReason> closed) {
        return connector.baseUri(base).path("/chat")
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .onTextMessage((c, message) -> frames.add(message))
                .onClose((c, reason) -> closed.complete(reason))
                .connectAndAwait();
    }

    private static JsonNode finalFrame(BlockingQueue<String> frames, String what) throws Exception {
        while (true) {
            String frame = frames.poll(30, TimeUnit.SECONDS);
            assertThat(frame).as(what + ": a frame within 30 s").isNotNull();
            JsonNode node = JSON.readTree(frame);
            if (!"delta".equals(node.get("type").asText())) {
                return node;
            }
        }
    }

    static void assertSane(String what, Response response) {
        int status = response.statusCode();
        String body = response.asString();
        assertThat(status).as(what + " → " + body).isLessThan(500);
        assertThat(body).as(what).doesNotContain("\tat ", "Exception", "io.github.groundedbot.");
        if (status >= 400) {
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        } else {
            assertThat(response.jsonPath().getString("answer")).as(what).isNotBlank();
        }
    }
}
