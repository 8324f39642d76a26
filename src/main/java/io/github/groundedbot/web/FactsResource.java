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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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
        List<Snippet> snippets = index.current().facts().snippets();
        int count = Math.max(0, Math.min(limit, Math.min(10, snippets.size())));
        // One per topic first, spread over the fact base, so the suggestions show its range.
        List<Snippet> firstOfTopic = List.copyOf(snippets.stream()
                .collect(Collectors.toMap(Snippet::topic, s -> s, (first, later) -> first, LinkedHashMap::new))
                .values());
        List<Snippet> pool = firstOfTopic.size() >= count ? firstOfTopic : snippets;
        return IntStream.range(0, count)
                .mapToObj(i -> pool.get(i * pool.size() / Math.max(count, 1)))
                .map(s -> "Tell me about " + lowerFirst(s.title()))
                .distinct()
                .toList();
    }

    private static String lowerFirst(String title) {
        // Keep names and acronyms ("Yi-34B", "OpenAI") as they are; lower a plain capitalised word.
        if (title.length() > 1 && Character.isUpperCase(title.charAt(0)) && Character.isLowerCase(title.charAt(1))
                && !title.split("\\s+")[0].chars().skip(1).anyMatch(Character::isUpperCase)) {
            String first = title.split("\\s+")[0];
            if (first.toLowerCase(Locale.ROOT).matches("the|a|an|how|why|what|early|first")) {
                return Character.toLowerCase(title.charAt(0)) + title.substring(1);
            }
        }
        return title;
    }
}
