package io.github.groundedbot.curation;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.github.groundedbot.curation.ExplainResourceTest.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

/** Refused questions are kept as text and time only, grouped by meaning, exported and forgotten on request. */
@QuarkusTest
@TestProfile(CuratorProfile.class)
class UnansweredResourceTest {

    private static final Duration RECORDED = Duration.ofSeconds(10);

    @Test
    void refusedQuestionsAreKeptAsTextAndTimeGroupedWithTheirRewordings() {
        String first = "What is the population of Lagos?";
        String reworded = "What's the population of Lagos?";
        String unrelated = "Which team won the 1998 football World Cup?";
        for (String question : List.of(first, reworded, first, unrelated)) {
            assertThat(ask(question)).isEqualTo("refused");
        }
        String answered = "What is Huawei working on?";
        assertThat(ask(answered)).isEqualTo("answered");

        JsonPath report = await().atMost(RECORDED).until(() -> admin().get("/api/admin/unanswered").then()
                .statusCode(200).extract().jsonPath(), r -> r.getList("groups.question").contains(unrelated));

        assertThat(report.getBoolean("enabled")).isTrue();
        assertThat(report.getLong("retentionSeconds")).isEqualTo(Duration.ofDays(30).toSeconds());
        Map<String, Object> lagos = group(report, first);
        assertThat(lagos.get("count")).isEqualTo(3);
        assertThat(lagos.get("questions")).isEqualTo(List.of(
                Map.of("question", first, "count", 2), Map.of("question", reworded, "count", 1)));
        assertThat((List<?>) lagos.get("nearest")).hasSize(3);
        assertThat(group(report, unrelated).get("count")).isEqualTo(1);
        assertThat(report.getList("groups.questions.question").toString()).doesNotContain(answered);

        String export = admin().get("/api/admin/unanswered/export?format=jsonl").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"unanswered.jsonl\"").extract().asString();
        List<JsonPath> lines = export.lines().map(JsonPath::from).toList();
        assertThat(lines).allSatisfy(line -> assertThat(line.getMap("$").keySet()).containsOnly("at", "question"));
        assertThat(lines.stream().map(line -> line.getString("question"))).contains(first, reworded, unrelated);
        admin().get("/api/admin/unanswered/export").then().statusCode(200)
                .contentType(startsWith("text/csv")).body(startsWith("at,question\n"));
    }

    @Test
    void feedbackIsExportedForReview() throws IOException {
        String question = "Is Yi-34B open?";
        given().contentType(ContentType.JSON).body(Map.of("question", question,
                "answer", "Yi-34B was released on HuggingFace [1].", "rating", "down", "comment", "=1+1"))
                .post("/api/feedback").then().statusCode(201);

        String csv = admin().get("/api/admin/feedback/export?format=csv").then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"feedback.csv\"").extract().asString();

        assertThat(csv.lines().findFirst()).hasValue("timestamp,rating,question,answer,comment");
        List<Map<String, String>> rows = new ArrayList<>();
        new CsvMapper().readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader())
                .<Map<String, String>>readValues(csv).forEachRemaining(rows::add);
        assertThat(rows).filteredOn(row -> row.get("question").equals(question)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("rating", "down").containsEntry("comment", "'=1+1")
                        .containsEntry("answer", "Yi-34B was released on HuggingFace [1]."));
    }

    @Test
    void theLogCanBeForgottenAndEveryEndpointNeedsTheAdminToken() {
        for (String path : List.of("/api/admin/unanswered", "/api/admin/unanswered/export",
                "/api/admin/feedback/export")) {
            given().get(path).then().statusCode(401).contentType("application/problem+json");
        }
        given().delete("/api/admin/unanswered").then().statusCode(401);
        admin().get("/api/admin/unanswered/export?format=xlsx").then().statusCode(400)
                .contentType("application/problem+json");

        ask("Who designed the Eiffel Tower?");
        await().atMost(RECORDED).until(() -> admin().get("/api/admin/unanswered").jsonPath().getInt("questions") > 0);
        admin().delete("/api/admin/unanswered").then().statusCode(204);
        assertThat(admin().get("/api/admin/unanswered").jsonPath().getInt("questions")).isZero();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> group(JsonPath report, String question) {
        return ((List<Map<String, Object>>) (List<?>) report.getList("groups")).stream()
                .filter(group -> group.get("question").equals(question)).findFirst().orElseThrow();
    }

    private static String ask(String question) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question)).post("/api/ask")
                .then().statusCode(200).extract().jsonPath().getString("outcome");
    }
}
