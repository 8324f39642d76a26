package io.github.groundedbot.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.answer.AnswerService;
import io.github.groundedbot.answer.InvalidQuestionException;
import io.github.groundedbot.answer.Question;
import io.github.groundedbot.compose.Deltas;
import io.github.groundedbot.limits.Admission;
import io.github.groundedbot.limits.Decision;
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

/**
 * The chat over WebSocket: each text frame is a question (JSON {@code {"question": "..."}} or
 * plain text). The answer streams as {@code delta} frames, sentence by sentence, then comes whole
 * in one {@code answer} frame ({@link DeltaFrame}, {@link AnswerFrame}). A connection is one
 * conversation; its questions count against its client ({@link ChatCaller}), so opening a new
 * connection does not reset a rate limit. Bad frames get an error frame ({@link ErrorFrame}) and the
 * connection stays open.
 */
@WebSocket(path = "/chat")
public class ChatSocket {

    private static final Logger LOG = Logger.getLogger(ChatSocket.class);
    private static final int MESSAGE_TOO_BIG = 1009;
    private static final String CHANNEL = "websocket";

    private final AnswerService answers;
    private final ObjectMapper json;
    private final Admission admission;
    private final ChatConnections connections;

    public ChatSocket(AnswerService answers, ObjectMapper json, Admission admission, ChatConnections connections) {
        this.answers = answers;
        this.json = json;
        this.admission = admission;
        this.connections = connections;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        connections.opened(connection, ChatCaller.of(connection));
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        connections.closed(connection.id());
    }

    @OnTextMessage
    @Blocking // embedding is CPU work: run on a worker thread, never the event loop
    public String onText(String frame, WebSocketConnection connection) {
        connections.asking(connection.id());
        try {
            // Counted per client, not per connection: reconnecting does not refill the allowance.
            if (admission.admit(ChatCaller.of(connection)) instanceof Decision.Refusal refusal) {
                return write(ErrorFrame.of(refusal));
            }
            Answer answer = admission.answer(() -> answers.ask(
                    Question.inConversation(CHANNEL, question(frame), connection.id()),
                    Deltas.streamedTo(delta -> connection.sendTextAndAwait(write(DeltaFrame.of(delta))))));
            return write(AnswerFrame.of(answer));
        } catch (InvalidQuestionException e) {
            return write(ErrorFrame.of(e.getMessage()));
        } catch (Admission.BusyException e) {
            return write(ErrorFrame.of(e.decision()));
        } finally {
            connections.answered(connection.id());
        }
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
        if (!connection.isOpen()) { // the client left while its answer was being sent: nobody to tell
            LOG.debugf("Chat connection %s closed before its answer was sent: %s", connection.id(), failure.toString());
            return Uni.createFrom().voidItem();
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
