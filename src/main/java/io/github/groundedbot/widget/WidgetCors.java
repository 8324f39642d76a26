package io.github.groundedbot.widget;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.groundedbot.problem.Problem;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Set;

/**
 * Cross-origin access to what the widget loads from the bot, for the sites in
 * {@code widget.allowed-origins} and no others: the chat's modules and markup, and the REST calls the
 * chat makes. An allowed site's request gets the CORS headers (Vert.x's {@link CorsHandler}, which
 * also answers the preflight of {@code POST /api/feedback}); another site's gets 403 problem JSON;
 * the bot's own page and clients without {@code Origin} pass untouched. Everything else the bot
 * serves stays same-origin only ({@code quarkus.http.cors.enabled=false}).
 */
@ApplicationScoped
public class WidgetCors {

    /** What js/embed.js and the chat modules it mounts fetch from the bot, with CORS. */
    static final List<String> PATHS = List.of("/js/*", "/index.html", "/api/limits", "/api/suggestions", "/api/feedback");

    /** Preflights are cached by browsers this long. */
    private static final int PREFLIGHT_MAX_AGE_SECONDS = 600;
    private static final int FORBIDDEN = 403;

    private final WidgetOrigins origins;
    private final ObjectMapper json;

    public WidgetCors(WidgetOrigins origins, ObjectMapper json) {
        this.origins = origins;
        this.json = json;
    }

    void routes(@Observes Router router) {
        CorsHandler cors = CorsHandler.create()
                .addOrigins(origins.allowed())
                .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST))
                .allowedHeaders(Set.of(HttpHeaders.CONTENT_TYPE.toString(), HttpHeaders.ACCEPT.toString()))
                .maxAgeSeconds(PREFLIGHT_MAX_AGE_SECONDS);
        for (String path : PATHS) {
            router.route(path).order(Integer.MIN_VALUE + 1).handler(ctx -> check(ctx, cors));
        }
    }

    private void check(RoutingContext ctx, CorsHandler cors) {
        // The answer depends on Origin: caches must not give one site's answer to another.
        ctx.response().headers().add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        Handler<RoutingContext> next = switch (origins.judge(ctx.request())) {
            case OWN -> RoutingContext::next;
            case ALLOWED -> cors;
            case REFUSED -> this::refuse;
        };
        next.handle(ctx);
    }

    private void refuse(RoutingContext ctx) {
        String body;
        try {
            body = json.writeValueAsString(new Problem("about:blank", "Forbidden", FORBIDDEN,
                    "This site may not embed the chat: its origin is not in widget.allowed-origins.", null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // our own record always serialises
        }
        ctx.response().setStatusCode(FORBIDDEN)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }
}
