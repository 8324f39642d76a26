package io.github.groundedbot.web;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.List;

/** The chat page as a test sees it: what a person can do on it, and what it shows. */
final class ChatPage {

    /** Finished bot messages: an answer, a refusal or an error, never the "thinking" placeholder. */
    static final String REPLIES = "#messages li.msg.bot:not(.pending)";

    private final Browser browser;
    private final String url;

    ChatPage(Browser browser, String url) {
        this.browser = browser;
        this.url = url;
    }

    /** Loads the page fresh (a new conversation) and waits until it is connected. */
    ChatPage open() {
        browser.driver.get(url);
        awaitConnected();
        return this;
    }

    void awaitConnected() {
        browser.await().until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "open"));
    }

    WebElement questionBox() {
        return browser.find("#question");
    }

    List<WebElement> replies() {
        return browser.findAll(REPLIES);
    }

    /** Types a question, sends it with Enter, and returns the bot's reply once it has arrived. */
    WebElement ask(String question) {
        int before = replies().size();
        browser.await().until(ExpectedConditions.elementToBeClickable(By.id("send")));
        WebElement box = questionBox();
        box.clear();
        box.sendKeys(question);
        box.sendKeys(Keys.ENTER);
        return awaitReply(before);
    }

    WebElement awaitReply(int repliesBefore) {
        browser.await().until(d -> replies().size() > repliesBefore);
        List<WebElement> all = replies();
        return all.get(all.size() - 1);
    }

    /** The last message the person sent, as shown. */
    WebElement lastQuestion() {
        List<WebElement> mine = browser.findAll("#messages li.msg.user .bubble");
        return mine.get(mine.size() - 1);
    }

    static String answerText(WebElement reply) {
        return reply.findElement(By.cssSelector(".answer-text")).getText();
    }
}
