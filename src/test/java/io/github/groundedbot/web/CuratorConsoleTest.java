package io.github.groundedbot.web;

import io.github.groundedbot.curation.CuratorProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The curator console at /admin in real headless Chromium, against a copy of the default fact base. */
@QuarkusTest
@TestProfile(CuratorProfile.class)
class CuratorConsoleTest {

    private static final Duration RELOAD = Duration.ofSeconds(30);
    private static final int MAX_SHOT_HEIGHT = 2000;
    private static Browser browser;

    @TestHTTPResource("/admin")
    URL console;

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

    /** Every test ends with a page that logged no error: no failed load, no exception, no CSP violation. */
    @AfterEach
    void noConsoleErrors() {
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theTokenPromptTurnsAWrongTokenAwayAndKeepsTheRightOneOutOfTheUrlAndStorage() {
        browser.driver.get(console.toString());
        WebElement gate = browser.find("#gate");
        browser.await().until(ExpectedConditions.visibilityOf(gate));
        assertThat(browser.find("#tabs").isDisplayed()).isFalse();
        screenshot("admin-token.png");

        browser.find("#token").sendKeys("not-the-token", Keys.ENTER);
        WebElement error = browser.find("#gate-error");
        browser.await().until(ExpectedConditions.visibilityOf(error));
        assertThat(error.getText()).contains("not the admin token");
        assertThat(browser.find("#tabs").isDisplayed()).isFalse();
        assertThat(browser.consoleErrors()).as("only the refused call").singleElement().asString().contains("401");

        unlock();
        assertThat(browser.find("#gate").isDisplayed()).isFalse();
        assertThat(browser.find("#view-unanswered").isDisplayed()).isTrue();
        assertThat(browser.driver.getCurrentUrl()).doesNotContain(CuratorProfile.TOKEN);
        assertThat(browser.script("return localStorage.length + sessionStorage.length + document.cookie.length"))
                .isEqualTo(0L);
        assertThat(browser.find("#token").getAttribute("value")).isEmpty();

        browser.find("#lock").click();
        browser.await().until(ExpectedConditions.visibilityOf(browser.find("#gate")));
        assertThat(browser.find("#view-unanswered").isDisplayed()).isFalse();
    }

    @Test
    void aRefusedQuestionIsGroupedWithARewordingOfItBesideTheThumbsDown() {
        List<String> tencent = List.of("Who is the CEO of Tencent?", "Who is Tencent's CEO?");
        String other = "How tall is Mount Everest?";
        for (String question : List.of(tencent.get(0), tencent.get(1), tencent.get(0), other)) {
            assertThat(ask(question)).isEqualTo("refused");
        }
        String comment = "It should know the Typhoon groups' targets";
        given().contentType(ContentType.JSON).body(Map.of("question", "Whom did they target?",
                "answer", "I don't know.", "rating", "down", "comment", comment)).post("/api/feedback")
                .then().statusCode(201);
        await().atMost(RELOAD).until(() -> admin().get("/api/admin/unanswered").jsonPath()
                .getList("groups.questions.question").toString().contains(other));

        open("unanswered");
        WebElement group = browser.await().until(d -> groupAsking(tencent.get(0)));
        assertThat(group.findElements(By.cssSelector(".asked li")).stream().map(WebElement::getText).toList())
                .anySatisfy(line -> assertThat(line).startsWith(tencent.get(0)).endsWith("× 2"))
                .anySatisfy(line -> assertThat(line).startsWith(tencent.get(1)).endsWith("× 1"))
                .noneSatisfy(line -> assertThat(line).contains(other));
        assertThat(group.findElement(By.cssSelector(".badge-count")).getText()).isEqualTo("× 3");
        assertThat(group.findElements(By.cssSelector(".nearest li"))).isNotEmpty();
        assertThat(groupAsking(other)).isNotNull().isNotEqualTo(group);
        assertThat(browser.findAll("#dislikes .dislike-comment").stream().map(WebElement::getText))
                .contains(comment);
        screenshot("admin-unanswered.png");
    }

    @Test
    void explainShowsTheDecisionForAnAnsweredQuestion() {
        String question = SeedQuestions.answerable();
        String answer = given().contentType(ContentType.JSON).body(Map.of("question", question)).post("/api/ask")
                .jsonPath().getString("answer");
        open("explain");

        explain(question);

        assertThat(browser.find("#explanation .outcome .badge").getText()).isEqualTo("answered");
        assertThat(browser.find("#explanation .final-answer").getText()).isEqualTo(answer);
        assertThat(browser.findAll("#explanation .candidates-table tbody tr")).isNotEmpty();
        assertThat(browser.findAll("#explanation .candidates-table .badge-cited")).isNotEmpty();
        assertThat(browser.findAll("#explanation .chosen-list li")).isNotEmpty();
        assertThat(browser.find("#explanation .facts-list").getText()).contains("standalone");
        screenshot("admin-explain-answered.png");
    }

    @Test
    void explainShowsTheDecisionForARefusedQuestion() {
        open("explain");

        explain(SeedQuestions.offTopic());

        assertThat(browser.find("#explanation .outcome .badge").getText()).isEqualTo("refused");
        assertThat(browser.find("#explanation .outcome").getCssValue("border-top-style")).isEqualTo("dashed");
        assertThat(browser.findAll("#explanation .chosen-list li")).isEmpty();
        assertThat(browser.find("#explanation .chosen .empty").getText()).startsWith("None");
        assertThat(browser.findAll("#explanation .badge-cited")).isEmpty();
        assertThat(browser.findAll("#explanation .badge-supports")).isEmpty();
        screenshot("admin-explain-refused.png");
    }

    @Test
    void aFailingKnowledgeTestIsShownWithItsFileAndLine() throws IOException {
        Path tests = CuratorProfile.DIR.resolve("console-check.tests.jsonl");
        Files.writeString(tests, """
                {"q": "Who released Yi-34B?", "cites": "open-source-models#yi-34b-from-01-ai"}
                {"q": "Who released Yi-34B?", "cites": "chips-and-hardware#huawei-s-ai-chip-effort"}
                """);
        try {
            await().atMost(RELOAD).until(() -> admin().get("/api/knowledge/status").jsonPath()
                    .getList("tests.results.location").contains("console-check.tests.jsonl:2"));
            open("facts");

            WebElement failed = browser.await().until(d -> d.findElements(By.cssSelector("#tests tr.failed")).stream()
                    .filter(row -> row.getText().contains("console-check.tests.jsonl:2")).findFirst().orElse(null));
            assertThat(failed.findElement(By.cssSelector("code.where")).getText())
                    .isEqualTo("console-check.tests.jsonl:2");
            assertThat(failed.findElement(By.cssSelector(".badge-fail")).getText()).isEqualTo("fail");
            assertThat(failed.findElement(By.cssSelector(".reason")).getText())
                    .contains("cites open-source-models#yi-34b-from-01-ai instead");
            assertThat(browser.find("#tests-summary").getText()).contains("1 of");
            assertThat(browser.findAll("#tests tr.passed")).isNotEmpty();
            screenshot("admin-facts.png");
        } finally {
            Files.delete(tests);
            await().atMost(RELOAD).until(() -> admin().get("/api/knowledge/status").jsonPath()
                    .getBoolean("tests.passed"));
        }
    }

    /** Loads the console afresh (so the token must be typed again) on a view. */
    private void open(String view) {
        browser.driver.get("about:blank");
        browser.driver.get(console + "/#" + view);
        unlock();
        browser.await().until(ExpectedConditions.visibilityOf(browser.find("#view-" + view)));
    }

    private static void unlock() {
        WebElement token = browser.find("#token");
        token.clear();
        token.sendKeys(CuratorProfile.TOKEN, Keys.ENTER);
        browser.await().until(ExpectedConditions.visibilityOf(browser.find("#tabs")));
    }

    private static void explain(String question) {
        WebElement box = browser.find("#explain-question");
        box.clear();
        box.sendKeys(question, Keys.ENTER);
        browser.await().until(d -> {
            WebElement out = browser.find("#explanation");
            return out.isDisplayed() && browser.find("#explain-question").getAttribute("value").equals(question)
                    && !browser.findAll("#explanation .outcome .badge").isEmpty() ? out : null;
        });
    }

    /** A screenshot of the whole page, not only what the window shows. */
    private static void screenshot(String name) {
        Dimension window = browser.driver.manage().window().getSize();
        long height = (Long) browser.script("return document.documentElement.scrollHeight");
        browser.driver.manage().window().setSize(new Dimension(window.width, (int) Math.min(height, MAX_SHOT_HEIGHT)));
        browser.screenshot(name);
        browser.driver.manage().window().setSize(window);
    }

    /** The group on the page whose questions include this one, or null. */
    private static WebElement groupAsking(String question) {
        return browser.findAll("#groups .group").stream()
                .filter(group -> group.getText().contains(question))
                .findFirst().orElse(null);
    }

    private static String ask(String question) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question)).post("/api/ask")
                .then().statusCode(200).extract().jsonPath().getString("outcome");
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + CuratorProfile.TOKEN);
    }
}
