package io.github.groundedbot.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.vertx.core.buffer.Buffer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ChatSocketTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    @Inject
    BasicWebSocketConnector connector;

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private WebSocketClientConnection connection;

    @BeforeEach
    void connect() {
        connection = connector.baseUri(base).path("/chat")
                // On the event loop, frames are handled in the order they arrive.
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .onTextMessage((c, message) -> frames.add(message))
                .connectAndAwait();
    }

    @AfterEach
    void close() {
        if (connection.isOpen()) {
            connection.closeAndAwait();
        }
    }

    @Test
    void jsonQuestionGetsACitedAnswerFrame() throws Exception {
        connection.sendTextAndAwait("{\"question\": \"What did Nvidia and AMD do in 2022?\"}");
        JsonNode answer = finalFrame();
        assertThat(answer.get("type").asText()).isEqualTo("answer");
        assertThat(answer.get("grounded").asBoolean()).isTrue();
        assertThat(answer.get("answer").asText()).contains("[1]");
        assertThat(answer.get("citations")).isNotEmpty();
        assertThat(answer.get("citations").get(0).get("snippet").asText()).isNotBlank();
        assertThat(answer.get("conversationId").asText()).isNotBlank();
    }

    @Test
    void answerStreamsAsDeltasThatAddUpToTheFinalFrame() throws Exception {
        connection.sendTextAndAwait("{\"question\": \"What did ByteDance use ChatGPT for?\"}");
        StringBuilder streamed = new StringBuilder();
        JsonNode frame = next();
        int deltas = 0;
        while ("delta".equals(frame.get("type").asText())) {
            streamed.append(frame.get("text").asText());
            deltas++;
            frame = next();
        }
        assertThat(deltas).isPositive();
        assertThat(frame.get("type").asText()).isEqualTo("answer");
        assertThat(streamed.toString()).isEqualTo(frame.get("answer").asText());
    }

    @Test
    void plainTextQuestionWorksAndOffTopicIsRefused() throws Exception {
        connection.sendTextAndAwait("What is the weather in Beijing tomorrow?");
        JsonNode answer = finalFrame();
        assertThat(answer.get("type").asText()).isEqualTo("answer");
        assertThat(answer.get("grounded").asBoolean()).isFalse();
        assertThat(answer.get("citations")).isEmpty();
    }

    @Test
    void badFramesGetErrorFramesAndTheConnectionKeepsAnswering() throws Exception {
        connection.sendTextAndAwait("{\"question\": ");
        assertError("JSON");
        connection.sendTextAndAwait("{\"question\": 42}");
        assertError("question");
        connection.sendTextAndAwait("   ");
        assertError("empty");
        connection.sendTextAndAwait("x".repeat(1001));
        assertError("1000");
        connection.sendBinaryAndAwait(Buffer.buffer(new byte[]{1, 2, 3}));
        assertError("Binary");

        assertThat(connection.isOpen()).isTrue();
        connection.sendTextAndAwait("What is Yi-34B?");
        assertThat(finalFrame().get("grounded").asBoolean()).isTrue();
    }

    @Test
    void aConnectionIsOneConversation() throws Exception {
        connection.sendTextAndAwait("What is Yi-34B?");
        String first = finalFrame().get("conversationId").asText();
        connection.sendTextAndAwait("What is Huawei working on?");
        assertThat(finalFrame().get("conversationId").asText()).isEqualTo(first);
    }

    private void assertError(String mentioning) throws Exception {
        JsonNode frame = next();
        assertThat(frame.get("type").asText()).isEqualTo("error");
        assertThat(frame.get("message").asText()).containsIgnoringCase(mentioning);
    }

    /** Skips streamed delta frames: the final answer frame carries everything. */
    private JsonNode finalFrame() throws Exception {
        JsonNode frame = next();
        while ("delta".equals(frame.get("type").asText())) {
            frame = next();
        }
        return frame;
    }

    private JsonNode next() throws Exception {
        String frame = frames.poll(30, TimeUnit.SECONDS);
        assertThat(frame).as("a frame within 30 s").isNotNull();
        return JSON.readTree(frame);
    }
}
