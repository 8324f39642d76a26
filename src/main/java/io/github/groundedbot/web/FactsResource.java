package io.github.groundedbot.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.groundedbot.admin.AdminGuard;
import io.github.groundedbot.knowledge.Snippet;
import io.github.groundedbot.problem.ProblemException;
import io.github.groundedbot.retrieval.IndexHolder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.util.List;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class FactsResource {

    public record FactSummary(String id, String title, String source) {
    }

    /**
     * One fact as the page shows it. {@code file} and {@code line} say where a curator keeps it:
     * like the knowledge status, they go only to requests that carry the admin token.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fact(String id, String title, String text, String topic, String source, String url,
                       LocalDate published, String file, Integer line) {
    }

    private final IndexHolder index;
    private final AdminGuard admin;

    public FactsResource(IndexHolder index, AdminGuard admin) {
        this.index = index;
        this.admin = admin;
    }

    @GET
    @Path("/facts")
    public List<FactSummary> facts() {
        return index.current().facts().snippets().stream()
                .map(s -> new FactSummary(s.id(), s.title(), s.source().title()))
                .toList();
    }

    /** Ids hold '/' and '#': clients URL-encode them ({@code %2F}, {@code %23}). */
    @GET
    @Path("/facts/{id: .+}")
    public Fact fact(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Snippet s = index.current().facts().find(id)
                .orElseThrow(() -> new ProblemException(404, "Unknown fact", "No fact has the id '" + id + "'."));
        boolean curator = admin.allows(authorization);
        return new Fact(s.id(), s.title(), s.text(), s.topic(), s.source().title(), s.source().url(),
                s.source().published(), curator ? s.location().file() : null, curator ? s.location().line() : null);
    }

    /** Questions to offer people who do not know what to ask, drawn from the fact base's headings. */
    @GET
    @Path("/suggestions")
    public List<String> suggestions(@QueryParam("limit") @DefaultValue("4") int limit) {
        return Suggestions.from(index.current().facts().snippets(), limit);
    }
}
