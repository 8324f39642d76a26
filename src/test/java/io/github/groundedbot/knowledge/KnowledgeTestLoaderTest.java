package io.github.groundedbot.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KnowledgeTestLoaderTest {

    @TempDir
    Path dir;

    private static final long ONE_MEGABYTE = 1 << 20;

    private final KnowledgeTestLoader loader = new KnowledgeTestLoader(ONE_MEGABYTE);

    @Test
    void readsTestsBesideTheFactsWithIdsRelativeToTheirFile() throws IOException {
        FactBase facts = facts();
        write("birds/owls.tests.jsonl", """
                {"q": "How do barn owls find prey?", "cites": "#barn-owl-hearing", "says": "by sound", "note": "core"}

                {"q": "Who painted the Mona Lisa?", "refuse": true}
                {"q": "When do snowy owls hunt?", "cites": "birds/owls#snowy-owl"}
                """);

        KnowledgeTestLoader.Suite suite = loader.load(dir, facts);

        assertThat(suite.problems()).isEmpty();
        assertThat(suite.tests()).containsExactly(
                new KnowledgeTest(new Snippet.Location("birds/owls.tests.jsonl", 1), "How do barn owls find prey?",
                        "birds/owls#barn-owl-hearing", "by sound", false),
                new KnowledgeTest(new Snippet.Location("birds/owls.tests.jsonl", 3), "Who painted the Mona Lisa?",
                        null, null, true),
                new KnowledgeTest(new Snippet.Location("birds/owls.tests.jsonl", 4), "When do snowy owls hunt?",
                        "birds/owls#snowy-owl", null, false));
        assertThat(suite.tests().get(0).expected()).isEqualTo("cites birds/owls#barn-owl-hearing and says \"by sound\"");
        assertThat(suite.tests().get(1).expected()).isEqualTo("refuses");
    }

    @Test
    void everyLineThatIsNotATestIsAProblemWithItsFileAndLine() throws IOException {
        FactBase facts = facts();
        write("checks.tests.jsonl", String.join("\n",
                "{\"q\": \"Fine?\", \"says\": \"owls\"}",
                "{\"q\": \"Broken JSON\", ",
                "[\"not\", \"an object\"]",
                "{\"q\": \"No expectation\"}",
                "{\"cites\": \"birds/owls#snowy-owl\"}",
                "{\"q\": \"Unknown id\", \"cites\": \"birds/owls#eagle\"}",
                "{\"q\": \"Both\", \"refuse\": true, \"says\": \"owls\"}",
                "{\"q\": \"Typo\", \"site\": \"birds/owls#snowy-owl\"}",
                "{\"q\": 42, \"says\": \"owls\"}",
                "{\"q\": \"Twice\", \"says\": \"a\", \"says\": \"b\"}",
                "{\"q\": \"Refuse as text\", \"refuse\": \"yes\"}",
                "{\"q\": \"Relative id, no fact file\", \"cites\": \"#snowy-owl\"}"));

        KnowledgeTestLoader.Suite suite = loader.load(dir, facts);

        assertThat(suite.tests()).extracting(KnowledgeTest::question).containsExactly("Fine?");
        assertThat(suite.problems()).hasSize(11);
        assertThat(suite.problems().get(0)).startsWith("checks.tests.jsonl:2: not a JSON object");
        assertThat(suite.problems().get(1)).startsWith("checks.tests.jsonl:3: a test is a JSON object");
        assertThat(suite.problems().get(2)).startsWith("checks.tests.jsonl:4: say what to expect");
        assertThat(suite.problems().get(3)).startsWith("checks.tests.jsonl:5: 'q' (the question) is missing");
        assertThat(suite.problems().get(4)).isEqualTo("checks.tests.jsonl:6: unknown snippet id 'birds/owls#eagle'");
        assertThat(suite.problems().get(5)).startsWith("checks.tests.jsonl:7: a test that expects a refusal");
        assertThat(suite.problems().get(6)).startsWith("checks.tests.jsonl:8: unknown key 'site'");
        assertThat(suite.problems().get(7)).startsWith("checks.tests.jsonl:9: 'q' must be non-empty text");
        assertThat(suite.problems().get(8)).startsWith("checks.tests.jsonl:10: not a JSON object: Duplicate field 'says'");
        assertThat(suite.problems().get(9)).startsWith("checks.tests.jsonl:11: 'refuse' must be true or false");
        assertThat(suite.problems().get(10)).isEqualTo("checks.tests.jsonl:12: unknown snippet id 'checks#snowy-owl'");
    }

    @Test
    void testFilesFollowTheFactFilesRulesHiddenSkippedAndSizeCapped() throws IOException {
        FactBase facts = facts();
        write(".drafts/owls.tests.jsonl", "{\"q\": \"Hidden?\", \"says\": \"owls\"}\n");
        write("big.tests.jsonl", "{\"q\": \"Big?\", \"says\": \"owls\"}\n".repeat(20));

        KnowledgeTestLoader.Suite suite = new KnowledgeTestLoader(100).load(dir, facts);

        assertThat(suite.tests()).isEmpty();
        assertThat(suite.problems()).singleElement().asString()
                .startsWith("big.tests.jsonl:1: file is").contains("knowledge.max-file-size");
    }

    @Test
    void aFactBaseWithoutTestFilesHasNoTests() {
        assertThat(loader.load(dir, new FactBase(List.of()))).isEqualTo(
                new KnowledgeTestLoader.Suite(List.of(), List.of()));
    }

    private FactBase facts() throws IOException {
        write("birds/owls.md", """
                ---
                source: "Field notes"
                ---
                ## Barn owl hearing
                Barn owls locate prey by sound alone.

                ## Snowy owl
                Snowy owls hunt by day.
                """);
        return new KnowledgeLoader(200, ONE_MEGABYTE).load(dir);
    }

    private void write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
