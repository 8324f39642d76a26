package io.github.groundedbot.curation;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code /admin} leads to the curator console at {@code /admin/}: its page loads its styles and
 * modules by relative paths, which resolve only from the folder.
 */
@ApplicationScoped
public class ConsoleRoute {

    private static final int FOUND = 302;

    void route(@Observes Router router) {
        // A regex route matches the whole path, so /admin/ itself still reaches the static files.
        router.routeWithRegex(HttpMethod.GET, "/admin").handler(context -> context.response()
                .setStatusCode(FOUND).putHeader(HttpHeaders.LOCATION, "admin/").end());
    }
}
