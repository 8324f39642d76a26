package io.github.groundedbot.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@TestProfile(FeedbackResourceTest.WithAdminToken.class)
class FeedbackResourceTest {

    private static final String TOKEN = "feedback-admin-token";

    public static class WithAdminToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("admin.token", TOKEN);
        }
    }

    @Inject
    FeedbackStore store;

    @Inject
    ObjectMapper json;

    private static Map<String, Object> feedback(String rating) {
        Map<String, Object> body = new HashMap<>();
        body.put("question", "Why has China not built models like ChatGPT? " + UUID.randomUUID());
        body.put("answer", "China lacks access to data [1].");
        body.put("rating", rating);
        return body;
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + TOKEN);
    }

    @Test
    void feedbackIsStoredAndListedNewestFirstToAdmins() {
        Map<String, Object> older = feedback("up");
        Map<String, Object> newer = feedback("down");
        newer.put("comment", "It only says half of it.\nSecond line.");

        given().contentType(ContentType.JSON).body(older)
                .when().post("/api/feedback")
                .then().statusCode(201)
                .body("rating", equalTo("up"))
                .body("timestamp", notNullValue())
                .body("comment", nullValue());
        given().contentType(ContentType.JSON).body(newer)
                .when().post("/api/feedback")
                .then().statusCode(201)
                .body("question", equalTo(newer.get("question")));

        admin().when().get("/api/feedback?limit=2")
                .then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].rating", equalTo("down"))
                .body("[0].comment", equalTo("It only says half of it.\nSecond line."))
                .body("[0].question", equalTo(newer.get("question")))
                .body("[0].answer", equalTo(newer.get("answer")))
                .body("[1].question", equalTo(older.get("question")))
                .body("[1].rating", equalTo("up"));
    }

    @Test
    void readingFeedbackNeedsTheAdminToken() {
        given().contentType(ContentType.JSON).body(feedback("down")).when().post("/api/feedback")
                .then().statusCode(201);

        given().when().get("/api/feedback")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body(not(containsString("ChatGPT")));
        given().header("Authorization", "Bearer not-" + TOKEN).when().get("/api/feedback")
                .then().statusCode(401).body(not(containsString("ChatGPT")));
        admin().when().get("/api/feedback?limit=1").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void aConversationIdSentByOlderPagesIsNeitherStoredNorReturned() throws Exception {
        Map<String, Object> body = feedback("up");
        String conversationId = UUID.randomUUID().toString();
        body.put("conversationId", conversationId);

        given().contentType(ContentType.JSON).body(body).when().post("/api/feedback")
                .then().statusCode(201).body("$", not(hasKey("conversationId")));
        admin().when().get("/api/feedback?limit=5")
                .then().statusCode(200).body("[0].question", equalTo(body.get("question")))
                .body("[0]", not(hasKey("conversationId")));
        assertFalse(Files.readString(store.file(), StandardCharsets.UTF_8).contains(conversationId),
                "the id is not written to the feedback file");
    }

    @Test
    void eachEntryIsOneJsonLineInTheConfiguredFile() throws Exception {
        Map<String, Object> body = feedback("down");
        body.put("comment", "line one\nline two");
        given().contentType(ContentType.JSON).body(body).when().post("/api/feedback").then().statusCode(201);

        assertTrue(store.file().endsWith("target/test-feedback.jsonl"), "tests write under target/: " + store.file());
        List<String> lines = Files.readAllLines(store.file(), StandardCharsets.UTF_8);
        JsonNode last = json.readTree(lines.get(lines.size() - 1));
        assertEquals(body.get("question"), last.get("question").asText());
        assertEquals("line one\nline two", last.get("comment").asText(), "the newline is escaped, not a new line");
        assertTrue(last.get("timestamp").isTextual(), "an ISO-8601 server timestamp: " + last);
    }

    @Test
    void missingFieldsAreAProblem() {
        given().contentType(ContentType.JSON).body(Map.of("rating", "up"))
                .when().post("/api/feedback")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid feedback"))
                .body("detail", containsString("question is required"))
                .body("detail", containsString("answer is required"));
    }

    @Test
    void blankFieldsCountAsMissing() {
        Map<String, Object> body = feedback("up");
        body.put("question", "   ");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/feedback")
                .then().statusCode(400)
                .body("detail", containsString("question is required"));
    }

    @Test
    void ratingIsUpOrDown() {
        for (String rating : new String[]{"meh", "UP", ""}) {
            given().contentType(ContentType.JSON).body(feedback(rating))
                    .when().post("/api/feedback")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString("rating must be \"up\" or \"down\""));
        }
        Map<String, Object> none = feedback("up");
        none.remove("rating");
        given().contentType(ContentType.JSON).body(none).when().post("/api/feedback").then().statusCode(400);
    }

    @Test
    void overlongTextIsRejected() {
        Map<String, Object> longQuestion = feedback("down");
        longQuestion.put("question", "q".repeat(4001));
        given().contentType(ContentType.JSON).body(longQuestion)
                .when().post("/api/feedback")
                .then().statusCode(400)
                .body("detail", containsString("question is 4001 characters long; the limit is 4000"));

        Map<String, Object> longAnswer = feedback("down");
        longAnswer.put("answer", "a".repeat(4001));
        given().contentType(ContentType.JSON).body(longAnswer)
                .when().post("/api/feedback").then().statusCode(400)
                .body("detail", containsString("answer is 4001"));

        Map<String, Object> longComment = feedback("down");
        longComment.put("comment", "c".repeat(1001));
        given().contentType(ContentType.JSON).body(longComment)
                .when().post("/api/feedback").then().statusCode(400)
                .body("detail", containsString("comment is 1001 characters long; the limit is 1000"));

        Map<String, Object> atTheLimits = feedback("down");
        atTheLimits.put("question", "q".repeat(4000));
        atTheLimits.put("comment", "c".repeat(1000));
        given().contentType(ContentType.JSON).body(atTheLimits)
                .when().post("/api/feedback").then().statusCode(201);
    }

    @Test
    void wrongContentTypeIs415() {
        given().contentType(ContentType.TEXT).body("thumbs up")
                .when().post("/api/feedback")
                .then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void malformedOrMissingBodyIs400() {
        given().contentType(ContentType.JSON).body("{\"rating\": ")
                .when().post("/api/feedback")
                .then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .when().post("/api/feedback")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void listLimitIsBounded() {
        admin().when().get("/api/feedback?limit=0").then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid limit"));
        admin().when().get("/api/feedback?limit=501").then().statusCode(400);
    }
}
