package io.github.groundedbot.widget;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Another website, on a port of its own: a help centre page (src/test/resources/widget/host.html)
 * that embeds the widget from the bot. The bot lists it in {@code widget.allowed-origins} as
 * {@code http://127.0.0.1:<port>}; the same page reached as {@code http://localhost:<port>} is
 * another origin, one the bot does not list. {@code /host.html?bot=<the bot's URL>} serves the page
 * with its script tag pointing at that bot.
 */
public class HostSite implements QuarkusTestResourceLifecycleManager {

    /** The profile with the host site running and allowed to embed the widget. */
    public static class Allowed implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(HostSite.class));
        }
    }

    /** The config key the allowed origin can be read back from by the tests (they run in another class loader). */
    public static final String ALLOWED = "widget.allowed-origins";
    public static final String PAGE = "/host.html";
    private static final String REFUSED_HOST = "localhost";
    /** Only a bot on this machine: the page never points anywhere else. */
    private static final Pattern BOT = Pattern.compile("http://localhost:\\d+/");
    private static final int OK = 200;
    private static final int NOT_FOUND = 404;

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String page = template();
        server.createContext(PAGE, exchange -> serve(exchange, page));
        server.start();
        return Map.of(ALLOWED, "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** The same site under a name the bot does not list: another origin. */
    public static String refusedOrigin(String allowedOrigin) {
        return allowedOrigin.replace("127.0.0.1", REFUSED_HOST);
    }

    private static void serve(HttpExchange exchange, String page) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String bot = query == null || !query.startsWith("bot=") ? ""
                : URLDecoder.decode(query.substring("bot=".length()), StandardCharsets.UTF_8);
        byte[] body = BOT.matcher(bot).matches() ? page.replace("{{bot}}", bot).getBytes(StandardCharsets.UTF_8) : new byte[0];
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(body.length > 0 ? OK : NOT_FOUND, body.length > 0 ? body.length : -1);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String template() {
        try (InputStream in = HostSite.class.getResourceAsStream("/widget/host.html")) {
            if (in == null) {
                throw new IllegalStateException("src/test/resources/widget/host.html is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
