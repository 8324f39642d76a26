package io.github.groundedbot.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page's headers, and the rules its files keep so the Content-Security-Policy can be strict. */
@QuarkusTest
class PageSecurityTest {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:; "
            + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /**
     * The one module that parses HTML: js/embed.js reads the bot's own index.html (from the server
     * the modules come from, never data) into an inert document, to take the chat's markup from it.
     */
    private static final String EMBED = "js/embed.js";
    private static final String PARSER = "DOMParser";

    /** Where the page's files are served from, on the class path. */
    private static final String RESOURCES = "/META-INF/resources/";

    /** The pages with their own entry module: the chat, and the curator console. */
    private static final List<String> PAGES = List.of("index.html", "admin/index.html");

    static Stream<String> pageFiles() throws IOException {
        return Stream.concat(Stream.of("/", "/index.html", "/app.css", "/favicon.svg", "/widget.js", "/widget.css",
                "/admin/", "/admin/index.html", "/admin/admin.css"), modules().stream().map(module -> "/" + module));
    }

    @ParameterizedTest
    @MethodSource("pageFiles")
    void pageFilesCarryTheSecurityHeadersAndAreRevalidated(String path) {
        given().when().get(path)
                .then().statusCode(200)
                .header("Content-Security-Policy", equalTo(CSP))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Cache-Control", equalTo("no-cache"));
    }

    @Test
    void theRootServesTheChatPage() throws IOException {
        given().when().get("/")
                .then().statusCode(200)
                .contentType(startsWith("text/html"));
        // Browsers run a module only when it is served as JavaScript (and nosniff forbids guessing).
        for (String module : modules()) {
            given().when().get("/" + module)
                    .then().statusCode(200)
                    .contentType(startsWith("text/javascript"));
        }
    }

    @Test
    void apiResponsesAreNotSniffedEither() {
        given().when().get("/api/suggestions")
                .then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @ParameterizedTest
    @MethodSource("pages")
    void thePageHasNoInlineScriptStyleOrHandlers(String page) throws IOException {
        String html = resource(page);
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertTrue(scripts.group(1).contains("src="), "every script is a file: " + scripts.group());
            assertEquals("", scripts.group(2).strip(), "no inline script: " + scripts.group());
        }
        assertEquals(1, count, "the page loads one entry module");
        assertTrue(scripts.reset().find() && scripts.group(1).contains("type=\"module\"")
                && scripts.group(1).contains("src=\"js/main.js\""), "the entry is js/main.js, as a module");
        assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "no inline event handlers");
        assertFalse(Pattern.compile("\\sstyle\\s*=|<style", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "no inline styles");
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("//cdn"),
                "nothing from another origin (the machine may be offline)");
    }

    static List<String> pages() {
        return PAGES;
    }

    @Test
    void theScriptsNeverParseDataAsHtml() throws IOException {
        List<String> modules = modules();
        assertTrue(modules.contains("js/main.js"), "the modules are found: " + modules);
        for (String module : modules) {
            String js = resource(module);
            for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                    "new Function", PARSER)) {
                if (!(module.equals(EMBED) && sink.equals(PARSER))) {
                    assertFalse(js.contains(sink), module + " must build nodes with textContent, not " + sink);
                }
            }
        }
        String embed = resource(EMBED);
        assertEquals(1, embed.split(PARSER, -1).length - 1, "the widget parses one document");
        assertTrue(embed.contains("const PAGE = 'index.html';"), "the document it parses is the bot's own page");
    }

    @Test
    void withNoSiteAllowedAnotherSitesPageGetsNeitherTheWidgetNorTheSocket() {
        given().header("Origin", "https://help.example.com").get("/js/embed.js")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://help.example.com")
                .header("Connection", "Upgrade")
                .header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .get("/chat")
                .then().statusCode(403);
    }

    @Test
    void theModulesImportOnlyEachOther() throws IOException {
        List<String> modules = modules();
        Pattern imports = Pattern.compile("^import\\b[^;]*?['\"]([^'\"]+)['\"]", Pattern.MULTILINE);
        for (String module : modules) {
            Matcher specifiers = imports.matcher(resource(module));
            while (specifiers.find()) {
                String specifier = specifiers.group(1);
                String resolved = URI.create(module).resolve(specifier).toString();
                assertTrue(specifier.startsWith(".") && modules.contains(resolved),
                        module + " imports " + specifier + ": only the pages' own modules, nothing from elsewhere");
            }
        }
    }

    /** The pages' script modules, as paths under the web root ("js/main.js", "admin/js/main.js"). */
    private static List<String> modules() throws IOException {
        List<String> modules = new ArrayList<>();
        for (String folder : List.of("js", "admin/js")) {
            Path dir;
            try {
                dir = Path.of(PageSecurityTest.class.getResource(RESOURCES + folder).toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.map(file -> folder + "/" + file.getFileName()).filter(name -> name.endsWith(".js"))
                        .forEach(modules::add);
            }
        }
        return modules.stream().sorted().toList();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PageSecurityTest.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException(name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
