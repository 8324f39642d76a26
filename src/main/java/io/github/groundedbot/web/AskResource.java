package io.github.groundedbot.web;

import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.answer.AnswerService;
import io.github.groundedbot.answer.Question;
import io.github.groundedbot.limits.InFlightLimit;
import io.github.groundedbot.limits.RestRateLimit;
import io.github.groundedbot.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;

@Path("/api/ask")
public class AskResource {

    /**
     * @param question       the question, at most {@code answer.max-question-length} characters
     * @param conversationId optional: the id an earlier answer gave; the server issues one when it is missing or unknown
     */
    public record AskRequest(String question, String conversationId) {
    }

    private static final String CHANNEL = "rest";

    private final AnswerService answers;
    private final RestRateLimit rateLimit;
    private final InFlightLimit inFlight;

    public AskResource(AnswerService answers, RestRateLimit rateLimit, InFlightLimit inFlight) {
        this.answers = answers;
        this.rateLimit = rateLimit;
        this.inFlight = inFlight;
    }

    @POST
    @Blocking // embedding the question is CPU work: keep it off the event loop
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a question from the fact base, with citations, or refuse")
    public Answer ask(AskRequest request, @Context HttpServerRequest http) {
        rateLimit.check(CHANNEL, "questions", http);
        if (request == null) {
            throw new ProblemException(400, "Missing body", "Send a JSON object like {\"question\": \"...\"}.");
        }
        try {
            return inFlight.call(() -> answers.ask(Question.fromClient(CHANNEL, request.question(),
                    request.conversationId())));
        } catch (InFlightLimit.OverloadedException e) {
            throw new ProblemException(503, "Service Unavailable", e.getMessage(),
                    Map.of("Retry-After", String.valueOf(InFlightLimit.OverloadedException.RETRY_AFTER_SECONDS)));
        }
    }
}
