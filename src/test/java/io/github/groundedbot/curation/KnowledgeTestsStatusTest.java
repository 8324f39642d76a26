package io.github.groundedbot.curation;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The default fact base's knowledge tests run at startup, pass, and show in the admin status. */
@QuarkusTest
@TestProfile(CuratorProfile.class)
class KnowledgeTestsStatusTest {

    private static final Duration TESTS_RUN = Duration.ofSeconds(30);

    @Test
    void theDefaultFactBasesTestsAllPass() throws IOException {
        // They run right after the index starts serving, so the first status may come before them.
        JsonPath status = await().atMost(TESTS_RUN).until(() -> ExplainResourceTest.admin()
                .get("/api/knowledge/status").then().statusCode(200).extract().jsonPath(),
                json -> json.get("tests") != null && !json.getList("tests.results").isEmpty());

        assertThat(status.getList("tests.problems")).isEmpty();
        assertThat(status.getList("tests.results")).hasSize((int) testLines(Path.of("knowledge")));
        assertThat(status.getList("tests.results.reason")).containsOnlyNulls();
        assertThat(status.getBoolean("tests.passed")).isTrue();
        assertThat(status.getMap("snippetsByFile")).containsEntry("chips-and-hardware.md", 5);
    }

    private static long testLines(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            long lines = 0;
            for (Path file : files.filter(f -> f.toString().endsWith(".tests.jsonl")).toList()) {
                lines += Files.readAllLines(file).stream().filter(line -> !line.isBlank()).count();
            }
            return lines;
        }
    }
}
