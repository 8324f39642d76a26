package io.github.groundedbot.curation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** With knowledge.tests.required=true, an edit whose knowledge tests fail is not served, like a broken edit. */
@QuarkusTest
@TestProfile(RequiredKnowledgeTestsTest.Required.class)
class RequiredKnowledgeTestsTest {

    private static final String TOKEN = "required-tests-token";
    private static final Duration PICKUP = Duration.ofSeconds(30);

    /** A copy of the bicycle fact base with a knowledge test of its own, watched every 200 ms. */
    public static class Required implements QuarkusTestProfile {
        static final Path DIR = withTests(CuratorProfile.copyOf(Path.of("src/test/resources/factbases/bicycle")));

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("knowledge.dir", DIR.toString(),
                    "knowledge.watch.interval", "200ms",
                    "knowledge.tests.required", "true",
                    "embedding.cache-file", "target/required-tests-embeddings.bin",
                    "admin.token", TOKEN);
        }

        private static Path withTests(Path dir) {
            try {
                Files.writeString(dir.resolve("01-early-bicycles.tests.jsonl"),
                        "{\"q\": \"Who invented the running machine?\", \"cites\": \"#drais-running-machine\"}\n");
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final String EXTRA = """
            ---
            source: "Workshop notes"
            ---
            ## Quillfeather wheelworks
            Quillfeather Wheelworks built wooden wheels for running machines in 1821.
            """;

    @Test
    void anEditWhoseTestsFailKeepsTheLastGoodFactBaseServingUntilTheyPass() throws IOException {
        Path facts = Required.DIR.resolve("extra.md");
        Path tests = Required.DIR.resolve("extra.tests.jsonl");
        // Tests first: a reload between the two writes must not serve the fact untested. Line 2 expects
        // what the new fact does not say.
        Files.writeString(tests, """
                {"q": "Who built wooden wheels for running machines?", "cites": "#quillfeather-wheelworks"}
                {"q": "Who built wooden wheels for running machines?", "says": "made of steel"}
                """);
        Files.writeString(facts, EXTRA);

        await().atMost(PICKUP).untilAsserted(() -> admin().get("/api/knowledge/status").then().statusCode(200)
                .body("lastError.problems", hasItem(startsWith(
                        "extra.tests.jsonl:2: \"Who built wooden wheels for running machines?\" says \"made of steel\": "
                                + "the answer does not say it"))));
        assertThat(factIds()).doesNotContain("extra#quillfeather-wheelworks");
        admin().get("/api/knowledge/status").then()
                .body("tests.passed", equalTo(false))
                .body("tests.results.location", hasItem("extra.tests.jsonl:1"));
        given().contentType(ContentType.JSON).body(Map.of("question", "Who invented the running machine?"))
                .post("/api/ask").then().statusCode(200).body("outcome", equalTo("answered"));

        Files.writeString(tests, """
                {"q": "Who built wooden wheels for running machines?", "cites": "#quillfeather-wheelworks"}
                {"q": "Who built wooden wheels for running machines?", "says": "wooden wheels"}
                """);
        await().atMost(PICKUP).until(() -> factIds().contains("extra#quillfeather-wheelworks"));
        admin().get("/api/knowledge/status").then().body("lastError", nullValue())
                .body("tests.passed", equalTo(true));

        Files.delete(tests);
        Files.delete(facts);
        await().atMost(PICKUP).until(() -> !factIds().contains("extra#quillfeather-wheelworks"));
        admin().get("/api/knowledge/status").then().body("tests.results.location", not(hasItem("extra.tests.jsonl:1")));
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + TOKEN);
    }

    private static List<String> factIds() {
        return given().get("/api/facts").jsonPath().getList("id", String.class);
    }
}
