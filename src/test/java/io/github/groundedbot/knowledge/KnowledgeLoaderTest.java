package io.github.groundedbot.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    private static final long ONE_MEGABYTE = 1 << 20;

    private final KnowledgeLoader loader = new KnowledgeLoader(200, ONE_MEGABYTE);

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

    @Test
    void aConfigMapMountLoadsEachFactOnceUnderItsVisibleName() throws IOException {
        ConfigMapMount mount = new ConfigMapMount(dir);
        mount.publish(Map.of("facts.md", FRONT + "## Owls\nOwls hunt at night.\n\n## Frogs\nFrogs croak.\n",
                "more.md", "---\nsource: Cave guide\n---\n## Bats\nBats find insects by echo.\n"));
        assertThat(Files.readSymbolicLink(dir.resolve("..data"))).hasToString("..2026_12_01_10_01_00.101");
        assertThat(Files.readSymbolicLink(dir.resolve("facts.md"))).hasToString("..data/facts.md");

        FactBase facts = loader.load(dir);

        assertThat(facts.snippets()).extracting(Snippet::id).containsExactly("facts#owls", "facts#frogs", "more#bats");
        assertThat(facts.find("facts#owls").orElseThrow().location()).hasToString("facts.md:6");

        mount.publish(Map.of("facts.md", FRONT + "## Owls\nOwls hunt at dusk.\n\n## Frogs\nFrogs croak.\n",
                "more.md", "---\nsource: Cave guide\n---\n## Bats\nBats find insects by echo.\n"));
        FactBase updated = loader.load(dir);

        assertThat(updated.snippets()).extracting(Snippet::id).as("the same ids after an update")
                .containsExactly("facts#owls", "facts#frogs", "more#bats");
        assertThat(updated.find("facts#owls").orElseThrow().text()).isEqualTo("Owls hunt at dusk.");
    }

    @Test
    void hiddenFilesAndFoldersAreSkipped() throws IOException {
        write("facts.md", FRONT + "## Owls\nOwls hunt at night.\n");
        write(".drafts/half-written.md", "no front matter yet\n");
        write(".facts.md", "an editor's backup\n");

        assertThat(loader.load(dir).snippets()).extracting(Snippet::id).containsExactly("facts#owls");
    }

    @Test
    void linksOutsideTheFolderAreRefusedAndNeverRead(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("secret.md"), "---\nsource: Server\n---\n## Root password\nIt is hunter2.\n");
        write("facts.md", FRONT + "## Owls\nOwls hunt at night.\n");
        Files.createSymbolicLink(dir.resolve("leak.md"), outside.resolve("secret.md"));
        Files.createSymbolicLink(dir.resolve("shared"), outside);

        assertProblems("leak.md:1: links to a file outside the knowledge folder; only files inside it are read",
                "shared: links to a folder outside the knowledge folder; only files inside it are read");
        assertThatThrownBy(() -> loader.load(dir)).message().doesNotContain("hunter2");
    }

    @Test
    void linksInsideTheFolderAreFollowedButNoFileIsLoadedTwice() throws IOException {
        write("drafts/v2.md", FRONT + "## Owls\nOwls hunt at night.\n");
        Files.createSymbolicLink(dir.resolve("current.md"), Path.of("drafts/v2.md"));

        assertProblems("drafts/v2.md:1: is the same file as current.md (through a link)");

        Files.delete(dir.resolve("current.md"));
        Files.createSymbolicLink(dir.resolve("current"), Path.of("drafts"));
        assertProblems("drafts/v2.md:1: is the same file as current/v2.md (through a link)");
    }

    @Test
    void aLinkLoopIsReported() throws IOException {
        write("facts.md", FRONT + "## Owls\nOwls hunt at night.\n");
        Files.createDirectories(dir.resolve("sub"));
        Files.createSymbolicLink(dir.resolve("sub/loop"), Path.of(".."));

        assertProblems("sub/loop: links back to a folder above it");
    }

    @Test
    void aFileOverTheSizeLimitIsRejectedWithoutBeingRead() throws IOException {
        write("facts.md", FRONT + "## Owls\nOwls hunt at night.\n");
        try (RandomAccessFile huge = new RandomAccessFile(dir.resolve("huge.md").toFile(), "rw")) {
            huge.setLength(3L << 30); // sparse: 3 GB that take no disk, and more than an array can hold
        }

        assertProblems("huge.md:1: file is 3,221,225,472 bytes, over the limit of 1,048,576 bytes "
                + "(knowledge.max-file-size); split it into smaller files");
    }

    @Test
    void theSizeLimitIsInclusive() throws IOException {
        String content = FRONT + "## Owls\nOwls hunt at night.\n";
        int size = content.getBytes(StandardCharsets.UTF_8).length;
        write("facts.md", content);
        KnowledgeLoader exact = new KnowledgeLoader(200, size);

        assertThat(exact.load(dir).size()).isEqualTo(1);

        write("facts.md", content + " ");
        assertThatThrownBy(() -> exact.load(dir)).isInstanceOfSatisfying(KnowledgeException.class,
                e -> assertThat(e.problems()).containsExactly(String.format(Locale.ROOT, "facts.md:1: file is %,d bytes, "
                        + "over the limit of %,d bytes (knowledge.max-file-size); split it into smaller files", size + 1, size)));
    }

    @Test
    void alsoAskedLinesAreAlternateQuestionsNotText() throws IOException {
        write("a.md", FRONT + "## Station size\nThe International Space Station is 109 metres long.\n"
                + "Also asked: How big is the ISS?\nalso asked:   How long is the station?\n");
        Snippet snippet = loader.load(dir).snippets().get(0);
        assertThat(snippet.text()).isEqualTo("The International Space Station is 109 metres long.");
        assertThat(snippet.alsoAsked()).containsExactly("How big is the ISS?", "How long is the station?");
        assertThat(snippet.searchedText()).contains("How big is the ISS?");
    }

    @Test
    void anEmptyAlsoAskedIsReported() throws IOException {
        write("a.md", FRONT + "## Heading\nText.\nAlso asked:\n");
        assertProblems("a.md:8: 'Also asked:' needs the question after it");
    }

    @Test
    void frontMatterAliasesApplyToQuestionsOfTheWholeBase() throws IOException {
        write("a.md", "---\nsource: x\naliases:\n  - ISS = International Space Station\n  - iPhone maker=Apple\n---\n"
                + "## Station\nThe International Space Station orbits the Earth.\n");
        write("b.md", FRONT + "## Phones\nApple makes phones.\n");
        Aliases aliases = loader.load(dir).aliases();
        assertThat(aliases.apply("How high does the iss fly?")).isEqualTo("How high does the International Space Station fly?");
        assertThat(aliases.apply("Who runs the iPhone maker?")).isEqualTo("Who runs the Apple?");
    }

    @Test
    void brokenAliasesAreReportedOnTheirLines() throws IOException {
        write("a.md", "---\nsource: x\naliases:\n  - ISS International Space Station\n  - Apple = apple\n"
                + "  - EU = European Union\n---\n## Heading\nText.\n");
        write("b.md", "---\nsource: x\naliases:\n  - eu = Eurasian Union\n---\n## Heading\nText.\n");
        write("c.md", "---\nsource: x\naliases: ISS = International Space Station\n---\n## Heading\nText.\n");
        assertProblems("a.md:4: alias 'ISS International Space Station' must read 'alias = name'",
                "a.md:5: alias 'Apple' names itself",
                "b.md:4: alias 'eu' means 'Eurasian Union' here but 'European Union' at a.md:6",
                "c.md:3: 'aliases' must be a list");
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
