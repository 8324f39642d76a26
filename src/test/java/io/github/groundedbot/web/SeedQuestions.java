package io.github.groundedbot.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Questions from the default fact base's evaluation set (eval/seed-questions.jsonl), so the page
 * tests ask what the fact base answers, and what it must not, without hard-coding either.
 * Call only from a running {@code @QuarkusTest}: the questions are checked against {@code /api/ask}.
 */
final class SeedQuestions {

    private static final List<JsonNode> SEEDS = load("/eval/seed-questions.jsonl").stream()
            .filter(node -> node.hasNonNull("q"))
            .toList();

    private static List<String> grounded;

    private SeedQuestions() {
    }

    /** A question the default fact base answers, with citations. */
    static String answerable() {
        return answerable(0);
    }

    /**
     * The {@code index}-th (from 0) seed question that the service answers with citations. The
     * answer quality is the evaluation's business; these tests are about how the page shows an
     * answer, so they ask what the service answers today rather than fail with a core regression.
     */
    static synchronized String answerable(int index) {
        if (grounded == null) {
            grounded = SEEDS.stream()
                    .filter(q -> !q.path("abstain").asBoolean(false))
                    .map(q -> q.get("q").asText())
                    .filter(q -> {
                        JsonPath answer = ask(q);
                        return answer.getBoolean("grounded") && !answer.getList("citations").isEmpty();
                    })
                    .limit(4)
                    .toList();
        }
        if (index >= grounded.size()) {
            throw new IllegalStateException("Fewer than " + (index + 1) + " seed questions are answered: " + grounded);
        }
        return grounded.get(index);
    }

    /** A seed question the bot refuses: nothing in the fact base answers it. */
    static String offTopic() {
        return SEEDS.stream()
                .filter(q -> q.path("abstain").asBoolean(false))
                .map(q -> q.get("q").asText())
                .filter(q -> !ask(q).getBoolean("grounded"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The service answers every off-topic seed question"));
    }

    /** The first two turns of the first evaluated conversation: a question, then a follow-up to it. */
    static List<String> followUp() {
        JsonNode turns = load("/eval/conversations.jsonl").get(0).get("turns");
        return List.of(turns.get(0).get("q").asText(), turns.get(1).get("q").asText());
    }

    private static JsonPath ask(String question) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question))
                .when().post("/api/ask")
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private static List<JsonNode> load(String resource) {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = SeedQuestions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank())
                    .map(line -> {
                        try {
                            return json.readTree(line);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
