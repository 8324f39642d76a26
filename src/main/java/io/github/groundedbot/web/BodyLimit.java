package io.github.groundedbot.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.groundedbot.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a body declared over {@code quarkus.http.limits.max-body-size} with 413 problem JSON before
 * it is read. Quarkus would also refuse it, but with an empty body; chunked bodies still get that.
 */
@ApplicationScoped
public class BodyLimit {

    private final long maxBytes;
    private final ObjectMapper json;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize max,
                     ObjectMapper json) {
        this.maxBytes = max.asLongValue();
        this.json = json;
    }

    void routes(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String declared = ctx.request().getHeader("Content-Length");
            long length;
            try {
                length = declared == null ? -1 : Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                length = -1; // Vert.x's own HTTP parsing rejects it
            }
            if (length <= maxBytes) {
                ctx.next();
                return;
            }
            String body;
            try {
                body = json.writeValueAsString(new Problem("about:blank", "Payload Too Large", 413,
                        "The body is " + length + " bytes; the limit is " + maxBytes + ".", null));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e); // our own record always serialises
            }
            ctx.response().setStatusCode(413)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Connection", "close") // the unread body must not be taken for the next request
                    .end(body);
        });
    }
}
