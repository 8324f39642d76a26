package io.github.groundedbot.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page's handling of each kind of frame, with the server's socket replaced by a scripted one
 * in the browser: frames the real server does not send on demand (sentence-by-sentence deltas,
 * error frames, hostile text in an answer, a drop in the middle of an answer) are played exactly.
 */
@QuarkusTest
class ChatFramesTest {

    /**
     * Stands in for the browser's WebSocket before the page's modules run; tests push frames with
     * receive(). A page opened with {@code ?limits=<json>} gets that from {@code GET /api/limits};
     * with {@code ?limits=down} that request fails as it would with the server unreachable.
     */
    private static final String SCRIPTED_SOCKET = """
            (() => {
              const sockets = [];
              class ScriptedSocket extends EventTarget {
                constructor(url) {
                  super();
                  this.url = url;
                  this.readyState = 0;
                  this.sent = [];
                  sockets.push(this);
                  window.connectionAttempts.push(performance.now());
                  setTimeout(() => {
                    if (window.refuseConnections) {
                      this.drop(); // as a server that is down: the attempt fails and closes
                    } else {
                      this.readyState = 1;
                      this.dispatchEvent(new Event('open'));
                    }
                  }, 0);
                }
                send(data) { this.sent.push(data); }
                close() { this.drop(); }
                receive(frame) { this.dispatchEvent(new MessageEvent('message', { data: frame })); }
                drop() { this.readyState = 3; this.dispatchEvent(new CloseEvent('close', { code: 1006 })); }
              }
              Object.assign(ScriptedSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
              window.WebSocket = ScriptedSocket;
              window.scriptedSockets = sockets;
              window.connectionAttempts = [];
              window.refuseConnections = false;

              const limits = new URLSearchParams(location.search).get('limits');
              if (limits !== null) {
                const fetch = window.fetch.bind(window);
                window.fetch = (resource, options) => {
                  if (!String(resource).endsWith('/api/limits')) return fetch(resource, options);
                  return limits === 'down'
                    ? Promise.reject(new TypeError('Failed to fetch'))
                    : Promise.resolve(new Response(limits, { headers: { 'Content-Type': 'application/json' } }));
                };
              }
            })();""";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    private ChatPage page;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
        browser.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", SCRIPTED_SOCKET));
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void openPage() {
        page = new ChatPage(browser, root.toString()).open();
    }

    @AfterEach
    void noConsoleErrors() {
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void theQuestionIsSentAsAJsonFrame() {
        send("What did OpenAI do to ByteDance?");
        assertEquals(List.of("{\"question\":\"What did OpenAI do to ByteDance?\"}"),
                browser.script("return window.scriptedSockets.at(-1).sent;"));
    }

    @Test
    void deltasStreamIntoThePendingAnswerAndTheAnswerFrameReplacesThem() {
        send("Why is China behind?");
        WebElement pending = browser.find("#messages li.msg.bot.pending");
        assertTrue(pending.findElement(By.cssSelector(".thinking")).isDisplayed(), "thinking while waiting");
        assertFalse(browser.find("#send").isEnabled(), "one question at a time");

        receive(Map.of("type", "delta", "text", "China lacks data [1]."));
        browser.await().until(d -> pending.getText().contains("China lacks data 1."));
        assertTrue(pending.findElements(By.cssSelector(".thinking")).isEmpty(), "the text replaces the indicator");
        receive(Map.of("type", "delta", "text", " Most data is in English [1].")); // deltas bring their spaces
        browser.await().until(d -> pending.getText().contains("China lacks data 1. Most data is in English 1."));
        assertTrue(pending.findElements(By.cssSelector("button.cite")).isEmpty(), "markers open nothing yet");
        assertEquals("true", pending.getAttribute("aria-busy"), "screen readers wait for the whole answer");
        browser.screenshot("chat-streaming.png");

        receive(answer("China lacks data [1]. Most data is in English [1].", true,
                citation("china-ai-race#data", "China's lack of data", "Most data is in English.", null)));

        WebElement reply = page.awaitReply(0);
        assertEquals(List.of("msg", "bot", "grounded"), List.of(reply.getAttribute("class").split(" ")));
        assertEquals("China lacks data 1. Most data is in English 1.", ChatPage.answerText(reply));
        assertEquals(2, reply.findElements(By.cssSelector(".answer-text button.cite")).size());
        assertTrue(reply.findElements(By.cssSelector(".streaming")).isEmpty());
        assertEquals(null, reply.getAttribute("aria-busy"));
        browser.await().until(ExpectedConditions.elementToBeClickable(By.id("send")));
    }

    @Test
    void aFollowUpShowsHowTheBotReadIt() {
        send("who made it?");
        Map<String, Object> frame = new HashMap<>(answer("01.AI released Yi-34B [1].", true,
                citation("open-source-models#yi", "Yi-34B", "01.AI released Yi-34B.", null)));
        frame.put("resolvedQuestion", "who made it? (Yi-34B)");
        receive(frame);
        WebElement reply = page.awaitReply(0);
        assertEquals("Answering: who made it? (Yi-34B)", reply.findElement(By.cssSelector(".resolved")).getText());

        send("and when?");
        receive(answer("In November 2023 [1].", true, citation("a#b", "When", "In November 2023.", null)));
        assertTrue(page.awaitReply(1).findElements(By.cssSelector(".resolved")).isEmpty(),
                "nothing to show when the question was read as asked");
    }

    @Test
    void markersWithoutACitationStayText() {
        send("q");
        receive(answer("See [2] and [0] and [x].", true,
                citation("a#b", "Only one", "The one snippet.", null)));
        WebElement reply = page.awaitReply(0);
        assertEquals("See [2] and [0] and [x].", ChatPage.answerText(reply));
        assertTrue(reply.findElements(By.cssSelector("button.cite")).isEmpty());
    }

    @Test
    void anErrorFrameIsShownAsAnError() {
        send("q");
        receive(Map.of("type", "error", "message", "The question is empty: send the text of a question."));
        WebElement reply = page.awaitReply(0);
        assertTrue(reply.getAttribute("class").contains("error"));
        assertEquals("The question is empty: send the text of a question.", ChatPage.answerText(reply));
        assertTrue(reply.findElements(By.xpath(".//button[text()='Ask again']")).isEmpty(),
                "asking the same again would fail the same way");
        browser.await().until(ExpectedConditions.elementToBeClickable(By.id("send")));
    }

    @Test
    void aBusyServerSaysSoAndOffersToAskAgainOnceItMay() {
        send("Why is China behind?");
        receive(Map.of("type", "error", "message", "The bot is busy; retry in 1 s.", "code", "busy", "retryAfter", 1));
        WebElement reply = page.awaitReply(0);
        assertTrue(reply.getAttribute("class").contains("error"));
        assertEquals("The bot is busy; retry in 1 s.", ChatPage.answerText(reply));

        WebElement again = reply.findElement(By.xpath(".//button[text()='Ask again']"));
        assertFalse(again.isEnabled(), "not before the time the server gave");
        browser.await().until(ExpectedConditions.elementToBeClickable(again)).click();
        browser.await().until(d -> List.of("{\"question\":\"Why is China behind?\"}", "{\"question\":\"Why is China behind?\"}")
                .equals(browser.script("return window.scriptedSockets.at(-1).sent;")));
    }

    @Test
    void theOutcomeDecidesHowAnAnswerLooksWhenTheFrameCarriesOne() {
        send("hello");
        receive(answer("Hello! Ask me about the fact base.", "small_talk"));
        WebElement smallTalk = page.awaitReply(0);
        assertEquals(List.of("msg", "bot", "ungrounded"), List.of(smallTalk.getAttribute("class").split(" ")));
        assertEquals("Not from the fact base", smallTalk.findElement(By.cssSelector(".answer-label")).getText());

        // grounded alone would make this a refusal: the outcome says the answering failed.
        send("What did OpenAI do to ByteDance?");
        receive(answer("Something went wrong answering that; please try again.", "error"));
        WebElement failed = page.awaitReply(1);
        assertEquals(List.of("msg", "bot", "error"), List.of(failed.getAttribute("class").split(" ")));
        assertEquals("Could not answer", failed.findElement(By.cssSelector(".answer-label")).getText());
    }

    @Test
    void theQuestionAndCommentLimitsComeFromTheServer() {
        String limits = "{\"maxQuestionLength\": 12, \"maxCommentLength\": 5}";
        page = new ChatPage(browser, root + "?limits=" + URLEncoder.encode(limits, StandardCharsets.UTF_8)).open();
        browser.await().until(d -> "12".equals(page.questionBox().getAttribute("maxlength")));

        send("What did OpenAI do to ByteDance?");
        assertEquals(List.of("{\"question\":\"What did Ope\"}"), browser.script("return window.scriptedSockets.at(-1).sent;"));

        receive(answer("A fact [1].", true, citation("a#b", "A fact", "A fact.", null)));
        page.awaitReply(0).findElement(By.cssSelector("button.feedback-down")).click();
        assertEquals("5", browser.find(".feedback-comment").getAttribute("maxlength"));
    }

    @Test
    void withoutTheServersLimitsThePageKeepsTheServersDefaultsAndWorks() {
        page = new ChatPage(browser, root + "?limits=down").open();

        send("What did OpenAI do to ByteDance?");

        assertEquals(List.of("{\"question\":\"What did OpenAI do to ByteDance?\"}"),
                browser.script("return window.scriptedSockets.at(-1).sent;"));
        int serverDefault = given().get("/api/limits").then().statusCode(200).extract().path("maxQuestionLength");
        assertEquals(String.valueOf(serverDefault), page.questionBox().getAttribute("maxlength"));
    }

    @Test
    void hostileTextInAnAnswerIsShownAsTextAndUnsafeLinksAreDropped() {
        String markup = "<img src=x onerror=alert(1)><script>alert(2)</script>";
        send("q");
        receive(answer(markup + " [1] " + markup, true, citation("x#y", markup, markup, "javascript:alert(3)")));
        WebElement reply = page.awaitReply(0);
        assertEquals(markup + " 1 " + markup, ChatPage.answerText(reply));

        reply.findElement(By.cssSelector("button.cite")).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("sources")));
        assertEquals(markup, browser.find("#source-title").getText());
        assertEquals(markup, browser.find("#source-snippet").getText());
        assertFalse(browser.find("#source-link").isDisplayed(), "a javascript: url never becomes a link");
        assertEquals(null, browser.find("#source-link").getAttribute("href"));
        assertTrue(browser.findAll("#messages img, #messages script, #sources img, #sources script").isEmpty());
        assertThrows(NoAlertPresentException.class, () -> browser.driver.switchTo().alert());
    }

    @Test
    void aSourceWithAUrlLinksToIt() {
        send("q");
        receive(answer("A fact [1].", true, citation("a#b", "A fact", "A fact.", "https://example.org/a?b=1")));
        page.awaitReply(0).findElement(By.cssSelector("button.cite")).click();
        WebElement link = browser.find("#source-link");
        browser.await().until(ExpectedConditions.visibilityOf(link));
        assertEquals("https://example.org/a?b=1", link.getAttribute("href"));
        assertEquals("noopener noreferrer", link.getAttribute("rel"));
    }

    @Test
    void aConnectionLostMidAnswerSaysSoAndOffersToAskAgain() {
        send("Why is China behind?");
        // Read the status in the same breath as the drop: the lost state lasts only until the first retry.
        Object status = browser.script("""
                window.scriptedSockets.at(-1).drop();
                const status = document.getElementById('status');
                return [status.dataset.state, status.textContent.trim()];""");
        assertEquals(List.of("reconnecting", "Connection lost, reconnecting…"), status);

        WebElement reply = page.awaitReply(0);
        assertTrue(reply.getAttribute("class").contains("error"));
        assertEquals("The connection dropped before the answer arrived.", ChatPage.answerText(reply));

        page.awaitConnected(); // the first retry comes after about a second
        reply.findElement(By.xpath(".//button[text()='Ask again']")).click();
        browser.await().until(d -> List.of("{\"question\":\"Why is China behind?\"}")
                .equals(browser.script("return window.scriptedSockets.at(-1).sent;")));
        assertEquals(2, browser.findAll("#messages li.msg.user").size());
    }

    @Test
    void whileTheServerStaysDownRetriesBackOffAndComingOnlineRetriesAtOnce() {
        // Timed from the drop, not from the page's first connection (a slow machine may take a while to get here).
        browser.script("""
                window.refuseConnections = true;
                window.connectionAttempts = [performance.now()];
                window.scriptedSockets.at(-1).drop();""");

        // Retries 1 s after the drop, then 2 s later (each ±20%): wait for two and compare the gaps.
        browser.await().until(d -> ((Number) browser.script("return window.connectionAttempts.length;")).intValue() >= 3);
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) browser.script("return window.connectionAttempts.slice(-3);");
        double first = at.get(1).doubleValue() - at.get(0).doubleValue();
        double second = at.get(2).doubleValue() - at.get(1).doubleValue();
        assertTrue(first >= 700 && second >= 1500 && second > first, "backoff grows: " + first + " then " + second);
        assertEquals("Connection lost, reconnecting…", browser.find("#status").getText());
        assertFalse(browser.find("#send").isEnabled(), "nothing can be sent while disconnected");
        browser.screenshot("chat-reconnecting.png");

        browser.script("window.refuseConnections = false; window.dispatchEvent(new Event('online'));");
        // At once: well before the next retry, due 3.2 s or more after the last attempt.
        new WebDriverWait(browser.driver, Duration.ofSeconds(2))
                .until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "open"));
        assertEquals("Reconnected", browser.find("#status").getText());
    }

    /** What an embeddable widget will do: the same modules, mounted in a shadow root, given the server's URL. */
    @Test
    void theChatMountsIntoAShadowRootAndKeepsToIt() {
        Object socketUrl = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const host = document.createElement('div');
                host.id = 'widget';
                document.body.append(host);
                const shadow = host.attachShadow({ mode: 'open' });
                shadow.append(document.getElementById('layout').cloneNode(true));
                import(new URL('js/chat.js', document.baseURI).href).then(({ mountChat }) => {
                  window.widget = mountChat(shadow, { baseUrl: document.baseURI });
                  done(window.scriptedSockets.at(-1).url);
                }, (e) => done('failed: ' + e));""");
        assertEquals(root.toString().replaceFirst("^http", "ws") + "chat", socketUrl);
        SearchContext widget = browser.find("#widget").getShadowRoot();
        browser.await().until(d -> "open".equals(widget.findElement(By.cssSelector("#status")).getAttribute("data-state")));

        widget.findElement(By.cssSelector("#question")).sendKeys("What did OpenAI do to ByteDance?", Keys.ENTER);
        browser.await().until(d -> !widget.findElements(By.cssSelector("#messages li.msg.bot.pending")).isEmpty());
        receive(answer("OpenAI suspended ByteDance's account [1].", true,
                citation("a#b", "The suspension", "OpenAI suspended ByteDance's account.", null)));
        browser.await().until(d -> !widget.findElements(By.cssSelector("#messages li.msg.bot.grounded")).isEmpty());
        widget.findElement(By.cssSelector("#messages button.cite")).click();
        browser.await().until(d -> widget.findElement(By.cssSelector("#sources")).isDisplayed());
        assertEquals("The suspension", widget.findElement(By.cssSelector("#source-title")).getText());

        assertTrue(browser.findAll("#messages li").isEmpty(), "the page's own chat is untouched");
        assertFalse(browser.find("#sources").isDisplayed());
        assertEquals("open", browser.find("#status").getAttribute("data-state"));

        browser.script("window.widget.unmount();");
        assertEquals(3L, browser.script("return window.scriptedSockets.at(-1).readyState;"), "unmounting closes its socket");
        assertEquals(1L, browser.script("return window.scriptedSockets.at(-2).readyState;"), "and not the page's");
    }

    private void send(String question) {
        WebElement box = page.questionBox();
        box.sendKeys(question);
        box.sendKeys(Keys.ENTER);
        browser.await().until(d -> !browser.findAll("#messages li.msg.bot.pending").isEmpty());
    }

    private void receive(Map<String, ?> frame) {
        try {
            browser.script("window.scriptedSockets.at(-1).receive(arguments[0]);", JSON.writeValueAsString(frame));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> answer(String text, boolean grounded, Map<String, Object> citation) {
        return Map.of("type", "answer", "answer", text, "grounded", grounded, "citations", List.of(citation),
                "conversationId", "c-1");
    }

    /** An answer with no citations and the given outcome (not answered, so not grounded). */
    private static Map<String, Object> answer(String text, String outcome) {
        return Map.of("type", "answer", "answer", text, "grounded", false, "outcome", outcome, "citations", List.of(),
                "conversationId", "c-1");
    }

    private static Map<String, Object> citation(String id, String title, String snippet, String url) {
        Map<String, Object> c = new HashMap<>();
        c.put("id", id);
        c.put("title", title);
        c.put("source", "A source");
        c.put("url", url);
        c.put("published", "2024-05-10");
        c.put("snippet", snippet);
        c.put("score", 0.7);
        return c;
    }
}
