package io.github.groundedbot.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnowledgeLoaderTest {

    private static final String FRONT = """
            ---
            source: "Field notes"
            url: https://example.org/notes
            published: 2023-04-01
            ---
            """;

    @TempDir
    Path dir;

    private final KnowledgeLoader loader = new KnowledgeLoader(200);

    @Test
    void loadsSnippetsWithStableIdsSourcesAndTopics() throws IOException {
        write("birds/owls.md", FRONT + """
                # Owls

                ## Barn owl hearing
                Barn owls locate prey by sound alone.
                They hunt in complete darkness.

                Second paragraph.

                ## Snowy owl
                Snowy owls hunt by day.
                """);
        write("frogs.md", "---\nsource: Pond guide\n---\n## Tree frogs\nTree frogs climb.\n");

        FactBase facts = loader.load(dir);

        assertThat(facts.snippets()).extracting(Snippet::id)
                .containsExactly("birds/owls#barn-owl-hearing", "birds/owls#snowy-owl", "frogs#tree-frogs");
        Snippet barn = facts.find("birds/owls#barn-owl-hearing").orElseThrow();
        assertThat(barn.title()).isEqualTo("Barn owl hearing");
        assertThat(barn.text()).isEqualTo("Barn owls locate prey by sound alone. They hunt in complete darkness.\n\n"
                + "Second paragraph.");
        assertThat(barn.source()).isEqualTo(new Snippet.Source("Field notes", "https://example.org/notes",
                LocalDate.of(2023, 4, 1)));
        assertThat(barn.location()).hasToString("birds/owls.md:8");
        assertThat(facts.topics()).containsExactly("Owls", "Frogs");
        assertThat(loader.load(dir).snippets()).extracting(Snippet::id)
                .as("ids are stable across loads").isEqualTo(facts.snippets().stream().map(Snippet::id).toList());
    }

    @Test
    void missingFrontMatterNamesTheFile() throws IOException {
        write("a.md", "## Heading\nText.\n");
        assertProblems("a.md:1: missing front matter");
    }

    @Test
    void unclosedFrontMatterIsMissingFrontMatter() throws IOException {
        write("a.md", "---\nsource: x\n## Heading\nText.\n");
        assertProblems("a.md:1: missing front matter");
    }

    @Test
    void brokenYamlGivesItsLine() throws IOException {
        write("a.md", "---\nsource: x\nurl: [unclosed\n---\n## Heading\nText.\n");
        assertProblems("a.md:3: broken front matter");
    }

    @Test
    void missingSourceIsReported() throws IOException {
        write("a.md", "---\nurl: https://example.org\n---\n## Heading\nText.\n");
        assertProblems("a.md:1: front matter has no 'source'");
    }

    @Test
    void badDateAndUrlAreReportedOnTheirLines() throws IOException {
        write("a.md", "---\nsource: x\npublished: last tuesday\n---\n## Heading\nText.\n");
        write("b.md", "---\nsource: x\nurl: ftp://example.org\n---\n## Heading\nText.\n");
        assertProblems("a.md:3: 'published' must be a date", "b.md:3: 'url' must be an http(s) address");
    }

    @Test
    void sectionWithoutTextIsReported() throws IOException {
        write("a.md", FRONT + "## Empty\n\n## Full\nText.\n");
        assertProblems("a.md:6: section 'Empty' has no text");
    }

    @Test
    void duplicateIdsNameBothPlaces() throws IOException {
        write("a.md", FRONT + "## Same title\nOne.\n\n## Same  Title!\nTwo.\n");
        assertProblems("a.md:9: duplicate snippet id 'a#same-title' (first defined at a.md:6)");
    }

    @Test
    void tooLongSnippetIsReported() throws IOException {
        write("a.md", FRONT + "## Long\n" + "word ".repeat(201) + "\n");
        assertProblems("a.md:6: section 'Long' has 201 words");
    }

    @Test
    void textOutsideASectionIsNotSilentlyDropped() throws IOException {
        write("a.md", FRONT + "Stray paragraph.\n## Heading\nText.\n");
        assertProblems("a.md:6: text outside a '## Heading' section");
    }

    @Test
    void invalidUtf8IsReported() throws IOException {
        Files.write(dir.resolve("a.md"), new byte[]{'-', '-', '-', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
        assertProblems("a.md:1: file is not valid UTF-8");
    }

    @Test
    void everyProblemIsReportedAndNothingIsHalfLoaded() throws IOException {
        write("good.md", FRONT + "## Fine\nFine text.\n");
        write("bad.md", FRONT + "## Empty\n");
        write("worse.md", "no front matter\n");
        assertThatThrownBy(() -> loader.load(dir))
                .isInstanceOfSatisfying(KnowledgeException.class, e -> assertThat(e.problems()).hasSize(2));
    }

    @Test
    void emptyOrMissingFolderIsAnError() {
        assertProblems(dir + ": no .md knowledge files found");
        assertThatThrownBy(() -> loader.load(dir.resolve("nope")))
                .isInstanceOf(KnowledgeException.class).hasMessageContaining("does not exist");
    }

    private void assertProblems(String... starts) {
        assertThatThrownBy(() -> loader.load(dir))
                .isInstanceOfSatisfying(KnowledgeException.class, e -> {
                    List<String> problems = e.problems();
                    assertThat(problems).hasSize(starts.length);
                    for (int i = 0; i < starts.length; i++) {
                        assertThat(problems.get(i)).startsWith(starts[i]);
                    }
                });
    }

    private void write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
