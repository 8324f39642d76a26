package io.github.groundedbot.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.restassured.response.Response;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/** Per-client rate limits, load shedding and the WebSocket connection cap, with small limits. */
@QuarkusTest
@TestProfile(LimitsTest.SmallLimits.class)
class LimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTION = "{\"question\": \"What is Yi-34B?\"}";

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("limits.questions-per-minute", "1",
                    "limits.burst", "2",
                    // Each test speaks from its own address, so the tests do not share a bucket.
                    "limits.trust-forwarded-for", "true",
                    "limits.in-flight-wait", "50ms",
                    "limits.max-websocket-connections", "3",
                    "limits.websocket-idle-timeout", "3s");
        }
    }

    @TestHTTPResource("/")
    URI base;

    /** A connector per connection: a connector keeps one set of handlers, the last one given. */
    @Inject
    Instance<BasicWebSocketConnector> connectors;

    @Inject
    InFlightLimit inFlight;

    @Test
    void restQuestionsOverTheRateGet429WithRetryAfter() {
        for (int i = 0; i < 2; i++) {
            ask("198.51.100.1").then().statusCode(200);
        }
        ask("198.51.100.1").then().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429))
                .header("Retry-After", Integer::parseInt, greaterThanOrEqualTo(1));
        // Another client is not affected; only the last X-Forwarded-For entry (the proxy's) counts.
        ask("198.51.100.2").then().statusCode(200);
        given().header("X-Forwarded-For", "10.0.0.1, 198.51.100.1").contentType("application/json").body(QUESTION)
                .post("/api/ask").then().statusCode(429);
    }

    @Test
    void feedbackOverTheRateGets429WithRetryAfter() {
        String feedback = "{\"question\": \"What is Yi-34B?\", \"answer\": \"A model [1].\", \"rating\": \"up\"}";
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", "198.51.100.4").contentType("application/json").body(feedback)
                    .post("/api/feedback").then().statusCode(201);
        }
        given().header("X-Forwarded-For", "198.51.100.4").contentType("application/json").body(feedback)
                .post("/api/feedback").then().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429))
                .header("Retry-After", Integer::parseInt, greaterThanOrEqualTo(1));
        // Ratings and questions draw on separate allowances: this client may still ask.
        ask("198.51.100.4").then().statusCode(200);
    }

    @Test
    void overloadIsShedWith503AndRetryAfter() throws Exception {
        int taken = inFlight.drainForTest();
        try {
            ask("198.51.100.3").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "1");
            Session session = open();
            session.connection.sendTextAndAwait("What is Yi-34B?");
            JsonNode frame = session.next();
            assertThat(frame.get("type").asText()).isEqualTo("error");
            assertThat(frame.get("code").asText()).isEqualTo("busy");
            assertThat(session.connection.isOpen()).isTrue();
            session.connection.closeAndAwait();
        } finally {
            inFlight.releaseForTest(taken);
        }
        ask("198.51.100.3").then().statusCode(200);
    }

    @Test
    void webSocketQuestionsOverTheRateGetAnErrorFrameAndStayOpen() throws Exception {
        Session session = open();
        for (int i = 0; i < 2; i++) {
            session.connection.sendTextAndAwait("What is Yi-34B?");
            assertThat(session.next().get("type").asText()).isEqualTo("answer");
        }
        session.connection.sendTextAndAwait("What is Yi-34B?");
        JsonNode frame = session.next();
        assertThat(frame.get("type").asText()).isEqualTo("error");
        assertThat(frame.get("code").asText()).isEqualTo("rate_limited");
        assertThat(frame.get("retryAfter").asLong()).isPositive();
        assertThat(session.connection.isOpen()).isTrue();
        session.connection.closeAndAwait();
    }

    @Test
    void connectionsOverTheCapAreClosedWith1013AndIdleOnesWith1000() throws Exception {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sessions.add(open());
        }
        Session extra = open();
        assertThat(extra.closed.get(30, TimeUnit.SECONDS).getCode()).isEqualTo(1013);
        // Idle past limits.websocket-idle-timeout (3 s): closed normally, freeing the slots.
        for (Session session : sessions) {
            assertThat(session.closed.get(30, TimeUnit.SECONDS).getCode()).isEqualTo(1000);
        }
        Session again = open();
        again.connection.sendTextAndAwait("hello");
        assertThat(again.next().get("type").asText()).isEqualTo("answer");
        again.connection.closeAndAwait();
    }

    private static Response ask(String client) {
        return given().header("X-Forwarded-For", client).contentType("application/json").body(QUESTION)
                .post("/api/ask");
    }

    private Session open() {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<CloseReason> closed = new CompletableFuture<>();
        WebSocketClientConnection connection = connectors.get().baseUri(base).path("/chat")
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .onTextMessage((c, message) -> frames.add(message))
                .onClose((c, reason) -> closed.complete(reason))
                .connectAndAwait();
        return new Session(connection, frames, closed);
    }

    private record Session(WebSocketClientConnection connection, BlockingQueue<String> frames,
                           CompletableFuture<CloseReason> closed) {
        /** The next frame that is not a delta. */
        JsonNode next() throws Exception {
            while (true) {
                String frame = frames.poll(30, TimeUnit.SECONDS);
                assertThat(frame).as("a frame within 30 s").isNotNull();
                JsonNode node = JSON.readTree(frame);
                if (!"delta".equals(node.get("type").asText())) {
                    return node;
                }
            }
        }
    }
}
