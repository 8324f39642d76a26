package io.github.groundedbot.feedback;

import io.github.groundedbot.admin.AdminGuard;
import io.github.groundedbot.limits.RestRateLimit;
import io.github.groundedbot.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Thumbs up / down on answers, kept for curators: what people disliked, and what the bot could
 * not answer. Anyone who got an answer may rate it (rate-limited per client, like questions); only
 * admins may read the ratings back, since they quote other people's questions.
 */
@Path("/api/feedback")
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    /**
     * A rating. Other fields are ignored: pages that still send the answer's {@code conversationId}
     * keep working, and it is neither stored nor returned.
     *
     * @param question the question asked
     * @param answer   the answer as sent, citation markers included
     * @param rating   {@code "up"} or {@code "down"}
     * @param comment  optional free text
     */
    public record FeedbackRequest(String question, String answer, String rating, String comment) {
    }

    private final FeedbackStore store;
    private final FeedbackConfig config;
    private final AdminGuard admin;
    private final RestRateLimit rateLimit;

    public FeedbackResource(FeedbackStore store, FeedbackConfig config, AdminGuard admin, RestRateLimit rateLimit) {
        this.store = store;
        this.config = config;
        this.admin = admin;
        this.rateLimit = rateLimit;
    }

    @POST
    @Blocking // appends to a file and forces it to disk
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a thumbs up or down on an answer, with an optional comment")
    public Response post(FeedbackRequest request, @Context HttpServerRequest http) {
        rateLimit.check("feedback", "feedback reports", http);
        Feedback entry = validate(request);
        store.append(entry);
        return Response.status(Response.Status.CREATED).entity(entry).build();
    }

    @GET
    @Blocking // reads the file
    @Operation(summary = "The most recent feedback, newest first (admin token required)")
    public List<Feedback> recent(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                 @QueryParam("limit") @DefaultValue("50") int limit) {
        admin.check(authorization);
        if (limit < 1 || limit > config.maxListed()) {
            throw new ProblemException(400, "Invalid limit",
                    "limit must be between 1 and " + config.maxListed() + "; it was " + limit + ".");
        }
        return store.recent(limit);
    }

    private Feedback validate(FeedbackRequest request) {
        if (request == null) {
            throw new ProblemException(400, "Missing body", "Send a JSON object like {\"question\": \"...\", "
                    + "\"answer\": \"...\", \"rating\": \"up\"}.");
        }
        List<String> problems = new ArrayList<>();
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
        return new Feedback(Instant.now(), question, answer, rating, comment);
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
