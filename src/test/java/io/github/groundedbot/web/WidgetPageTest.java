package io.github.groundedbot.web;

import io.github.groundedbot.widget.HostSite;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chat widget in headless Chromium on another website: a help centre page served from a port
 * of its own ({@link HostSite}) that includes {@code widget.js} from the bot. The bot allows that
 * site; the same page under another origin gets nothing.
 * {@code -Ddocs.screenshots.write=true} also copies the screenshots into docs/images.
 */
@QuarkusTest
@TestProfile(HostSite.Allowed.class)
class WidgetPageTest {

    /** The element the widget adds to the site's page; everything else is in its shadow root. */
    private static final String HOST = "grounded-bot-chat";
    private static final String REPLIES = "#messages li.msg.bot:not(.pending)";
    /** The host page's data-color, as browsers compute it. */
    private static final String SITE_ACCENT = "rgba(11, 110, 79, 1)";
    /** Globals chromedriver's own scripts leave on a page. */
    private static final List<String> DRIVER_GLOBALS = List.of("ret_nodes", "se_exportedFunctionSymbol");
    private static final String WRITE_SCREENSHOTS = "docs.screenshots.write";
    private static final Path DOC_IMAGES = Path.of("docs", "images");

    private static Browser browser;

    @TestHTTPResource("/")
    URL bot;

    @ConfigProperty(name = HostSite.ALLOWED)
    String allowedSite;

    @Inject
    OpenConnections connections;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Every test ends with a page that logged no error: no refused load, no exception. */
    @AfterEach
    void noConsoleErrors() {
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void onAnAllowedSiteTheWidgetAnswersWithACitationThatOpensItsSource() {
        openSite(allowedSite);
        launcher().click();
        awaitConnected();

        WebElement reply = ask(SeedQuestions.answerable());

        assertTrue(reply.getAttribute("class").contains("grounded"), "answered from the facts");
        List<WebElement> markers = reply.findElements(By.cssSelector(".answer-text button.cite"));
        assertFalse(markers.isEmpty(), "the answer carries a citation marker");
        markers.get(0).click();
        WebElement sources = shadow().findElement(By.cssSelector("#sources"));
        browser.await().until(ExpectedConditions.visibilityOf(sources));
        JsonPath fact = given().urlEncodingEnabled(false)
                .get("/api/facts/" + URLEncoder.encode(sources.getAttribute("data-fact-id"), StandardCharsets.UTF_8))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(fact.getString("text"), shadow().findElement(By.cssSelector("#source-snippet")).getText());
        assertEquals(Boolean.TRUE, browser.script("""
                const panel = arguments[0].getBoundingClientRect(), sheet = arguments[1].getBoundingClientRect();
                return sheet.left >= panel.left && sheet.right <= panel.right + 1 && sheet.bottom <= panel.bottom + 1;""",
                panel(), sources), "the source opens as a sheet inside the widget's panel");
        screenshot("widget.png");
    }

    @Test
    void theSitesCssAndIdsDoNotReachTheWidget() {
        openSite(allowedSite);
        launcher().click();
        awaitConnected();
        WebElement reply = ask(SeedQuestions.answerable());

        WebElement text = reply.findElement(By.cssSelector(".answer-text"));
        assertFalse(text.getCssValue("font-family").contains("Georgia"), "the site's font stays out");
        assertEquals("16px", text.getCssValue("font-size"), "the site's 10px root font size changes nothing");
        assertEquals("normal", text.getCssValue("letter-spacing"));
        WebElement send = shadow().findElement(By.cssSelector("#send"));
        assertEquals(SITE_ACCENT, send.getCssValue("background-color"), "data-color themes it; the site's button rule does not");
        assertEquals("none", send.getCssValue("text-transform"));
        assertTrue(shadow().findElement(By.cssSelector("#chat")).isDisplayed(),
                "the site's rule hiding its own #chat does not hide the widget's");

        // The site's own elements with the chat's ids are untouched, and found by the site's scripts.
        assertEquals("site search", browser.script("return document.getElementById('question').value;"));
        assertTrue(((String) browser.script("return document.getElementById('messages').textContent;"))
                .contains("chat assistant"));
    }

    @Test
    void theWidgetAddsNoGlobalsToTheSitesPage() {
        browser.driver.get(siteUrl(allowedSite));
        String widget = "document.querySelector('" + HOST + "')?.shadowRoot";
        browser.await().until(d -> Boolean.TRUE.equals(browser.script("return !!" + widget + "?.querySelector('.launcher');")));
        browser.script(widget + ".querySelector('.launcher').click();");
        browser.await().until(d -> "open".equals(browser.script("return " + widget + ".getElementById('status').dataset.state;")));

        assertEquals(List.of(), browser.script("""
                return Object.getOwnPropertyNames(window)
                    .filter(name => !window.siteGlobals.includes(name) && name !== 'siteGlobals' && !arguments[0].includes(name));""",
                DRIVER_GLOBALS), "the widget, loaded and connected, defines no globals on the site's page");
    }

    @Test
    void theKeyboardOpensAndClosesItAndFocusGoesWhereItShould() {
        openSite(allowedSite);
        WebElement launcher = launcher();
        assertEquals("false", launcher.getAttribute("aria-expanded"));
        browser.script("arguments[0].focus();", launcher);
        keys(Keys.ENTER);
        assertEquals("true", launcher.getAttribute("aria-expanded"));
        assertEquals("question", focusedId(), "opening puts the cursor in the question box");
        awaitConnected();
        WebElement reply = ask(SeedQuestions.answerable());
        reply.findElement(By.cssSelector("button.cite")).click();
        WebElement sources = shadow().findElement(By.cssSelector("#sources"));
        browser.await().until(ExpectedConditions.visibilityOf(sources));

        keys(Keys.ESCAPE);
        browser.await().until(ExpectedConditions.invisibilityOf(sources));
        assertTrue(panel().isDisplayed(), "the first Escape closes the source only");
        keys(Keys.ESCAPE);
        browser.await().until(ExpectedConditions.invisibilityOf(panel()));
        assertEquals("false", launcher.getAttribute("aria-expanded"));
        assertEquals(Boolean.TRUE, browser.script("return arguments[0].shadowRoot.activeElement?.classList.contains('launcher');",
                browser.find(HOST)), "closing gives focus back to the launcher");
    }

    @Test
    void feedbackFromTheSiteReachesTheBot() {
        openSite(allowedSite);
        launcher().click();
        awaitConnected();
        WebElement reply = ask(SeedQuestions.answerable());

        reply.findElement(By.cssSelector("button.feedback-up")).click();

        browser.await().until(ExpectedConditions.textToBePresentInElement(
                reply.findElement(By.cssSelector(".feedback-note")), "Thanks"));
    }

    @Test
    void whenTheServerDropsTheSocketTheWidgetReconnectsAndAnswersAgain() {
        openSite(allowedSite);
        launcher().click();
        awaitConnected();
        ask(SeedQuestions.answerable());

        int closed = 0;
        for (WebSocketConnection connection : connections) {
            connection.closeAndAwait();
            closed++;
        }
        assertTrue(closed > 0, "the widget had a connection open");

        browser.await().until(d -> "Reconnected".equals(shadow().findElement(By.cssSelector("#status-text")).getText()));
        WebElement again = ask(SeedQuestions.answerable(1));
        assertTrue(again.getAttribute("class").contains("grounded"), "the new connection, from the same site, answers");
    }

    @Test
    void onAPhoneThePanelFillsTheScreen() {
        try {
            browser.cdp("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
            openSite(allowedSite);
            screenshot("widget-phone-closed.png");
            launcher().click();
            awaitConnected();
            ask(SeedQuestions.answerable());

            assertEquals(Boolean.TRUE, browser.script("""
                    const r = arguments[0].getBoundingClientRect();
                    return r.left === 0 && r.top === 0 && r.width === innerWidth && r.height === innerHeight;""", panel()),
                    "the panel takes the whole screen");
            assertEquals(Boolean.TRUE, browser.script("""
                    const chat = arguments[0].shadowRoot.getElementById('chat');
                    return chat.scrollWidth <= chat.clientWidth;""", browser.find(HOST)), "no sideways scrolling");
            screenshot("widget-phone.png");
        } finally {
            browser.cdp("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void darkModeFollowsTheSystem() {
        try {
            browser.cdp("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            openSite(allowedSite);
            launcher().click();
            awaitConnected();
            ask(SeedQuestions.answerable());
            String background = panel().getCssValue("background-color");
            assertTrue(Browser.luminance(background) < 0.2, "the panel turns dark: " + background);
            screenshot("widget-dark.png");
        } finally {
            browser.cdp("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }

    @Test
    void aSiteNotAllowedGetsNoWidgetAndCannotOpenTheSocket() {
        openSite(allowedSite);
        assertEquals("open", socketProbe(), "the probe opens the socket from an allowed site");

        browser.driver.get(siteUrl(HostSite.refusedOrigin(allowedSite)));
        List<String> log = new ArrayList<>();
        browser.await().until(d -> {
            log.addAll(browser.driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList());
            return log.stream().anyMatch(message -> message.contains("Chat widget: could not load"));
        });
        assertTrue(browser.findAll(HOST).isEmpty(), "no launcher, no panel");
        assertTrue(log.stream().anyMatch(message -> message.contains("CORS")), "the browser blocked the modules: " + log);

        assertEquals("refused", socketProbe(), "the socket is refused at the handshake");
        browser.consoleErrors(); // the refusals, expected here
    }

    private void openSite(String site) {
        browser.driver.get(siteUrl(site));
        browser.await().until(d -> !browser.findAll(HOST).isEmpty()
                && !shadow().findElements(By.cssSelector(".launcher")).isEmpty()
                && launcher().isDisplayed());
    }

    /** The site's page, embedding the widget from this bot. */
    private String siteUrl(String site) {
        return site + HostSite.PAGE + "?bot=" + URLEncoder.encode(bot.toString(), StandardCharsets.UTF_8);
    }

    /** Opens a WebSocket to the bot from the current page, as any script on it could. */
    private String socketProbe() {
        return (String) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const socket = new WebSocket(arguments[0]);
                socket.onopen = () => { socket.close(); done('open'); };
                socket.onclose = () => done('refused');""", bot.toString().replaceFirst("^http", "ws") + "chat");
    }

    private SearchContext shadow() {
        return browser.find(HOST).getShadowRoot();
    }

    private WebElement launcher() {
        return shadow().findElement(By.cssSelector(".launcher"));
    }

    private WebElement panel() {
        return shadow().findElement(By.cssSelector(".panel"));
    }

    private void awaitConnected() {
        browser.await().until(d -> "open".equals(shadow().findElement(By.cssSelector("#status")).getAttribute("data-state")));
    }

    private WebElement ask(String question) {
        int before = shadow().findElements(By.cssSelector(REPLIES)).size();
        browser.await().until(d -> shadow().findElement(By.cssSelector("#send")).isEnabled());
        WebElement box = shadow().findElement(By.cssSelector("#question"));
        box.sendKeys(question);
        box.sendKeys(Keys.ENTER);
        browser.await().until(d -> shadow().findElements(By.cssSelector(REPLIES)).size() > before);
        List<WebElement> replies = shadow().findElements(By.cssSelector(REPLIES));
        return replies.get(replies.size() - 1);
    }

    private void keys(CharSequence key) {
        new Actions(browser.driver).sendKeys(key).perform();
    }

    private String focusedId() {
        return (String) browser.script("return arguments[0].shadowRoot.activeElement?.id;", browser.find(HOST));
    }

    private void screenshot(String name) {
        Path file = browser.screenshot(name);
        if (Boolean.getBoolean(WRITE_SCREENSHOTS)) {
            try {
                Files.createDirectories(DOC_IMAGES);
                Files.copy(file, DOC_IMAGES.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
