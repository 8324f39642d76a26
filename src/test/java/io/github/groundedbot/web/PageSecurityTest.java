package io.github.groundedbot.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page's headers, and the rules its files keep so the Content-Security-Policy can be strict. */
@QuarkusTest
class PageSecurityTest {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:; "
            + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/app.js", "/app.css", "/favicon.svg"})
    void pageFilesCarryTheSecurityHeadersAndAreRevalidated(String path) {
        given().when().get(path)
                .then().statusCode(200)
                .header("Content-Security-Policy", equalTo(CSP))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Cache-Control", equalTo("no-cache"));
    }

    @Test
    void theRootServesTheChatPage() {
        given().when().get("/")
                .then().statusCode(200)
                .contentType(startsWith("text/html"));
        given().when().get("/app.js")
                .then().statusCode(200)
                .contentType(startsWith("text/javascript"));
    }

    @Test
    void apiResponsesAreNotSniffedEither() {
        given().when().get("/api/suggestions")
                .then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void thePageHasNoInlineScriptStyleOrHandlers() throws IOException {
        String html = resource("index.html");
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertTrue(scripts.group(1).contains("src="), "every script is a file: " + scripts.group());
            assertEquals("", scripts.group(2).strip(), "no inline script: " + scripts.group());
        }
        assertEquals(1, count, "the page loads app.js");
        assertFalse(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "no inline event handlers");
        assertFalse(Pattern.compile("\\sstyle\\s*=|<style", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "no inline styles");
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("//cdn"),
                "nothing from another origin (the machine may be offline)");
    }

    @Test
    void theScriptNeverParsesDataAsHtml() throws IOException {
        String js = resource("app.js");
        for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                "new Function", "DOMParser")) {
            assertFalse(js.contains(sink), "app.js must build nodes with textContent, not " + sink);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PageSecurityTest.class.getResourceAsStream("/META-INF/resources/" + name)) {
            if (in == null) {
                throw new IOException(name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
