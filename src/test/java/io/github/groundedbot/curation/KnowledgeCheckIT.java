package io.github.groundedbot.curation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar target/quarkus-app/quarkus-run.jar check <folder>}, exactly as a fact-base
 * repository's CI runs it: the packaged app, in its own process, with no port to listen on.
 */
class KnowledgeCheckIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final long TIMEOUT_MINUTES = 5;

    private record Run(int exitCode, String out) {
    }

    @Test
    void theDefaultFactBasePassesItsChecks() throws Exception {
        Run run = check(Path.of("knowledge"));

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("RESULT", "chips-and-hardware.tests.jsonl:1", "What is Huawei working on?")
                .contains(" 0 failed, 0 unreadable").doesNotContain("FAIL");
    }

    @Test
    void aBrokenExpectationFailsWithItsFileLineAndReason() throws Exception {
        Path copy = CuratorProfile.copyOf(Path.of("knowledge"));
        Files.writeString(copy.resolve("open-source-models.tests.jsonl"),
                "{\"q\": \"Who released Yi-34B?\", \"cites\": \"#yi-34b-s-performance-against-llama-2\"}\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        int line = Files.readAllLines(copy.resolve("open-source-models.tests.jsonl")).size();

        Run run = check(copy);

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).containsPattern("FAIL +open-source-models\\.tests\\.jsonl:" + line + " ")
                .contains("open-source-models.tests.jsonl:" + line + ": \"Who released Yi-34B?\" cites "
                        + "open-source-models#yi-34b-s-performance-against-llama-2: the answer cites ")
                .contains(" 1 failed");
    }

    @Test
    void aFactBaseThatDoesNotLoadFailsWithItsProblems() throws Exception {
        Path copy = CuratorProfile.copyOf(Path.of("knowledge"));
        Files.writeString(copy.resolve("broken.md"), "## No front matter\nSome text.\n");

        Run run = check(copy);

        assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
        assertThat(run.out()).contains("broken.md:1: missing front matter");
    }

    /** Runs the check command on a folder and returns its exit code and standard output. */
    private static Run check(Path folder) throws IOException, InterruptedException {
        assertThat(JAR).as("the packaged app (integration tests run after package)").exists();
        Files.createDirectories(Path.of("target/it"));
        Path out = Files.createTempFile("check", ".out");
        Process process = new ProcessBuilder(List.of("java", "-Xmx512m",
                "-Dembedding.cache-file=target/it/check-embeddings.bin", "-jar", JAR.toString(), "check",
                folder.toString()))
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        assertThat(process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)).as("the check ends by itself").isTrue();
        return new Run(process.exitValue(), Files.readString(out));
    }
}
