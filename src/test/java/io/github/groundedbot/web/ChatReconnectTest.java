package io.github.groundedbot.web;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page notices when the server drops its socket, says so, and comes back by itself. */
@QuarkusTest
class ChatReconnectTest {

    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

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

    @Test
    void serverSideCloseShowsTheLostConnectionThenReconnectsAndAnswersAgain() {
        ChatPage page = new ChatPage(browser, root.toString()).open();
        WebElement first = page.ask(SeedQuestions.answerable());
        assertTrue(first.getAttribute("class").contains("grounded"));
        // The lost state lasts about a second (the first backoff): record every status the page
        // shows, so the test sees it however slowly it polls.
        browser.script("""
                window.statusSeen = [];
                const status = document.getElementById('status');
                new MutationObserver(() => window.statusSeen.push(
                        status.dataset.state + ': ' + status.textContent.trim()))
                    .observe(status, { attributes: true, childList: true, subtree: true, characterData: true });""");

        int closed = 0;
        for (WebSocketConnection connection : connections) {
            connection.closeAndAwait();
            closed++;
        }
        assertTrue(closed > 0, "the page had a connection open");

        browser.await().until(d -> seen().stream().anyMatch(s -> s.startsWith("reconnecting")));
        assertTrue(seen().stream().anyMatch(s -> s.equals("reconnecting: Connection lost, reconnecting…")),
                "the page says the connection is lost: " + seen());
        page.awaitConnected();
        assertEquals("Reconnected", browser.find("#status").getText());
        assertFalse(connections.listAll().isEmpty(), "the page opened a new connection by itself");

        WebElement again = page.ask(SeedQuestions.answerable(1));
        assertTrue(again.getAttribute("class").contains("grounded"), "the new connection answers");
        assertFalse(again.findElements(By.cssSelector("button.cite")).isEmpty());
        assertEquals(2, browser.findAll("#messages li.msg.user").size(), "the conversation so far stays on screen");
        browser.await().until(ExpectedConditions.elementToBeClickable(By.id("send")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> seen() {
        return (List<String>) browser.script("return window.statusSeen;");
    }
}
