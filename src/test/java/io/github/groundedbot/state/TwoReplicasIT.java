package io.github.groundedbot.state;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.groundedbot.apikey.ApiKeySecrets;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Two replicas of the packaged bot against one real Redis (started here on a free loopback port):
 * shared conversations, shared Slack de-duplication, answers that keep coming while Redis is down
 * (with shared memory back once it returns), and one rate limit per client, or per API key, across
 * replicas. Each replica serves health, metrics and OpenAPI on a management port of its own, as
 * packaged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoReplicasIT {

    private static final String SECRET = "it-signing-secret";
    private static final String ADMIN_TOKEN = "it-admin-token";
    private static final int RATE_LIMIT = 12;
    private static final int KEY_RATE_LIMIT = 16;
    private static final String KEY = "gbk_two-replicas-it-0123456789abcdefghijklmnopq";
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private static int redisPort;
    private static Process redis;
    private static WireMockServer slack;
    private static final List<Process> replicas = new ArrayList<>();
    /** Each replica's management interface, by its public base URL. */
    private static final Map<String, String> management = new HashMap<>();
    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    private static String a;
    private static String b;

    @BeforeAll
    static void start() throws Exception {
        assertThat(JAR).as("the packaged app (integration tests run after package)").exists();
        redisPort = freePort();
        redis = startRedis();
        slack = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        slack.start();
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000000.000300\"}")));
        a = startReplica("a");
        b = startReplica("b");
        for (String replica : List.of(a, b)) {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> ready(replica) == 200);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        for (Process replica : replicas) {
            replica.destroy();
        }
        for (Process replica : replicas) {
            if (!replica.waitFor(20, TimeUnit.SECONDS)) {
                replica.destroyForcibly();
            }
        }
        if (slack != null) {
            slack.stop();
        }
        if (redis != null) {
            redis.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(1)
    void aConversationStartedOnOneReplicaContinuesOnTheOther() {
        String id = ask(a, "What is Yi-34B?", null).path("conversationId");
        Response followUp = ask(b, "Who released it?", id);

        assertThat(followUp.<String>path("resolvedQuestion")).contains("Yi-34B");
        assertThat(followUp.<String>path("answer")).contains("01.AI");
        assertThat(followUp.<Boolean>path("grounded")).isTrue();
    }

    @Test
    @Order(2)
    void aSlackRetryLandingOnTheOtherReplicaIsNotAnsweredTwice() {
        String channel = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String body = slackEvent("Ev" + UUID.randomUUID(), channel, "<@UBOT> What is Huawei working on?");

        signed(a, body).when().post("/slack/events").then().statusCode(200);
        signed(b, body).header("X-Slack-Retry-Num", "1").header("X-Slack-Retry-Reason", "http_timeout")
                .when().post("/slack/events").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> posts(channel) >= 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> posts(channel) == 1);
    }

    @Test
    @Order(3)
    void answersContinueWhileRedisIsDownAndSharedMemoryReturnsWithIt() throws Exception {
        redis.destroy();
        assertThat(redis.waitFor(10, TimeUnit.SECONDS)).isTrue();

        Response during = ask(b, "What did Nvidia and AMD do in 2022?", null);
        assertThat(during.<Boolean>path("grounded")).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> ready(b) == 503);
        assertThat(given().baseUri(management.get(b)).when().get("/q/health/ready").then().extract().asString())
                .contains("Redis is unreachable");

        redis = startRedis();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> ready(a) == 200 && ready(b) == 200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String id = ask(a, "What is Yi-34B?", null).path("conversationId");
            assertThat(ask(b, "Who released it?", id).<String>path("resolvedQuestion")).contains("Yi-34B");
        });
    }

    @Test
    @Order(4)
    void aClientsRateLimitHoldsAcrossReplicas() throws InterruptedException {
        String client = "198.51.100." + (1 + new Random().nextInt(250)); // a header value only
        assertThat(answeredUntilLimited(RATE_LIMIT, i -> given().header("X-Forwarded-For", client)))
                .as("one shared allowance, not one per replica").isEqualTo(RATE_LIMIT);
    }

    @Test
    @Order(6)
    void anApiKeysRateLimitHoldsAcrossReplicasWhateverTheAddress() throws InterruptedException {
        // Each question from another address: the key, not the address, is what is counted.
        assertThat(answeredUntilLimited(KEY_RATE_LIMIT, i -> given().header("X-API-Key", KEY)
                .header("X-Forwarded-For", "203.0.113." + (1 + i))))
                .as("the key's own allowance, shared by the replicas").isEqualTo(KEY_RATE_LIMIT);
        // The key was one minute's allowance of its own: an anonymous client is not limited by it.
        given().baseUri(a).header("X-Forwarded-For", "203.0.113.250").contentType(ContentType.JSON)
                .body(Map.of("question", "What is Yi-34B?")).when().post("/api/ask").then().statusCode(200);
    }

    @Test
    @Order(5)
    void healthMetricsAndOpenApiAreOnlyOnTheManagementPort() {
        for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi")) {
            given().baseUri(a).when().get(path).then().statusCode(404);
            given().baseUri(management.get(a)).when().get(path).then().statusCode(200);
        }
        assertThat(given().baseUri(management.get(a)).when().get("/q/metrics").then().extract().asString())
                .contains("bot_questions_total");
    }

    @Test
    @Order(7)
    void aQuestionRefusedOnOneReplicaIsInTheOtherReplicasUnansweredLog() {
        String question = "Who is the mayor of Reykjavik?";
        given().baseUri(a).header("X-Forwarded-For", "198.51.100.251").contentType(ContentType.JSON)
                .body(Map.of("question", question)).when().post("/api/ask")
                .then().statusCode(200).body("outcome", equalTo("refused"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(given().baseUri(b)
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .when().get("/api/admin/unanswered/export?format=jsonl")
                .then().statusCode(200).extract().asString()).contains("\"question\":\"" + question + "\""));
    }

    /**
     * Asks on each replica in turn until one question gets 429, at most twice {@code limit} times;
     * asserts that exactly one was refused, and returns how many were answered.
     */
    private static int answeredUntilLimited(int limit, IntFunction<RequestSpecification> client)
            throws InterruptedException {
        // A fixed one-minute window: start well inside one, so the loop cannot straddle two.
        int second = LocalTime.now().getSecond();
        if (second > 45) {
            Thread.sleep((61 - second) * 1000L);
        }
        int answered = 0;
        int limited = 0;
        for (int i = 0; i < 2 * limit && limited == 0; i++) {
            int status = client.apply(i).baseUri(i % 2 == 0 ? a : b)
                    .contentType(ContentType.JSON).body(Map.of("question", "What is Yi-34B?"))
                    .when().post("/api/ask").statusCode();
            if (status == 200) {
                answered++;
            } else if (status == 429) {
                limited++;
            }
        }
        assertThat(limited).as("the client was limited").isEqualTo(1);
        return answered;
    }

    private static Response ask(String replica, String question, String conversationId) {
        Map<String, String> body = conversationId == null ? Map.of("question", question)
                : Map.of("question", question, "conversationId", conversationId);
        return given().baseUri(replica).contentType(ContentType.JSON).body(body)
                .when().post("/api/ask")
                .then().statusCode(200).extract().response();
    }

    private static int ready(String replica) {
        try {
            return given().baseUri(management.get(replica)).when().get("/q/health/ready").statusCode();
        } catch (Exception e) { // RestAssured rethrows ConnectException unchecked while a replica starts
            return -1;
        }
    }

    private static int posts(String channel) {
        return (int) slack.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).stream()
                .filter(request -> request.getBodyAsString().contains("channel=" + channel))
                .count();
    }

    private static RequestSpecification signed(String replica, String body) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        return given().baseUri(replica).contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", "v0=" + hmac("v0:" + timestamp + ":" + body));
    }

    private static String slackEvent(String eventId, String channel, String text) {
        String ts = Instant.now().getEpochSecond() + ".000100";
        return """
                {"type":"event_callback","team_id":"T1","api_app_id":"A1","event_id":"%s","event_time":1700000000,
                 "authorizations":[{"team_id":"T1","user_id":"UBOT","is_bot":true}],
                 "event":{"type":"app_mention","user":"UPERSON","text":"%s","ts":"%s","channel":"%s","event_ts":"%s"}}
                """.formatted(eventId, text, ts, channel, ts);
    }

    private static String hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Process startRedis() throws IOException {
        Path server = Path.of("/usr/bin/redis-server");
        assertThat(server).as("redis-server (.ci/run installs Debian's redis-server)").exists();
        Process process = new ProcessBuilder(server.toString(), "--port", String.valueOf(redisPort), "--bind",
                "127.0.0.1", "--save", "", "--appendonly", "no")
                .redirectErrorStream(true).redirectOutput(Path.of("target/it-redis.log").toFile()).start();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            try (var socket = new Socket("127.0.0.1", redisPort)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return process;
    }

    private static String startReplica(String name) throws IOException {
        int port = freePort();
        int managementPort = freePort();
        Files.createDirectories(Path.of("target/it"));
        Process process = new ProcessBuilder("java", "-Xmx512m",
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.management.port=" + managementPort, "-Dquarkus.management.host=127.0.0.1",
                "-Dstate.store=redis", "-Dquarkus.redis.hosts=redis://127.0.0.1:" + redisPort,
                // A loaded build machine can take longer than state.timeout's 250 ms to open the first
                // connection; this test is about sharing, so give calls time (SlowRedisTest covers timeouts).
                "-Dstate.timeout=1s", "-Dstate.retry-after=500ms", "-Dquarkus.redis.timeout=2s",
                "-Dlimits.trust-forwarded-for=true", "-Dlimits.questions-per-minute=" + RATE_LIMIT,
                "-Dlimits.burst=" + RATE_LIMIT,
                "-Dapi-keys.keys.it.hash=" + ApiKeySecrets.hash(KEY),
                "-Dapi-keys.keys.it.questions-per-minute=" + KEY_RATE_LIMIT,
                "-Dapi-keys.keys.it.burst=" + KEY_RATE_LIMIT,
                "-Dslack.signing-secret=" + SECRET, "-Dslack.bot-token=xoxb-it",
                "-Dslack.api-url=http://127.0.0.1:" + slack.port(),
                "-Dembedding.cache-file=target/it/embeddings-" + name + ".bin",
                "-Dfeedback.file=target/it/feedback-" + name + ".jsonl", "-Dadmin.token=" + ADMIN_TOKEN,
                "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(Path.of("target/it/replica-" + name + ".log").toFile())
                .start();
        replicas.add(process);
        String base = "http://127.0.0.1:" + port;
        management.put(base, "http://127.0.0.1:" + managementPort);
        return base;
    }

    /** A free port not handed out before in this run: the OS may offer a just-closed port again. */
    private static int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
