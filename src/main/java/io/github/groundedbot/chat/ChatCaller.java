package io.github.groundedbot.chat;

import io.github.groundedbot.apikey.ApiKeyException;
import io.github.groundedbot.apikey.ApiKeys;
import io.github.groundedbot.apikey.Endpoint;
import io.github.groundedbot.limits.ClientAddress;
import io.github.groundedbot.limits.ClientKey;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * Decides, at the WebSocket handshake, whom a chat connection's questions count against: its API
 * key if it sends one ({@code Authorization: Bearer} or {@code X-API-Key}, for server-side
 * clients), else its address by the same proxy rules as REST. A bad key, or anonymous chat when
 * it is off, refuses the upgrade with 401 (403 for a key not allowed to chat).
 */
@ApplicationScoped
public class ChatCaller implements HttpUpgradeCheck {

    private static final UserData.TypedKey<ClientKey> CLIENT = new UserData.TypedKey<>("client");

    private final ApiKeys keys;
    private final ClientAddress addresses;

    public ChatCaller(ApiKeys keys, ClientAddress addresses) {
        this.keys = keys;
        this.addresses = addresses;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        try {
            ClientKey client = keys.identify(request.getHeader(HttpHeaders.AUTHORIZATION), request.getHeader(ApiKeys.HEADER),
                    Endpoint.CHAT, addresses.of(request));
            context.userData().put(CLIENT, client);
            return CheckResult.permitUpgrade();
        } catch (ApiKeyException e) {
            return CheckResult.rejectUpgrade(e.status(), Map.of("WWW-Authenticate", List.of("Bearer realm=\"chat\"")));
        }
    }

    /** The client a connection's questions count against, as decided at its handshake. */
    static ClientKey of(WebSocketConnection connection) {
        return connection.userData().get(CLIENT);
    }
}
