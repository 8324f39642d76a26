package io.github.groundedbot.page;

import io.github.groundedbot.answer.AnswerConfig;
import io.github.groundedbot.feedback.FeedbackConfig;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The limits a client should apply before sending, so the chat page (or an embedded copy of it)
 * reads them from the server instead of keeping its own copy that can drift from the
 * configuration. The server enforces the same limits whatever a client does.
 */
@Path("/api/limits")
@Produces(MediaType.APPLICATION_JSON)
public class ClientLimitsResource {

    /**
     * @param maxQuestionLength longest question accepted, in characters ({@code answer.max-question-length})
     * @param maxCommentLength  longest feedback comment accepted, in characters ({@code feedback.max-comment-length})
     */
    public record ClientLimits(int maxQuestionLength, int maxCommentLength) {
    }

    private final ClientLimits limits;

    public ClientLimitsResource(AnswerConfig answers, FeedbackConfig feedback) {
        this.limits = new ClientLimits(answers.maxQuestionLength(), feedback.maxCommentLength());
    }

    @GET
    @Operation(summary = "The question and comment lengths the server accepts")
    public ClientLimits limits() {
        return limits;
    }
}
