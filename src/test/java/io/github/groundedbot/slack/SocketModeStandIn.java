package io.github.groundedbot.slack;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * A stand-in for Slack in Socket Mode, on loopback: the Web API ({@code apps.connections.open},
 * which hands out the address of a {@link SocketModeServer}, {@code chat.postMessage} and
 * slash-command response URLs) on WireMock. The app gets an app-level token and no signing
 * secret, so it answers over the socket only, from the bicycle fact base.
 */
public class SocketModeStandIn implements QuarkusTestResourceLifecycleManager {

    static final String APP_TOKEN = "xapp-1-test-token";

    /** Marks the test's {@link SocketModeServer} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface SocketMode {
    }

    private WireMockServer api;
    private SocketModeServer socket;

    @Override
    public Map<String, String> start() {
        try {
            socket = SocketModeServer.listen();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        api = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        api.start();
        api.stubFor(post(urlEqualTo("/api/apps.connections.open"))
                .willReturn(okJson("{\"ok\":true,\"url\":\"" + socket.url() + "\"}")));
        api.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"C0\",\"ts\":\"1700000000.000200\"}")));
        api.stubFor(post(urlPathMatching("/response/.*")).willReturn(aResponse().withStatus(200).withBody("ok")));
        return Map.of(
                "slack.api-url", SlackApiStub.baseUrl(api),
                "slack.app-token", APP_TOKEN,
                "slack.bot-token", SlackApiStub.BOT_TOKEN,
                "slack.signing-secret", "",
                "slack.socket-mode.check-interval", "1s",
                "slack.socket-mode.initial-backoff", "100ms",
                "slack.socket-mode.max-backoff", "500ms",
                "slack.socket-mode.jitter", "0s",
                "knowledge.dir", "src/test/resources/factbases/bicycle");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(api,
                new TestInjector.AnnotatedAndMatchesType(SlackApiStub.SlackApi.class, WireMockServer.class));
        injector.injectIntoFields(socket,
                new TestInjector.AnnotatedAndMatchesType(SocketMode.class, SocketModeServer.class));
    }

    @Override
    public void stop() {
        if (api != null) {
            api.stop();
        }
        if (socket != null) {
            try {
                socket.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
