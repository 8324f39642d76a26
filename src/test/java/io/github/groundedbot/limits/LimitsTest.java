package io.github.groundedbot.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/** Per-client rate limits, load shedding and the WebSocket connection caps, with small limits. */
@QuarkusTest
@TestProfile(SmallLimits.class)
class LimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTION = "{\"question\": \"What is Yi-34B?\"}";

    @TestHTTPResource("/")
    URI base;

    /** A connector per connection: a connector keeps one set of handlers, the last one given. */
    @Inject
    Instance<BasicWebSocketConnector> connectors;

    @Inject
    Admission admission;

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
            given().header("X-Forwarded-For", "198.51.100.40").contentType("application/json").body(feedback)
                    .post("/api/feedback").then().statusCode(201);
        }
        given().header("X-Forwarded-For", "198.51.100.40").contentType("application/json").body(feedback)
                .post("/api/feedback").then().statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429))
                .header("Retry-After", Integer::parseInt, greaterThanOrEqualTo(1));
        // Ratings and questions draw on separate allowances: this client may still ask.
        ask("198.51.100.40").then().statusCode(200);
    }

    @Test
    void overloadIsShedWith503AndRetryAfter() throws Exception {
        try (Overload overload = new Overload(admission, 2)) {
            // One address per channel: each question counts against its client's rate too.
            ask("198.51.100.3").then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "1");
            given().header("X-Forwarded-For", "198.51.100.4").contentType("application/json")
                    .accept("text/event-stream").body(QUESTION).post("/api/ask")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "1");
            Session session = open("198.51.100.5");
            session.connection.sendTextAndAwait("What is Yi-34B?");
            JsonNode frame = session.next();
            assertThat(frame.get("type").asText()).isEqualTo("error");
            assertThat(frame.get("code").asText()).isEqualTo("busy");
            assertThat(frame.get("retryAfter").asLong()).isEqualTo(1);
            assertThat(session.connection.isOpen()).isTrue();
            session.connection.closeAndAwait();
        }
        ask("198.51.100.3").then().statusCode(200);
    }

    @Test
    void webSocketQuestionsOverTheRateGetAnErrorFrameAndStayOpen() throws Exception {
        Session session = open("198.51.100.6");
        for (int i = 0; i < 2; i++) {
            session.connection.sendTextAndAwait("What is Yi-34B?");
            assertThat(session.next().get("type").asText()).isEqualTo("answer");
        }
        session.connection.sendTextAndAwait("What is Yi-34B?");
        assertRateLimited(session.next());
        assertThat(session.connection.isOpen()).isTrue();
        session.connection.closeAndAwait();
    }

    @Test
    void reconnectingKeepsTheRateLimitOfTheAddress() throws Exception {
        Session first = open("198.51.100.7");
        for (int i = 0; i < 2; i++) {
            first.connection.sendTextAndAwait("What is Yi-34B?");
            assertThat(first.next().get("type").asText()).isEqualTo("answer");
        }
        first.connection.closeAndAwait();

        Session again = open("198.51.100.7");
        again.connection.sendTextAndAwait("What is Yi-34B?");
        assertRateLimited(again.next());
        again.connection.closeAndAwait();
        // The address has one allowance, whatever the channel.
        ask("198.51.100.7").then().statusCode(429);

        Session other = open("198.51.100.8");
        other.connection.sendTextAndAwait("What is Yi-34B?");
        assertThat(other.next().get("type").asText()).isEqualTo("answer");
        other.connection.closeAndAwait();
    }

    @Test
    void oneClientCannotTakeEveryConnectionSlot() throws Exception {
        List<Session> held = List.of(open("198.51.100.9"), open("198.51.100.9"));
        Session third = open("198.51.100.9");
        CloseReason refused = third.closed.get(30, TimeUnit.SECONDS);
        assertThat(refused.getCode()).isEqualTo(1008);
        assertThat(refused.getMessage()).contains("Too many connections from this client");
        assertThat(held).allMatch(session -> session.connection.isOpen());

        Session other = open("198.51.100.10");
        other.connection.sendTextAndAwait("hello");
        assertThat(other.next().get("type").asText()).isEqualTo("answer");
        other.connection.closeAndAwait();
        for (Session session : held) {
            session.connection.closeAndAwait();
        }
    }

    @Test
    void connectionsOverTheCapAreClosedWith1013AndIdleOnesWith1000() throws Exception {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sessions.add(open("198.51.100.2" + i));
        }
        Session extra = open("198.51.100.24");
        assertThat(extra.closed.get(30, TimeUnit.SECONDS).getCode()).isEqualTo(1013);
        // Idle past limits.websocket-idle-timeout (3 s): closed normally, freeing the slots.
        for (Session session : sessions) {
            assertThat(session.closed.get(30, TimeUnit.SECONDS).getCode()).isEqualTo(1000);
        }
        Session again = open("198.51.100.24");
        again.connection.sendTextAndAwait("hello");
        assertThat(again.next().get("type").asText()).isEqualTo("answer");
        again.connection.closeAndAwait();
    }

    private static void assertRateLimited(JsonNode frame) {
        assertThat(frame.get("type").asText()).isEqualTo("error");
        assertThat(frame.get("code").asText()).isEqualTo("rate_limited");
        assertThat(frame.get("retryAfter").asLong()).isPositive();
    }

    private static Response ask(String client) {
        return given().header("X-Forwarded-For", client).contentType("application/json").body(QUESTION)
                .post("/api/ask");
    }

    /** A chat connection from {@code client}, as the trusted proxy reports it. */
    private Session open(String client) {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        CompletableFuture<CloseReason> closed = new CompletableFuture<>();
        WebSocketClientConnection connection = connectors.get().baseUri(base).path("/chat")
                .addHeader("X-Forwarded-For", client)
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

    /** Holds {@code places} in-flight places with questions that do not finish until closed, as a burst would. */
    static final class Overload implements AutoCloseable {
        private final CountDownLatch holding;
        private final CountDownLatch release = new CountDownLatch(1);
        private final List<Thread> threads = new ArrayList<>();

        Overload(Admission admission, int places) throws InterruptedException {
            holding = new CountDownLatch(places);
            for (int i = 0; i < places; i++) {
                Thread thread = new Thread(() -> admission.answer(() -> {
                    holding.countDown();
                    try {
                        return release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }));
                thread.start();
                threads.add(thread);
            }
            assertThat(holding.await(30, TimeUnit.SECONDS)).as("every place taken").isTrue();
        }

        @Override
        public void close() throws InterruptedException {
            release.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }
}
