package io.github.groundedbot.slack;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A stand-in for the Slack Web API and for slash-command response URLs, on loopback at a free
 * port. The app is pointed at it, with test credentials and the bicycle fact base (its facts have
 * web addresses, so source links show).
 */
public class SlackApiStub implements QuarkusTestResourceLifecycleManager {

    static final String SIGNING_SECRET = "test-signing-secret";
    static final String BOT_TOKEN = "xoxb-test-token";

    /** Marks the test's {@link WireMockServer} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface SlackApi {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"C0\",\"ts\":\"1700000000.000200\"}")));
        server.stubFor(post(urlPathMatching("/response/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
        return Map.of(
                "slack.api-url", baseUrl(server),
                "slack.signing-secret", SIGNING_SECRET,
                "slack.bot-token", BOT_TOKEN,
                "slack.retry.initial-backoff", "20ms",
                "slack.retry.max-backoff", "100ms",
                "knowledge.dir", "src/test/resources/factbases/bicycle");
    }

    /** The loopback address itself: "localhost" may resolve to ::1, where the stub does not listen. */
    static String baseUrl(WireMockServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(SlackApi.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
