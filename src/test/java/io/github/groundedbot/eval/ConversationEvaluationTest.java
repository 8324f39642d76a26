package io.github.groundedbot.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.answer.Citation;
import io.github.groundedbot.answer.Outcome;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Multi-turn cases, each turn asked in one conversation: over REST with conversationId, and over WebSocket. */
@QuarkusTest
class ConversationEvaluationTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @TestHTTPResource("/")
    URI base;

    @Inject
    BasicWebSocketConnector connector;

    /** Our conversations and, when present, the shared ones, by set name. */
    private static Map<String, List<Conversation>> conversationSets() {
        Map<String, List<Conversation>> sets = new LinkedHashMap<>();
        sets.put("own conversations", EvalFiles.read(EvalFiles.OWN.resolve("conversations.jsonl"), Conversation.class));
        EvalFiles.shared("conversations.jsonl")
                .ifPresent(shared -> sets.put("shared conversations", EvalFiles.read(shared, Conversation.class)));
        return sets;
    }

    @Test
    void everyTurnIsRightOverRest() {
        Scorer scorer = new Scorer();
        conversationSets().forEach((set, conversations) -> {
            for (Conversation conversation : conversations) {
                String id = null;
                for (EvalCase turn : conversation.numberedTurns()) {
                    Map<String, Object> body = id == null ? Map.of("question", turn.q())
                            : Map.of("question", turn.q(), "conversationId", id);
                    Answer answer = given().contentType(ContentType.JSON).body(body)
                            .when().post("/api/ask")
                            .then().statusCode(200).extract().as(Answer.class);
                    id = answer.conversationId();
                    scorer.record("REST " + set, turn, answer);
                }
            }
        });
        System.out.println(scorer.report());
        scorer.assertAllRight();
    }

    @Test
    void everyTurnIsRightOverWebSocket() throws Exception {
        Scorer scorer = new Scorer();
        for (Map.Entry<String, List<Conversation>> set : conversationSets().entrySet()) {
            for (Conversation conversation : set.getValue()) {
                BlockingQueue<String> frames = new LinkedBlockingQueue<>();
                WebSocketClientConnection connection = connector.baseUri(base).path("/chat")
                        // On the event loop, frames are handled in the order they arrive.
                        .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                        .onTextMessage((c, message) -> frames.add(message))
                        .connectAndAwait();
                try {
                    for (EvalCase turn : conversation.numberedTurns()) {
                        connection.sendTextAndAwait(JSON.writeValueAsString(Map.of("question", turn.q())));
                        scorer.record("WebSocket " + set.getKey(), turn, finalAnswer(frames));
                    }
                } finally {
                    connection.closeAndAwait();
                }
            }
        }
        System.out.println(scorer.report());
        scorer.assertAllRight();
    }

    private static Answer finalAnswer(BlockingQueue<String> frames) throws Exception {
        while (true) {
            String frame = frames.poll(30, TimeUnit.SECONDS);
            assertThat(frame).as("a frame within 30 s").isNotNull();
            var node = JSON.readTree(frame);
            if ("answer".equals(node.get("type").asText())) {
                return JSON.treeToValue(node, AnswerFrame.class).toAnswer();
            }
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AnswerFrame(String answer, Outcome outcome, List<Citation> citations, String conversationId) {
        Answer toAnswer() {
            return new Answer(answer, outcome, citations, conversationId, null);
        }
    }
}
