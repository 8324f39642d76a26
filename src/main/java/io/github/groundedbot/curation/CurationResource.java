package io.github.groundedbot.curation;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.groundedbot.admin.AdminGuard;
import io.github.groundedbot.answer.Explainer;
import io.github.groundedbot.answer.Explanation;
import io.github.groundedbot.feedback.Feedback;
import io.github.groundedbot.feedback.FeedbackStore;
import io.github.groundedbot.problem.ProblemException;
import io.github.groundedbot.retrieval.IndexHolder;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * What the curator console reads: why a question is answered or refused, the questions the bot
 * could not answer, and exports for review. Admin token required, like {@code /api/knowledge/*}.
 */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
public class CurationResource {

    private static final Export<UnansweredQuestion> UNANSWERED = new Export<>("unanswered", List.of(
            new Export.Column<>("at", UnansweredQuestion::at),
            new Export.Column<>("question", UnansweredQuestion::question)));
    private static final Export<Feedback> FEEDBACK = new Export<>("feedback", List.of(
            new Export.Column<>("timestamp", Feedback::timestamp),
            new Export.Column<>("rating", Feedback::rating),
            new Export.Column<>("question", Feedback::question),
            new Export.Column<>("answer", Feedback::answer),
            new Export.Column<>("comment", Feedback::comment)));

    /** @param question the question to explain, as a person would type it */
    public record ExplainRequest(String question) {
    }

    /**
     * The unanswered questions, grouped.
     *
     * @param enabled          false when {@code curation.unanswered.enabled=false}: nothing is kept
     * @param retentionSeconds how long a refused question is kept
     * @param questions        refused questions kept (up to {@code curation.unanswered.max-grouped} are grouped)
     * @param groups           biggest first
     */
    public record UnansweredReport(boolean enabled, long retentionSeconds, int questions,
                                   List<UnansweredGroups.Group> groups) {
    }

    private final AdminGuard admin;
    private final Explainer explainer;
    private final UnansweredLog unanswered;
    private final UnansweredGroups grouping;
    private final IndexHolder index;
    private final FeedbackStore feedback;
    private final CurationConfig config;
    private final ObjectMapper json;

    public CurationResource(AdminGuard admin, Explainer explainer, UnansweredLog unanswered, UnansweredGroups grouping,
                            IndexHolder index, FeedbackStore feedback, CurationConfig config, ObjectMapper json) {
        this.admin = admin;
        this.explainer = explainer;
        this.unanswered = unanswered;
        this.grouping = grouping;
        this.index = index;
        this.feedback = feedback;
        this.config = config;
        this.json = json;
    }

    @POST
    @Path("/explain")
    @Blocking // embeds the question
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "How the bot reads, retrieves, grounds and answers a question; nothing is remembered "
            + "or counted (admin token required)")
    public Explanation explain(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, ExplainRequest request) {
        admin.check(authorization);
        if (request == null) {
            throw new ProblemException(400, "Missing body", "Send a JSON object like {\"question\": \"...\"}.");
        }
        return explainer.explain(request.question());
    }

    @GET
    @Path("/unanswered")
    @Blocking // embeds questions not grouped before
    @Operation(summary = "Refused questions grouped by meaning, with counts, first and last seen and the nearest "
            + "snippets (admin token required)")
    public UnansweredReport unanswered(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        admin.check(authorization);
        List<UnansweredQuestion> recent = unanswered.recent(config.unanswered().maxGrouped());
        return new UnansweredReport(config.unanswered().enabled(), config.unanswered().retention().toSeconds(),
                recent.size(), grouping.group(recent, index.current()));
    }

    @DELETE
    @Path("/unanswered")
    @Blocking // may call Redis
    @Operation(summary = "Forget every unanswered question kept (admin token required)")
    public Response forgetUnanswered(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        admin.check(authorization);
        unanswered.clear();
        return Response.noContent().build();
    }

    @GET
    @Path("/unanswered/export")
    @Blocking // may call Redis
    @Produces({"text/csv", "application/jsonl", MediaType.APPLICATION_JSON})
    @Operation(summary = "The unanswered questions kept, newest first, as CSV or JSON Lines (admin token required)")
    public Response exportUnanswered(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                     @QueryParam("format") @DefaultValue("csv") String format) {
        admin.check(authorization);
        return UNANSWERED.download(Export.format(format), unanswered.recent(config.maxExported()), json);
    }

    @GET
    @Path("/feedback/export")
    @Blocking // reads the feedback file
    @Produces({"text/csv", "application/jsonl", MediaType.APPLICATION_JSON})
    @Operation(summary = "Thumbs up and down with their comments, newest first, as CSV or JSON Lines "
            + "(admin token required)")
    public Response exportFeedback(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                   @QueryParam("format") @DefaultValue("csv") String format) {
        admin.check(authorization);
        return FEEDBACK.download(Export.format(format), feedback.recent(config.maxExported()), json);
    }
}
