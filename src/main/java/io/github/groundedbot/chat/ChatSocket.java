package io.github.groundedbot.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.answer.AnswerService;
import io.github.groundedbot.answer.Citation;
import io.github.groundedbot.answer.InvalidQuestionException;
import io.github.groundedbot.answer.Outcome;
import io.github.groundedbot.answer.Question;
import io.github.groundedbot.compose.Deltas;
import io.github.groundedbot.limits.InFlightLimit;
import io.github.groundedbot.limits.RateLimiter;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * The chat over WebSocket: each text frame is a question (JSON {@code {"question": "..."}} or
 * plain text). The answer streams as {@code delta} frames, sentence by sentence, then comes whole
 * in one {@code answer} frame. A connection is one conversation. Bad frames get an error frame and
 * the connection stays open.
 */
@WebSocket(path = "/chat")
public class ChatSocket {

    private static final Logger LOG = Logger.getLogger(ChatSocket.class);
    private static final int MESSAGE_TOO_BIG = 1009;
    private static final String CHANNEL = "websocket";

    public record AnswerFrame(String type, String answer, boolean grounded, Outcome outcome, List<Citation> citations,
                              String conversationId,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String resolvedQuestion) {
        static AnswerFrame of(Answer answer) {
            return new AnswerFrame("answer", answer.answer(), answer.grounded(), answer.outcome(), answer.citations(),
                    answer.conversationId(), answer.resolvedQuestion());
        }
    }

    /** Part of the answer as it forms; the deltas of one answer concatenate to its text. */
    public record DeltaFrame(String type, String text) {
    }

    /**
     * @param code       {@code rate_limited} or {@code busy} when retrying later will work; absent otherwise
     * @param retryAfter seconds to wait before asking again, with a code
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ErrorFrame(String type, String message, String code, Long retryAfter) {
        static ErrorFrame of(String message) {
            return new ErrorFrame("error", message, null, null);
        }
    }

    private final AnswerService answers;
    private final ObjectMapper json;
    private final RateLimiter rateLimiter;
    private final InFlightLimit inFlight;
    private final ChatConnections connections;

    public ChatSocket(AnswerService answers, ObjectMapper json, RateLimiter rateLimiter, InFlightLimit inFlight,
                      ChatConnections connections) {
        this.answers = answers;
        this.json = json;
        this.rateLimiter = rateLimiter;
        this.inFlight = inFlight;
        this.connections = connections;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        connections.opened(connection);
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        connections.closed(connection.id());
        rateLimiter.forget(key(connection));
    }

    @OnTextMessage
    @Blocking // embedding is CPU work: run on a worker thread, never the event loop
    public String onText(String frame, WebSocketConnection connection) {
        connections.touched(connection.id());
        RateLimiter.Decision decision = rateLimiter.tryAcquire(key(connection));
        if (!decision.allowed()) {
            long seconds = decision.retryAfterSeconds();
            return write(new ErrorFrame("error", "Too many questions on this connection; retry in " + seconds + " s.",
                    "rate_limited", seconds));
        }
        try {
            Answer answer = inFlight.call(() -> answers.ask(Question.inConversation(CHANNEL, question(frame), connection.id()),
                    Deltas.streamedTo(delta -> connection.sendTextAndAwait(write(new DeltaFrame("delta", delta))))));
            return write(AnswerFrame.of(answer));
        } catch (InvalidQuestionException e) {
            return write(ErrorFrame.of(e.getMessage()));
        } catch (InFlightLimit.OverloadedException e) {
            return write(new ErrorFrame("error", e.getMessage(), "busy",
                    (long) InFlightLimit.OverloadedException.RETRY_AFTER_SECONDS));
        }
    }

    private static String key(WebSocketConnection connection) {
        return "ws:" + connection.id();
    }

    /** A binary handler's return value would go out as a binary frame; the error must be text like the rest. */
    @OnBinaryMessage
    public Uni<Void> onBinary(Buffer frame, WebSocketConnection connection) {
        return connection.sendText(write(ErrorFrame.of(
                "Binary frames are not supported: send the question as a text frame.")));
    }

    @OnError
    public Uni<Void> onError(Throwable failure, WebSocketConnection connection) {
        // Vert.x reports a message over quarkus.websockets-next.server.max-message-size as this failure;
        // RFC 6455 says to close with 1009 (message too big), not to carry on mid-message.
        if (failure instanceof IllegalStateException && String.valueOf(failure.getMessage()).contains("max message size")) {
            LOG.debugf("Closing chat connection %s: %s", connection.id(), failure.getMessage());
            return connection.close(new CloseReason(MESSAGE_TOO_BIG, "Message too big"));
        }
        LOG.error("Chat frame failed", failure);
        return connection.sendText(write(ErrorFrame.of("Something went wrong answering that; please try again.")));
    }

    private String question(String frame) {
        String text = frame.strip();
        if (!text.startsWith("{")) {
            return text;
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidQuestionException("The frame is not valid JSON: send {\"question\": \"...\"} or plain text.");
        }
        JsonNode question = node.get("question");
        if (question == null || !question.isTextual()) {
            throw new InvalidQuestionException("The JSON frame needs a \"question\" string: {\"question\": \"...\"}.");
        }
        return question.asText();
    }

    private String write(Object frame) {
        try {
            return json.writeValueAsString(frame);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // our own records always serialise
        }
    }
}
