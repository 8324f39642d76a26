package io.github.groundedbot.limits;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;

/** The address a REST client is rate-limited by. */
@ApplicationScoped
public class ClientAddress {

    private final boolean trustForwardedFor;

    public ClientAddress(LimitsConfig config) {
        this.trustForwardedFor = config.trustForwardedFor();
    }

    public String of(HttpServerRequest request) {
        if (trustForwardedFor) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                // The last entry is the one our proxy appended; earlier ones are whatever the client sent.
                String[] hops = forwarded.split(",");
                String last = hops[hops.length - 1].strip();
                if (!last.isEmpty()) {
                    return last;
                }
            }
        }
        SocketAddress remote = request.remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }
}
