package io.github.groundedbot.feedback;

import io.github.groundedbot.web.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Thumbs up / down on answers, kept for curators: what people disliked, and what the bot could
 * not answer. Unauthenticated, like the rest of the API: put it behind the proxy's auth when the
 * questions people ask are private.
 */
@Path("/api/feedback")
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    /** Longest conversation id accepted; the server's ids are UUIDs, 36 characters. */
    static final int MAX_CONVERSATION_ID_LENGTH = 200;

    /**
     * @param conversationId the conversation the answer belongs to (from the answer frame)
     * @param question       the question asked
     * @param answer         the answer as sent, citation markers included
     * @param rating         {@code "up"} or {@code "down"}
     * @param comment        optional free text
     */
    public record FeedbackRequest(String conversationId, String question, String answer, String rating,
                                  String comment) {
    }

    private final FeedbackStore store;
    private final FeedbackConfig config;

    public FeedbackResource(FeedbackStore store, FeedbackConfig config) {
        this.store = store;
        this.config = config;
    }

    @POST
    @Blocking // appends to a file and forces it to disk
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a thumbs up or down on an answer, with an optional comment")
    public Response post(FeedbackRequest request) {
        Feedback entry = validate(request);
        store.append(entry);
        return Response.status(Response.Status.CREATED).entity(entry).build();
    }

    @GET
    @Blocking // reads the file
    @Operation(summary = "The most recent feedback, newest first")
    public List<Feedback> recent(@QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > config.maxListed()) {
            throw new ProblemException(400, "Invalid limit",
                    "limit must be between 1 and " + config.maxListed() + "; it was " + limit + ".");
        }
        return store.recent(limit);
    }

    private Feedback validate(FeedbackRequest request) {
        if (request == null) {
            throw new ProblemException(400, "Missing body", "Send a JSON object like {\"conversationId\": \"...\", "
                    + "\"question\": \"...\", \"answer\": \"...\", \"rating\": \"up\"}.");
        }
        List<String> problems = new ArrayList<>();
        String conversationId = required("conversationId", request.conversationId(), MAX_CONVERSATION_ID_LENGTH,
                problems);
        String question = required("question", request.question(), config.maxTextLength(), problems);
        String answer = required("answer", request.answer(), config.maxTextLength(), problems);
        String rating = request.rating();
        if (!"up".equals(rating) && !"down".equals(rating)) {
            problems.add("rating must be \"up\" or \"down\"");
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        if (comment != null && comment.length() > config.maxCommentLength()) {
            problems.add("comment is " + comment.length() + " characters long; the limit is "
                    + config.maxCommentLength());
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(400, "Invalid feedback", String.join("; ", problems) + ".");
        }
        return new Feedback(Instant.now(), conversationId, question, answer, rating, comment);
    }

    private static String required(String field, String value, int maxLength, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is required");
            return null;
        }
        if (value.length() > maxLength) {
            problems.add(field + " is " + value.length() + " characters long; the limit is " + maxLength);
            return null;
        }
        return value;
    }
}
