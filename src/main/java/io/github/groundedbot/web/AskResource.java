package io.github.groundedbot.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.answer.AnswerService;
import io.github.groundedbot.answer.Question;
import io.github.groundedbot.answer.QuestionValidator;
import io.github.groundedbot.apikey.ApiKeys;
import io.github.groundedbot.apikey.Endpoint;
import io.github.groundedbot.chat.AnswerFrame;
import io.github.groundedbot.chat.DeltaFrame;
import io.github.groundedbot.chat.ErrorFrame;
import io.github.groundedbot.compose.Deltas;
import io.github.groundedbot.limits.Admission;
import io.github.groundedbot.limits.ClientAddress;
import io.github.groundedbot.limits.Decision;
import io.github.groundedbot.limits.RestRateLimit;
import io.github.groundedbot.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * Questions over HTTP: the answer as one JSON object, or, with {@code Accept: text/event-stream},
 * as server-sent events: {@code delta} events as the answer forms, then one {@code answer} event
 * (the WebSocket's frames, {@link DeltaFrame} and {@link AnswerFrame}). What can be refused is
 * refused before the stream starts, as problem JSON; a failure once it runs is an {@code error}
 * event ({@link ErrorFrame}).
 */
@Path("/api/ask")
public class AskResource {

    /**
     * @param question       the question, at most {@code answer.max-question-length} characters
     * @param conversationId optional: the id an earlier answer gave; the server issues one when it is missing or unknown
     */
    public record AskRequest(String question, String conversationId) {
    }

    private static final Logger LOG = Logger.getLogger(AskResource.class);
    private static final String CHANNEL = "rest";
    private static final String FAILURE_TEXT = "Something went wrong answering that; please try again.";

    private final AnswerService answers;
    private final QuestionValidator validator;
    private final Admission admission;
    private final ApiKeys keys;
    private final ClientAddress clients;
    private final ObjectMapper json;

    public AskResource(AnswerService answers, QuestionValidator validator, Admission admission, ApiKeys keys,
                       ClientAddress clients, ObjectMapper json) {
        this.answers = answers;
        this.validator = validator;
        this.admission = admission;
        this.keys = keys;
        this.clients = clients;
        this.json = json;
    }

    @POST
    @Blocking // embedding the question is CPU work: keep it off the event loop
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a question from the fact base, with citations, or refuse")
    public Answer ask(AskRequest request, @Context HttpServerRequest http) {
        Question question = admitted(request, http);
        return admission.answer(() -> answers.ask(question));
    }

    @POST
    @Blocking // the checks before the stream may wait for an in-flight place
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Answer a question as server-sent events: delta events, then the answer event")
    public Multi<OutboundSseEvent> askStreaming(AskRequest request, @Context HttpServerRequest http, @Context Sse sse) {
        Question question = admitted(request, http);
        // Checked now so that a bad question is a 400 problem, not an error event in a 200 stream.
        validator.question(question.text());
        validator.conversationId(question.conversationId());
        Admission.Place place = admission.enter();
        return Multi.createFrom().<OutboundSseEvent>emitter(events -> stream(question, sse, events))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()) // answering blocks: on a worker thread
                .onTermination().invoke(place::close); // done, failed, or the client left
    }

    /**
     * The question, once its caller is known and within its rate.
     *
     * @throws ProblemException 400 without a body, 401 or 403 for a bad or unauthorised key, 429 over the rate
     */
    private Question admitted(AskRequest request, HttpServerRequest http) {
        Decision decision = admission.admit(keys.identify(http.getHeader(HttpHeaders.AUTHORIZATION),
                http.getHeader(ApiKeys.HEADER), Endpoint.ASK, clients.of(http)));
        if (decision instanceof Decision.Refusal refusal) {
            throw RestRateLimit.problem(refusal);
        }
        if (request == null) {
            throw new ProblemException(400, "Missing body", "Send a JSON object like {\"question\": \"...\"}.");
        }
        return Question.fromClient(CHANNEL, request.question(), request.conversationId());
    }

    /** Answers into the event stream, then ends it; a failure becomes an {@code error} event. */
    private void stream(Question question, Sse sse, MultiEmitter<? super OutboundSseEvent> events) {
        try {
            Answer answer = answers.ask(question, Deltas.streamedTo(delta -> {
                if (events.isCancelled()) {
                    throw new ClientGoneException(); // stop answering for nobody
                }
                events.emit(event(sse, DeltaFrame.TYPE, DeltaFrame.of(delta)));
            }));
            events.emit(event(sse, AnswerFrame.TYPE, AnswerFrame.of(answer)));
        } catch (ClientGoneException e) {
            LOG.debug("The client left before its answer was streamed");
        } catch (RuntimeException e) {
            LOG.error("Streaming an answer failed", e);
            events.emit(event(sse, ErrorFrame.TYPE, ErrorFrame.of(FAILURE_TEXT)));
        }
        events.complete();
    }

    private OutboundSseEvent event(Sse sse, String name, Object frame) {
        try {
            return sse.newEventBuilder().name(name).data(json.writeValueAsString(frame)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // our own records always serialise
        }
    }

    /** The stream was cancelled: its client is gone. */
    private static final class ClientGoneException extends RuntimeException {
        ClientGoneException() {
            super(null, null, false, false);
        }
    }
}
