package io.github.groundedbot.widget;

import io.quarkus.runtime.Startup;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The sites that may embed the widget ({@code widget.allowed-origins}), and the one check the
 * WebSocket handshake and the CORS routes both make. A wrong entry stops the application at
 * startup rather than leaving a site silently refused.
 */
@Startup
@ApplicationScoped
public class WidgetOrigins {

    private final Set<Origin> allowed;

    public WidgetOrigins(WidgetConfig config) {
        Set<Origin> origins = new LinkedHashSet<>();
        config.allowedOrigins().orElse(List.of()).stream()
                .filter(entry -> !entry.isBlank())
                .map(Origin::configured)
                .forEach(origins::add);
        this.allowed = Set.copyOf(origins);
    }

    /** Where a request comes from: its {@code Origin} header against its {@code Host}. */
    public OriginVerdict judge(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.ORIGIN);
        if (header == null) {
            return OriginVerdict.OWN;
        }
        Optional<Origin> origin = Origin.parse(header);
        if (origin.isEmpty()) {
            return OriginVerdict.REFUSED;
        }
        if (origin.get().isServedAt(request.authority())) {
            return OriginVerdict.OWN;
        }
        return allowed.contains(origin.get()) ? OriginVerdict.ALLOWED : OriginVerdict.REFUSED;
    }

    /** The allowed origins as browsers write them; empty when the widget is for the bot's own origin only. */
    List<String> allowed() {
        return allowed.stream().map(Origin::toString).sorted().toList();
    }
}
