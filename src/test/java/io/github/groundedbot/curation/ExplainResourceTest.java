package io.github.groundedbot.curation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** POST /api/admin/explain shows the decision the answer service takes, and takes none of its side effects. */
@QuarkusTest
@TestProfile(CuratorProfile.class)
class ExplainResourceTest {

    @Test
    void anAnsweredQuestionShowsItsReadingCandidatesChosenSentencesAndTheAnswerAskGives() {
        String question = "What is Huawei working on?";
        JsonPath explained = explain(question);
        JsonPath asked = ask(question);

        assertThat(explained.getString("answer.outcome")).isEqualTo("answered");
        assertThat(explained.getString("answer.answer")).isEqualTo(asked.getString("answer"));
        assertThat(explained.getList("answer.citations.id")).isEqualTo(asked.getList("citations.id"));
        assertThat(explained.getString("reading.kind")).isEqualTo("standalone");
        assertThat(explained.getList("reading.terms", String.class)).contains("huawei");
        assertThat(String.join(" ", explained.getList("chosen", String.class)))
                .isEqualTo(explained.getString("answer.answer"));

        List<Map<String, Object>> candidates = explained.getList("candidates");
        assertThat(candidates).isNotEmpty();
        for (int i = 0; i < candidates.size(); i++) {
            assertThat(candidates.get(i).get("rank")).isEqualTo(i);
        }
        List<String> cited = candidates.stream().filter(c -> (Boolean) c.get("cited")).map(c -> (String) c.get("id"))
                .toList();
        assertThat(cited).containsExactlyInAnyOrderElementsOf(asked.getList("citations.id", String.class));
        assertThat(candidates).filteredOn(c -> (Boolean) c.get("cited"))
                .allSatisfy(c -> assertThat(c.get("supporting")).isEqualTo(true));
        assertThat(candidates).filteredOn(c -> (Boolean) c.get("supporting"))
                .allSatisfy(c -> assertThat(c.get("coverage")).isNotNull());
        assertThat(explained.getDouble("thresholds.minSimilarity")).isPositive();
        assertThat(explained.getDouble("thresholds.clearLeadSimilarity"))
                .isLessThan(explained.getDouble("thresholds.strongSimilarity"));
    }

    @Test
    void aRefusedQuestionShowsNoChosenSentenceNoSupportAndTheNameTheFactsNeverUse() {
        JsonPath explained = explain("Who founded Alibaba?");

        assertThat(explained.getString("answer.outcome")).isEqualTo("refused");
        assertThat(explained.getString("answer.answer")).isEqualTo(ask("Who founded Alibaba?").getString("answer"));
        assertThat(explained.getList("chosen")).isEmpty();
        assertThat(explained.getList("reading.unknownNames", String.class)).contains("alibaba");
        assertThat(explained.getList("candidates.supporting", Boolean.class)).doesNotContain(true);
    }

    @Test
    void smallTalkIsReadAsSuchWithNothingRetrieved() {
        JsonPath explained = explain("hello");

        assertThat(explained.getString("reading.kind")).isEqualTo("small_talk");
        assertThat(explained.getString("answer.outcome")).isEqualTo("small_talk");
        assertThat(explained.getList("candidates")).isEmpty();
    }

    @Test
    void explainingNeitherCountsTheQuestionNorLogsItAsUnanswered() {
        String question = "Which mountain is the tallest in Peru?";
        String before = metrics();

        explain(question);

        assertThat(metrics()).isEqualTo(before);
        admin().get("/api/admin/unanswered").then().statusCode(200);
        assertThat(admin().get("/api/admin/unanswered").jsonPath().getList("groups.questions.question").toString())
                .doesNotContain(question);
    }

    @Test
    void explainNeedsTheAdminTokenAndAQuestion() {
        given().contentType(ContentType.JSON).body(Map.of("question", "What is Yi-34B?"))
                .post("/api/admin/explain").then().statusCode(401).contentType("application/problem+json");
        admin().contentType(ContentType.JSON).post("/api/admin/explain")
                .then().statusCode(400).contentType("application/problem+json");
        admin().contentType(ContentType.JSON).body(Map.of("question", "  "))
                .post("/api/admin/explain").then().statusCode(400).body("status", equalTo(400));
    }

    private static String metrics() {
        return given().get("/q/metrics").asString().lines().filter(line -> line.startsWith("bot_questions_total"))
                .sorted().toList().toString();
    }

    static JsonPath explain(String question) {
        return admin().contentType(ContentType.JSON).body(Map.of("question", question))
                .post("/api/admin/explain").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath ask(String question) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question))
                .post("/api/ask").then().statusCode(200).extract().jsonPath();
    }

    static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + CuratorProfile.TOKEN);
    }
}
