package io.github.groundedbot.retrieval;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Files added, edited and deleted under knowledge.dir are served without a restart; a broken edit is not. */
@QuarkusTest
@TestProfile(KnowledgeReloadTest.TempFacts.class)
class KnowledgeReloadTest {

    static final String TOKEN = "test-admin-token";
    private static final Duration PICKUP = Duration.ofSeconds(30);

    /** A copy of the bicycle fact base in a fresh folder, watched every 200 ms. */
    public static class TempFacts implements QuarkusTestProfile {
        static final Path DIR = copyOfBicycleFacts();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("knowledge.dir", DIR.toString(),
                    "knowledge.watch.interval", "200ms",
                    "embedding.cache-file", "target/reload-test-embeddings.bin",
                    "admin.token", TOKEN);
        }

        private static Path copyOfBicycleFacts() {
            try {
                Path dir = Files.createTempDirectory("facts");
                try (Stream<Path> files = Files.list(Path.of("src/test/resources/factbases/bicycle"))) {
                    for (Path file : files.toList()) {
                        Files.copy(file, dir.resolve(file.getFileName()));
                    }
                }
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
            # Wheel makers

            ## Quillfeather wheelworks
            Quillfeather Wheelworks built wooden wheels for running machines in 1821.
            """;

    @Test
    void addedEditedAndDeletedFilesArePickedUp() throws IOException {
        Path file = TempFacts.DIR.resolve("extra.md");
        Files.writeString(file, EXTRA);
        awaitFacts(ids -> ids.contains("extra#quillfeather-wheelworks"));

        Files.writeString(file, EXTRA.replace("## Quillfeather wheelworks", "## Quillfeather spokes"));
        awaitFacts(ids -> ids.contains("extra#quillfeather-spokes") && !ids.contains("extra#quillfeather-wheelworks"));
        given().contentType("application/json").body("{\"question\": \"Who built wooden wheels for running machines?\"}")
                .post("/api/ask").then().statusCode(200).body("citations.id", hasItem("extra#quillfeather-spokes"));

        Files.delete(file);
        awaitFacts(ids -> ids.stream().noneMatch(id -> id.startsWith("extra#")));
        admin().get("/api/knowledge/status").then().statusCode(200).body("lastError", nullValue());
    }

    private static final String SOCIETY = """
            ---
            source: "Club history notes"
            aliases:
              - Quill club = Quillfeather Velocipede Society
            ---
            # Cycling societies

            ## Founding of the Quillfeather Velocipede Society
            The Quillfeather Velocipede Society was founded in Harrogate in 1878 by touring riders.
            Also asked: Where did the riders of Yorkshire first meet as a club?
            """;

    @Test
    void aliasesAcronymsAndAlternateQuestionsFindTheFactButAreNeverQuoted() throws IOException {
        Path file = TempFacts.DIR.resolve("societies.md");
        Files.writeString(file, SOCIETY);
        String id = "societies#founding-of-the-quillfeather-velocipede-society";
        awaitFacts(ids -> ids.contains(id));

        // Without the curated alias and the acronym, "Quill club" and "QVS" are names the facts never use.
        for (String question : List.of("When was the Quill club founded?", "When was the QVS founded?")) {
            given().contentType("application/json").body(Map.of("question", question))
                    .post("/api/ask").then().statusCode(200)
                    .body("grounded", equalTo(true))
                    .body("answer", containsString("1878"))
                    .body("citations.id", hasItem(id));
        }
        given().contentType("application/json")
                .body(Map.of("question", "Where did the riders of Yorkshire first meet as a club?"))
                .post("/api/ask").then().statusCode(200)
                .body("citations.id", hasItem(id))
                .body("answer", not(containsString("Also asked")))
                .body("answer", not(containsString("Yorkshire")));

        Files.delete(file);
        awaitFacts(ids -> !ids.contains(id));
    }

    @Test
    void aBrokenEditKeepsTheLastGoodIndexAndReportsFileAndLine() throws IOException {
        int before = facts().size();
        Path broken = TempFacts.DIR.resolve("broken.md");
        Files.writeString(broken, "no front matter here\n## A heading\nSome text.\n");
        await().atMost(PICKUP).untilAsserted(() -> admin().get("/api/knowledge/status").then().statusCode(200)
                .body("lastError.problems[0]", startsWith("broken.md:1:")));

        assertThat(facts()).hasSize(before); // still serving the last good index
        given().contentType("application/json").body("{\"question\": \"Who invented the running machine?\"}")
                .post("/api/ask").then().statusCode(200).body("grounded", equalTo(true));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'knowledge-index' }.data.lastError", containsString("broken.md:1"));

        // A duplicate id is reported at the line of its second definition.
        Files.writeString(broken, EXTRA.replace("## Quillfeather wheelworks",
                "## Quillfeather wheelworks\nOne.\n\n## Quillfeather wheelworks"));
        await().atMost(PICKUP).untilAsserted(() -> admin().get("/api/knowledge/status").then()
                .body("lastError.problems[0]", containsString("broken.md:9: duplicate snippet id")));

        Files.delete(broken);
        await().atMost(PICKUP).untilAsserted(() -> admin().get("/api/knowledge/status").then()
                .body("lastError", nullValue()));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'knowledge-index' }.data.lastError", nullValue());
    }

    @Test
    void forcedReloadAndStatusNeedTheAdminToken() {
        for (String header : new String[]{null, "Bearer wrong-token", "Basic " + TOKEN, TOKEN, "Bearer "}) {
            RequestSpecification reload = header == null ? given() : given().header("Authorization", header);
            reload.post("/api/knowledge/reload").then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"));
            RequestSpecification status = header == null ? given() : given().header("Authorization", header);
            status.get("/api/knowledge/status").then().statusCode(401);
        }
        admin().post("/api/knowledge/reload").then().statusCode(200)
                .body("snippets", greaterThan(0))
                .body("files", hasItem("01-early-bicycles.md"))
                .body("loadedAt", notNullValue());
    }

    @Test
    void aFactsFileAndLineAreShownToAdminsOnly() {
        String id = facts().stream().filter(f -> f.startsWith("01-early-bicycles#")).findFirst().orElseThrow();
        for (String header : new String[]{null, "Bearer wrong-token", TOKEN}) {
            RequestSpecification fact = header == null ? given() : given().header("Authorization", header);
            fact.urlEncodingEnabled(true).pathParam("id", id).get("/api/facts/{id}").then().statusCode(200)
                    .body("id", equalTo(id))
                    .body("$", not(hasKey("file")))
                    .body("$", not(hasKey("line")));
        }
        admin().urlEncodingEnabled(true).pathParam("id", id).get("/api/facts/{id}").then().statusCode(200)
                .body("file", equalTo("01-early-bicycles.md"))
                .body("line", greaterThan(0));
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + TOKEN);
    }

    private static List<String> facts() {
        return given().get("/api/facts").jsonPath().getList("id", String.class);
    }

    private static void awaitFacts(Predicate<List<String>> condition) {
        await().atMost(PICKUP).pollInterval(Duration.ofMillis(200)).until(() -> condition.test(facts()));
    }
}
