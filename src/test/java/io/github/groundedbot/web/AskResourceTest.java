package io.github.groundedbot.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class AskResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void groundedAnswerCitesTheSnippetsItQuotes() {
        given().contentType(ContentType.JSON).body("{\"question\": \"What is Huawei working on?\"}")
                .when().post("/api/ask")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("grounded", is(true))
                .body("answer", allOf(containsString("[1]"), containsString("Huawei")))
                .body("citations.size()", greaterThan(0))
                .body("citations[0].id", matchesPattern("[^#]+#[a-z0-9-]+"))
                .body("citations[0].source", equalTo("Is China still Relying on US AI Tech?"))
                .body("citations[0].published", equalTo("2024-05-10"))
                .body("citations[0].snippet", containsString("Huawei"))
                .body("citations[0].title", not(emptyOrNullString()))
                .body("citations[0].score", notNullValue())
                .body("conversationId", not(emptyOrNullString()));
    }

    @Test
    void everyMarkerPointsIntoTheCitationList() {
        var answer = given().contentType(ContentType.JSON)
                .body("{\"question\": \"Who are Charcoal Typhoon and Salmon Typhoon?\"}")
                .when().post("/api/ask")
                .then().statusCode(200).extract().jsonPath();
        int citations = answer.getList("citations").size();
        var markers = Pattern.compile("\\[(\\d+)]").matcher(answer.getString("answer"));
        int seen = 0;
        while (markers.find()) {
            seen++;
            assertThat(Integer.parseInt(markers.group(1))).isBetween(1, citations);
        }
        assertThat(seen).isGreaterThanOrEqualTo(citations);
    }

    @Test
    void unansweredQuestionIsRefusedWithoutCitations() {
        given().contentType(ContentType.JSON).body("{\"question\": \"Who founded Alibaba?\"}")
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("grounded", is(false))
                .body("citations", hasSize(0))
                .body("answer", containsString("I don't know"));
    }

    @Test
    void greetingGetsAFriendlyReplyListingTopics() {
        given().contentType(ContentType.JSON).body("{\"question\": \"hello!\"}")
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("grounded", is(false))
                .body("citations", hasSize(0))
                .body("answer", allOf(containsString("Hello"), containsString("AI chips and hardware in China")));
    }

    @Test
    void issuedConversationIdIsKept() {
        String id = given().contentType(ContentType.JSON).body("{\"question\": \"What is Yi-34B?\"}")
                .when().post("/api/ask")
                .then().statusCode(200).extract().path("conversationId");
        given().contentType(ContentType.JSON)
                .body("{\"question\": \"Who released it?\", \"conversationId\": \"" + id + "\"}")
                .when().post("/api/ask")
                .then().statusCode(200).body("conversationId", equalTo(id))
                .body("resolvedQuestion", containsString("Yi-34B"));
    }

    @Test
    void aConversationIdTheServerNeverIssuedGetsAFreshOne() {
        given().contentType(ContentType.JSON).body("{\"question\": \"Who released it?\", \"conversationId\": \"abc-1\"}")
                .when().post("/api/ask")
                .then().statusCode(200).body("conversationId", not(equalTo("abc-1")))
                .body("resolvedQuestion", nullValue());
    }

    @Test
    void aHugeConversationIdIsABadRequest() {
        given().contentType(ContentType.JSON)
                .body("{\"question\": \"What is Yi-34B?\", \"conversationId\": \"" + "x".repeat(60_000) + "\"}")
                .when().post("/api/ask")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("conversationId"));
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"question\": ")
                .when().post("/api/ask")
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("title", not(emptyOrNullString()))
                .body("detail", containsString("JSON"));
    }

    @Test
    void missingBlankAndWrongTypedQuestionsAreProblems() {
        for (String body : new String[]{"{}", "{\"question\": \"   \"}", "{\"question\": null}", "null",
                "{\"question\": {\"nested\": 1}}", "[\"question\"]", "{\"question\": 12}",
                "{\"question\": true}"}) {
            given().contentType(ContentType.JSON).body(body)
                    .when().post("/api/ask")
                    .then().statusCode(400).contentType(PROBLEM).body("detail", not(emptyOrNullString()));
        }
    }

    @Test
    void tooLongQuestionIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"question\": \"" + "why ".repeat(300) + "\"}")
                .when().post("/api/ask")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("1000"));
    }

    @Test
    void wrongContentTypeIs415() {
        given().contentType(ContentType.TEXT).body("What is Yi-34B?")
                .when().post("/api/ask")
                .then().statusCode(415).contentType(PROBLEM).body("detail", containsString("application/json"));
    }

    @Test
    void factsAreListedAndFetchedById() {
        given().when().get("/api/facts")
                .then().statusCode(200)
                .body("size()", greaterThan(10))
                .body("id", everyItem(containsString("#")))
                .body("source", everyItem(equalTo("Is China still Relying on US AI Tech?")));

        String id = given().when().get("/api/facts").then().extract().path("[0].id");
        given().urlEncodingEnabled(true).pathParam("id", id)
                .when().get("/api/facts/{id}")
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("text", not(emptyOrNullString()))
                .body("published", equalTo("2024-05-10"))
                // Where a curator keeps the fact is for admins, as in the knowledge status.
                .body("$", not(hasKey("file")))
                .body("$", not(hasKey("line")));
    }

    @Test
    void unknownFactIs404Problem() {
        given().pathParam("id", "nope#nothing")
                .when().get("/api/facts/{id}")
                .then().statusCode(404).contentType(PROBLEM).body("detail", containsString("nope#nothing"));
    }

    @Test
    void suggestionsComeFromTheFactBase() {
        given().when().get("/api/suggestions?limit=3")
                .then().statusCode(200).body("size()", equalTo(3));
    }

    @Test
    void readinessIsUpOnceIndexed() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'knowledge-index' }.data.snippets", greaterThan(0));
    }

    @Test
    void metricsCountQuestionsByChannel() {
        given().contentType(ContentType.JSON).body("{\"question\": \"What is Yi-34B?\"}")
                .when().post("/api/ask").then().statusCode(200);
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(allOf(containsString("bot_questions_total{channel=\"rest\",outcome=\"answered\"}"),
                        containsString("bot_answer_latency_seconds_bucket"),
                        containsString("bot_embedding_cache_total"),
                        containsString("bot_retrieval_top_score")));
    }

    @Test
    void openApiDescribesTheAskEndpoint() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200).body("paths", hasKey("/api/ask"));
    }
}
