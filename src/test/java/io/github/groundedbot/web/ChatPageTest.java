package io.github.groundedbot.web;

import io.github.groundedbot.feedback.Feedback;
import io.github.groundedbot.feedback.FeedbackStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chat page in real headless Chromium, against the running app and the default fact base. */
@QuarkusTest
class ChatPageTest {

    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    FeedbackStore feedback;

    private ChatPage page;

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

    @BeforeEach
    void openPage() {
        page = new ChatPage(browser, root.toString()).open();
    }

    /** Every test ends with a page that logged no error: no failed load, no exception, no CSP violation. */
    @AfterEach
    void noConsoleErrors() {
        assertEquals(List.of(), browser.consoleErrors());
    }

    @Test
    void emptyStateOffersSuggestedQuestionsFromTheFactBaseAndAsksOneWhenClicked() {
        List<String> expected = given().get("/api/suggestions?limit=4").then().statusCode(200)
                .extract().jsonPath().getList("$", String.class);
        assertFalse(expected.isEmpty(), "the default fact base yields suggestions");
        assertTrue(browser.find("#welcome").isDisplayed());
        browser.await().until(d -> browser.findAll("#suggestions button").size() == expected.size());
        List<String> shown = browser.findAll("#suggestions button").stream().map(WebElement::getText).toList();
        assertEquals(expected, shown);
        browser.screenshot("chat-empty.png");

        browser.findAll("#suggestions button").get(0).click();

        WebElement reply = page.awaitReply(0);
        assertEquals(expected.get(0), page.lastQuestion().getText());
        assertTrue(reply.getAttribute("class").contains("grounded"), "the suggestion is answered from the facts");
        assertFalse(browser.find("#welcome").isDisplayed(), "the welcome gives way to the conversation");
    }

    @Test
    void groundedAnswerShowsCitationsThatOpenTheirSourceWithTheSnippet() {
        WebElement reply = page.ask(SeedQuestions.answerable());

        assertEquals(List.of("msg", "bot", "grounded"), classes(reply));
        List<WebElement> markers = reply.findElements(By.cssSelector(".answer-text button.cite"));
        assertFalse(markers.isEmpty(), "a grounded answer carries at least one citation marker");
        assertFalse(browser.find("#sources").isDisplayed(), "no source is open before one is asked for");

        WebElement marker = markers.get(0);
        marker.click();

        WebElement panel = browser.find("#sources");
        browser.await().until(ExpectedConditions.visibilityOf(panel));
        String factId = panel.getAttribute("data-fact-id");
        // Ids hold '/' and '#': encode them once, and keep REST Assured from encoding them again.
        JsonPath fact = given().urlEncodingEnabled(false)
                .get("/api/facts/" + URLEncoder.encode(factId, StandardCharsets.UTF_8))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(fact.getString("text"), browser.find("#source-snippet").getText());
        assertEquals(fact.getString("title"), browser.find("#source-title").getText());
        assertEquals(fact.getString("source"), browser.find("#source-origin").getText());
        assertEquals(fact.getString("published"), browser.find("#source-date time").getAttribute("datetime"));
        WebElement link = browser.find("#source-link");
        if (fact.getString("url") == null) {
            assertFalse(link.isDisplayed(), "no link when the fact has no url");
        } else {
            assertEquals(fact.getString("url"), link.getAttribute("href"));
        }
        assertEquals("sources-title", browser.driver.switchTo().activeElement().getAttribute("id"),
                "focus moves into the panel for keyboard and screen-reader users");

        browser.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        browser.await().until(ExpectedConditions.invisibilityOf(panel));
        assertEquals(marker, browser.driver.switchTo().activeElement(), "Escape gives focus back to the marker");
    }

    @Test
    void offTopicQuestionIsRefusedInTheRefusalStyleWithoutCitations() {
        WebElement grounded = page.ask(SeedQuestions.answerable());
        WebElement refusal = page.ask(SeedQuestions.offTopic());

        assertEquals(List.of("msg", "bot", "ungrounded"), classes(refusal));
        assertTrue(refusal.findElements(By.cssSelector("button.cite")).isEmpty());
        assertEquals("Not from the fact base", refusal.findElement(By.cssSelector(".answer-label")).getText());
        WebElement refusalBubble = refusal.findElement(By.cssSelector(".bubble"));
        WebElement groundedBubble = grounded.findElement(By.cssSelector(".bubble"));
        assertEquals("dashed", refusalBubble.getCssValue("border-top-style"));
        assertNotEquals(groundedBubble.getCssValue("background-color"), refusalBubble.getCssValue("background-color"),
                "a refusal must not look like a grounded answer");
    }

    @Test
    void aFollowUpIsAnsweredInTheSameConversationAndSaysHowItWasRead() {
        List<String> turns = SeedQuestions.followUp();
        page.ask(turns.get(0));

        WebElement followUp = page.ask(turns.get(1));

        assertTrue(followUp.getAttribute("class").contains("grounded"), "the follow-up is answered from context");
        String resolved = followUp.findElement(By.cssSelector(".resolved")).getText();
        assertTrue(resolved.startsWith("Answering: " + turns.get(1)), resolved);
    }

    @Test
    void enterSendsAndShiftEnterAddsANewLine() {
        WebElement box = page.questionBox();
        box.sendKeys("What did OpenAI do", Keys.chord(Keys.SHIFT, Keys.ENTER), "to ByteDance?");
        assertEquals("What did OpenAI do\nto ByteDance?", box.getAttribute("value"));
        assertTrue(browser.findAll("#messages li").isEmpty(), "Shift+Enter sends nothing");

        box.sendKeys(Keys.ENTER);

        page.awaitReply(0);
        assertEquals("What did OpenAI do\nto ByteDance?", page.lastQuestion().getText());
        assertEquals("", box.getAttribute("value"), "the box is cleared once the question is sent");
        assertEquals("question", browser.driver.switchTo().activeElement().getAttribute("id"),
                "focus stays in the box for the next question");
    }

    @Test
    void theQuestionBoxAllowsWhatTheServerAccepts() {
        int limit = given().get("/api/limits").then().statusCode(200).extract().path("maxQuestionLength");
        browser.await().until(d -> String.valueOf(limit).equals(page.questionBox().getAttribute("maxlength")));
    }

    @Test
    void markupTypedByAPersonIsShownAsTextAndNeverRun() {
        String attack = "<img src=x onerror=alert(1)>";

        WebElement reply = page.ask(attack);

        assertEquals(attack, page.lastQuestion().getText());
        assertTrue(browser.findAll("#messages img").isEmpty(), "no element was made from the text");
        assertThrows(NoAlertPresentException.class, () -> browser.driver.switchTo().alert());
        assertTrue(reply.isDisplayed());
    }

    @Test
    void contentSecurityPolicyStopsInlineScriptOnThePage() {
        // Script run by WebDriver itself is exempt from the CSP, but the script elements and event
        // handlers it adds to the page are not: this is what an injection would look like.
        Object ran = browser.script("""
                const s = document.createElement('script');
                s.textContent = 'window.inlineRan = true';
                document.body.append(s);
                const d = document.createElement('div');
                d.setAttribute('onclick', 'window.handlerRan = true');
                document.body.append(d);
                d.click();
                return [window.inlineRan === true, window.handlerRan === true];""");
        assertEquals(List.of(false, false), ran);
        List<String> errors = browser.consoleErrors();
        assertTrue(errors.stream().anyMatch(e -> e.contains("Content Security Policy")),
                "the browser reports the blocked script: " + errors);
    }

    @Test
    void thumbsDownWithACommentIsKeptForCurators() {
        String question = SeedQuestions.answerable();
        WebElement reply = page.ask(question);
        String comment = "browser test " + UUID.randomUUID();

        reply.findElement(By.cssSelector("button.feedback-down")).click();
        WebElement commentBox = reply.findElement(By.cssSelector(".feedback-comment"));
        browser.await().until(ExpectedConditions.visibilityOf(commentBox));
        assertEquals(commentBox, browser.driver.switchTo().activeElement(), "the comment box takes focus");
        commentBox.sendKeys(comment);
        browser.screenshot("chat-feedback.png");
        commentBox.sendKeys(Keys.ENTER);
        browser.await().until(ExpectedConditions.textToBePresentInElement(
                reply.findElement(By.cssSelector(".feedback-note")), "Thanks"));

        // Reading feedback back is for admins; this test reads the store the endpoint writes to.
        List<Feedback> recent = feedback.recent(20);
        Feedback entry = recent.stream().filter(e -> comment.equals(e.comment())).findFirst()
                .orElseThrow(() -> new AssertionError("the thumbs-down is not stored: " + recent));
        assertEquals("down", entry.rating());
        assertEquals(question, entry.question());
        // The stored answer is the raw one: markers [n] where the page shows numbered buttons.
        assertEquals(ChatPage.answerText(reply), entry.answer().replaceAll("\\[(\\d+)]", "$1"));
        assertEquals("true", reply.findElement(By.cssSelector("button.feedback-down")).getAttribute("aria-pressed"));
    }

    @Test
    void copyPutsTheAnswerAndItsSourcesOnTheClipboard() {
        browser.cdp("Browser.grantPermissions", Map.of("origin", origin(),
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        WebElement reply = page.ask(SeedQuestions.answerable());
        String title = reply.findElement(By.cssSelector(".source-chip .chip-title")).getText();

        reply.findElement(By.cssSelector(".actions button[aria-label='Copy the answer']")).click();
        browser.await().until(ExpectedConditions.textToBePresentInElement(reply.findElement(By.cssSelector(".actions")),
                "Copied"));

        String copied = (String) browser.driver.executeAsyncScript(
                "const done = arguments[0]; navigator.clipboard.readText().then(done, e => done('failed: ' + e));");
        assertTrue(copied.contains("[1]") && copied.contains("Sources:") && copied.contains(title),
                "the copy holds the answer with its markers and its sources: " + copied);
    }

    @Test
    void aPhoneSizedScreenFitsWithoutScrollingSideways() {
        try {
            browser.cdp("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
            page.open();
            page.ask(SeedQuestions.answerable());
            page.ask(SeedQuestions.offTopic());
            browser.find("#messages li.grounded button.cite").click();
            browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("sources")));

            assertEquals(Boolean.TRUE, browser.script("""
                    const chat = document.getElementById('chat');
                    return document.documentElement.scrollWidth <= window.innerWidth
                        && chat.scrollWidth <= chat.clientWidth;"""), "no sideways scrolling, of the page or the chat");
            assertEquals(Boolean.TRUE, browser.script("""
                    const r = document.getElementById('sources').getBoundingClientRect();
                    return r.left >= 0 && r.right <= window.innerWidth && r.bottom <= window.innerHeight + 1;"""),
                    "the source sheet fits on the screen");
            browser.screenshot("chat-phone-source.png");

            // A tap on the dimmed chat above the sheet closes it.
            new Actions(browser.driver).moveToLocation(195, 100).click().perform();
            browser.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("sources")));
            browser.screenshot("chat-phone.png");
            WebElement send = browser.find("#send");
            assertTrue(send.isDisplayed());
            assertEquals(Boolean.TRUE, browser.script(
                    "const r = arguments[0].getBoundingClientRect(); return r.right <= window.innerWidth;", send),
                    "the send button is on the screen");
        } finally {
            browser.cdp("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @Test
    void darkModeFollowsTheSystemColourScheme() {
        String light = (String) browser.script("return getComputedStyle(document.body).backgroundColor;");
        try {
            browser.cdp("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            String dark = (String) browser.script("return getComputedStyle(document.body).backgroundColor;");
            assertNotEquals(light, dark);
            assertTrue(Browser.luminance(dark) < 0.2 && Browser.luminance(light) > 0.8, light + " turns dark: " + dark);

            page.ask(SeedQuestions.answerable());
            page.ask(SeedQuestions.offTopic());
            browser.find("#messages li.grounded button.cite").click();
            browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("sources")));
            browser.screenshot("chat-dark.png");
        } finally {
            browser.cdp("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        }
    }

    /** The screenshot for review: a cited answer with its source open, then a refusal. */
    @Test
    void answeredConversationScreenshot() {
        page.ask(SeedQuestions.answerable());
        page.ask(SeedQuestions.offTopic());
        browser.find("#messages li.grounded button.cite").click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("sources")));
        assertEquals(Boolean.TRUE, browser.script("""
                const chat = document.getElementById('chat');
                return chat.scrollHeight - chat.scrollTop - chat.clientHeight < 8;"""),
                "opening a source keeps the conversation scrolled to its latest message");
        assertTrue(browser.screenshot("chat.png").toFile().length() > 10_000, "the screenshot has content");
    }

    private String origin() {
        return root.getProtocol() + "://" + root.getHost() + ":" + root.getPort();
    }

    private static List<String> classes(WebElement element) {
        return List.of(element.getAttribute("class").trim().split("\\s+"));
    }
}
