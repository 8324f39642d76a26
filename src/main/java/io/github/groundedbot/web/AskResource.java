package io.github.groundedbot.web;

import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.answer.AnswerService;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/ask")
public class AskResource {

    /**
     * @param question       the question, at most {@code answer.max-question-length} characters
     * @param conversationId optional; the server issues one when it is missing
     */
    public record AskRequest(String question, String conversationId) {
    }

    private final AnswerService answers;

    public AskResource(AnswerService answers) {
        this.answers = answers;
    }

    @POST
    @Blocking // embedding the question is CPU work: keep it off the event loop
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a question from the fact base, with citations, or refuse")
    public Answer ask(AskRequest request) {
        if (request == null) {
            throw new ProblemException(400, "Missing body", "Send a JSON object like {\"question\": \"...\"}.");
        }
        return answers.ask("rest", request.question(), request.conversationId(), AnswerService.NO_DELTAS);
    }
}
