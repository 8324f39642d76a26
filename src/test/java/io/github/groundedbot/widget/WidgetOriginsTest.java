package io.github.groundedbot.widget;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Which sites' pages may use what the widget uses, by their {@code Origin}: the CORS headers and the
 * WebSocket handshake, with one site allowed in {@code widget.allowed-origins}.
 */
@QuarkusTest
@TestProfile(HostSite.Allowed.class)
class WidgetOriginsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @ConfigProperty(name = HostSite.ALLOWED)
    String allowed;

    @TestHTTPResource("/")
    URL root;

    @Test
    void anAllowedSiteGetsTheCorsHeadersForWhatTheWidgetLoads() {
        for (String path : new String[] {"/api/limits", "/api/suggestions", "/index.html", "/js/embed.js", "/js/chat.js"}) {
            given().header("Origin", allowed).get(path)
                    .then().statusCode(200)
                    .header("Access-Control-Allow-Origin", equalTo(allowed))
                    .header("Vary", containsStringIgnoringCase("Origin"));
        }
    }

    @Test
    void anAllowedSitesFeedbackPassesThePreflight() {
        given().header("Origin", allowed)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .options("/api/feedback")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo(allowed))
                .header("Access-Control-Allow-Methods", containsStringIgnoringCase("POST"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("Content-Type"));
    }

    @Test
    void anotherSiteIsRefusedWithProblemJsonAndNoCorsHeaders() {
        for (String origin : new String[] {HostSite.refusedOrigin(allowed), "https://evil.example", "null"}) {
            given().header("Origin", origin).get("/api/limits")
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("status", equalTo(403))
                    .header("Access-Control-Allow-Origin", nullValue());
            given().header("Origin", origin).get("/js/embed.js")
                    .then().statusCode(403)
                    .header("Access-Control-Allow-Origin", nullValue());
            given().header("Origin", origin)
                    .header("Access-Control-Request-Method", "POST")
                    .options("/api/feedback")
                    .then().statusCode(403)
                    .header("Access-Control-Allow-Origin", nullValue());
        }
    }

    @Test
    void theBotsOwnPageAndClientsWithoutOriginPassWithoutCorsHeaders() {
        given().get("/api/limits")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", ownOrigin()).get("/api/limits")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void onlyTheWidgetsPathsAreOpenToTheAllowedSite() {
        given().header("Origin", allowed).contentType("application/json").body("{\"question\": \"What is Yi-34B?\"}")
                .post("/api/ask")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theSocketRefusesAnotherSitesPageAtTheHandshake() {
        given().header("Origin", HostSite.refusedOrigin(allowed))
                .header("Connection", "Upgrade")
                .header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .get("/chat")
                .then().statusCode(403);

        CompletionException refused = assertThrows(CompletionException.class,
                () -> connect(HostSite.refusedOrigin(allowed)).join());
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
        assertEquals(403, handshake.getResponse().statusCode());
    }

    @Test
    void theSocketOpensForTheAllowedSiteAndTheBotsOwnPage() throws Exception {
        for (String origin : new String[] {allowed, ownOrigin()}) {
            WebSocket socket = connect(origin).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private CompletableFuture<WebSocket> connect(String origin) {
        URI chat = URI.create(root.toString().replaceFirst("^http", "ws") + "chat");
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Origin", origin)
                .connectTimeout(TIMEOUT)
                .buildAsync(chat, new WebSocket.Listener() { });
    }

    private String ownOrigin() {
        return root.getProtocol() + "://" + root.getHost() + ":" + root.getPort();
    }
}
