package io.github.groundedbot.web;

import io.github.groundedbot.apikey.ApiKeySecrets;
import io.github.groundedbot.limits.SmallLimits;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.http.UpgradeRejectedException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * API keys at the endpoints, with {@link SmallLimits} (two anonymous questions per address, then one
 * a minute) and its keys: {@code partner} (burst 20), {@code revoked},
 * {@code ask-only}.
 */
@QuarkusTest
@TestProfile(SmallLimits.class)
class ApiKeyEndpointsTest {

    private static final String QUESTION = "{\"question\": \"What is Yi-34B?\"}";

    @TestHTTPResource("/")
    URI base;

    @Inject
    Instance<BasicWebSocketConnector> connectors;

    @Test
    void aKeyedClientAboveTheAnonymousLimitIsNotThrottledWhileAnAnonymousOneIs() {
        String address = "198.51.100.30";
        for (int i = 0; i < 2; i++) {
            ask(address).then().statusCode(200);
        }
        ask(address).then().statusCode(429);
        // The same address with the key: its own, larger allowance, in either header.
        for (int i = 0; i < 3; i++) {
            ask(address).header("Authorization", "Bearer " + SmallLimits.PARTNER_KEY).post("/api/ask")
                    .then().statusCode(200).body("outcome", equalTo("answered"));
            ask(address).header("X-API-Key", SmallLimits.PARTNER_KEY).post("/api/ask").then().statusCode(200);
        }
        ask(address).then().statusCode(429);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("bot_api_key_questions_total{decision=\"allowed\",key=\"partner\"}"));
    }

    @Test
    void wrongAndRevokedKeysGet401ProblemJson() {
        String unknown = ApiKeySecrets.newKey();
        ask("198.51.100.31").header("Authorization", "Bearer " + unknown).post("/api/ask")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("detail", equalTo("The API key is not valid."));
        ask("198.51.100.31").header("X-API-Key", SmallLimits.REVOKED_KEY).post("/api/ask")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("revoked"));
        // A key's endpoints are its own: this one may ask over REST, not chat.
        ask("198.51.100.31").header("X-API-Key", SmallLimits.ASK_ONLY_KEY).post("/api/ask").then().statusCode(200);
        assertThatThrownBy(() -> connect("198.51.100.31", SmallLimits.ASK_ONLY_KEY, new LinkedBlockingQueue<>()))
                .isInstanceOfSatisfying(UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(403));
        assertThatThrownBy(() -> connect("198.51.100.31", unknown, new LinkedBlockingQueue<>()))
                .isInstanceOfSatisfying(UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(401));
    }

    @Test
    void anAdminMakesAKeyShownOnceWithTheConfigurationLineOfItsHash() {
        given().contentType("application/json").body("{\"name\": \"helpdesk\"}").post("/api/admin/keys")
                .then().statusCode(401);
        given().header("Authorization", "Bearer " + SmallLimits.ADMIN_TOKEN).contentType("application/json")
                .body("{\"name\": \"Help Desk!\"}").post("/api/admin/keys")
                .then().statusCode(400).contentType("application/problem+json");
        Map<String, String> made = given().header("Authorization", "Bearer " + SmallLimits.ADMIN_TOKEN)
                .contentType("application/json").body("{\"name\": \"helpdesk\"}").post("/api/admin/keys")
                .then().statusCode(201).header("Cache-Control", "no-store")
                .extract().jsonPath().getMap("");
        assertThat(made.get("key")).startsWith("gbk_");
        assertThat(made.get("hash")).isEqualTo(ApiKeySecrets.hash(made.get("key")));
        assertThat(made.get("property")).isEqualTo("api-keys.keys.helpdesk.hash=" + made.get("hash"));
        // Not configured yet, so not valid: the bot keeps no key.
        ask("198.51.100.32").header("X-API-Key", made.get("key")).post("/api/ask").then().statusCode(401);
    }

    @Test
    void keysNeverAppearInTheLog() throws Exception {
        Captured log = new Captured();
        Logger root = Logger.getLogger("");
        root.addHandler(log);
        String unknown = ApiKeySecrets.newKey();
        String made;
        try {
            ask("198.51.100.33").header("Authorization", "Bearer " + SmallLimits.PARTNER_KEY).post("/api/ask")
                    .then().statusCode(200);
            ask("198.51.100.33").header("X-API-Key", unknown).post("/api/ask").then().statusCode(401);
            ask("198.51.100.33").header("X-API-Key", SmallLimits.REVOKED_KEY).post("/api/ask").then().statusCode(401);
            made = given().header("Authorization", "Bearer " + SmallLimits.ADMIN_TOKEN).contentType("application/json")
                    .body("{\"name\": \"logged\"}").post("/api/admin/keys").then().statusCode(201)
                    .extract().path("key");
            BlockingQueue<String> frames = new LinkedBlockingQueue<>();
            WebSocketClientConnection chat = connect("198.51.100.33", SmallLimits.PARTNER_KEY, frames);
            chat.sendTextAndAwait("What is Yi-34B?");
            String frame;
            do {
                frame = frames.poll(30, TimeUnit.SECONDS);
                assertThat(frame).as("a frame within 30 s").isNotNull();
            } while (frame.contains("\"type\":\"delta\""));
            assertThat(frame).contains("\"type\":\"answer\"");
            chat.closeAndAwait();
        } finally {
            root.removeHandler(log);
        }
        assertThat(log.lines).as("the bot logged these requests").isNotEmpty();
        for (String key : List.of(SmallLimits.PARTNER_KEY, SmallLimits.REVOKED_KEY, unknown, made)) {
            assertThat(log.lines).noneMatch(line -> line.contains(key));
        }
    }

    private static RequestSpecification ask(String address) {
        return given().header("X-Forwarded-For", address).contentType("application/json").body(QUESTION);
    }

    private WebSocketClientConnection connect(String address, String key, BlockingQueue<String> frames) {
        return connectors.get().baseUri(base).path("/chat")
                .addHeader("X-Forwarded-For", address)
                .addHeader("X-API-Key", key)
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .onTextMessage((c, message) -> frames.add(message))
                .connectAndAwait();
    }

    /** Every log record, formatted, with its stack trace. */
    private static final class Captured extends Handler {
        final List<String> lines = new CopyOnWriteArrayList<>();

        Captured() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            StringWriter trace = new StringWriter();
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(trace));
            }
            lines.add(record.getLoggerName() + " " + message + " " + trace);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
