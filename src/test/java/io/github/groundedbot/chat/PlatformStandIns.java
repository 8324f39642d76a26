package io.github.groundedbot.chat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One stand-in on loopback for the APIs of Discord and Mattermost (Teams' outgoing webhook has none), shared by their contract
 * tests so they run in one Quarkus boot: every platform is on with test secrets, and the bicycle
 * fact base is loaded (its facts have web addresses, so source links show). Each test stubs the
 * calls it expects on the {@link WireMockServer} injected into its {@link PlatformApi} field.
 */
public class PlatformStandIns implements QuarkusTestResourceLifecycleManager {

    /** The Teams outgoing webhook's security token: base64, as Teams shows it. */
    public static final String TEAMS_TOKEN = Base64.getEncoder()
            .encodeToString("teams-test-security-token-32-byt".getBytes(StandardCharsets.US_ASCII));

    /** The Discord application's Ed25519 key pair: the public key raw, as the Developer Portal shows it. */
    public static final String DISCORD_PUBLIC_KEY = "eb1411221d7749b205913164f1ecc5806857c698578ad160cdd6cd9778048cb1";
    /** Its private key as PKCS#8, for signing the test's interactions as Discord would. */
    public static final String DISCORD_PRIVATE_KEY_PKCS8 =
            "302e020100300506032b657004220420067eb1575d94dd22605a240d1d73d04dc217fbcd6bd904d09adb7f2ef2008493";
    /** Where the Discord API lives on the stand-in. */
    public static final String DISCORD_API_PATH = "/discord/api/v10";

    public static final String MATTERMOST_COMMAND_TOKEN = "mm-command-token";
    public static final String MATTERMOST_WEBHOOK_TOKEN = "mm-webhook-token";

    /** Marks the test's {@link WireMockServer} field. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface PlatformApi {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return Map.ofEntries(
                Map.entry("teams.security-token", TEAMS_TOKEN),
                Map.entry("mattermost.command-token", MATTERMOST_COMMAND_TOKEN),
                Map.entry("mattermost.webhook-token", MATTERMOST_WEBHOOK_TOKEN),
                Map.entry("mattermost.retry.initial-backoff", "20ms"),
                Map.entry("mattermost.retry.max-backoff", "100ms"),
                Map.entry("discord.public-key", DISCORD_PUBLIC_KEY),
                Map.entry("discord.api-url", baseUrl(server) + DISCORD_API_PATH),
                Map.entry("discord.retry.initial-backoff", "20ms"),
                Map.entry("discord.retry.max-backoff", "100ms"),
                Map.entry("knowledge.dir", "src/test/resources/factbases/bicycle"));
    }

    /** The loopback address itself: "localhost" may resolve to ::1, where the stand-in does not listen. */
    public static String baseUrl(WireMockServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(PlatformApi.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
