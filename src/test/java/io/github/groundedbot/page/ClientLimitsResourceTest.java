package io.github.groundedbot.page;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThan;

/** The limits a client reads are the ones the server enforces: at the limit is accepted, one past it is not. */
@QuarkusTest
class ClientLimitsResourceTest {

    @Test
    void theQuestionLimitIsTheOneTheServerEnforces() {
        int max = limits().getInt("maxQuestionLength");

        ask(question(max)).then().statusCode(200);
        ask(question(max + 1)).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void theCommentLimitIsTheOneTheServerEnforces() {
        int max = limits().getInt("maxCommentLength");

        feedback("x".repeat(max)).then().statusCode(201);
        feedback("x".repeat(max + 1)).then().statusCode(400).contentType("application/problem+json");
    }

    private static JsonPath limits() {
        return given().accept(ContentType.JSON)
                .when().get("/api/limits")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("maxQuestionLength", greaterThan(0))
                .body("maxCommentLength", greaterThan(0))
                .extract().jsonPath();
    }

    /** Words, so the question is not refused for having none; exactly {@code length} characters. */
    private static String question(int length) {
        return "why ".repeat(length / 4 + 1).substring(0, length - 1) + "?";
    }

    private static Response ask(String question) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question)).when().post("/api/ask");
    }

    private static Response feedback(String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("conversationId", "limits-test");
        body.put("question", "q");
        body.put("answer", "a");
        body.put("rating", "down");
        body.put("comment", comment);
        return given().contentType(ContentType.JSON).body(body).when().post("/api/feedback");
    }
}
