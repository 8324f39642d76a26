package io.github.groundedbot;

import io.github.groundedbot.ConfigurationReference.Row;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * docs/configuration.md lists every property of the {@code @ConfigMapping} interfaces with its
 * default and javadoc. When this test fails, the expected file is in target/configuration.md;
 * {@code ./mvnw -B test -Dtest=ConfigurationReferenceTest -Dconfig.reference.write=true} rewrites the doc.
 */
class ConfigurationReferenceTest {

    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Path DOC = Path.of("docs", "configuration.md");
    private static final Path EXPECTED = Path.of("target", "configuration.md");
    private static final Path TEST_SOURCES = Path.of("src", "test", "java");
    private static final Path THIS_FILE = TEST_SOURCES.resolve(Path.of("io", "github", "groundedbot",
            "ConfigurationReferenceTest.java"));
    /** {@code -Dconfig.reference.write=true} rewrites docs/configuration.md instead of failing. */
    private static final String WRITE = "config.reference.write";

    private static ConfigurationReference reference;

    @BeforeAll
    static void readSources() {
        reference = ConfigurationReference.read(SOURCES);
    }

    @Test
    void everyPropertyIsDocumented() {
        assertThat(reference.undocumented())
                .as("@ConfigMapping properties without a javadoc description (the reference shows it)")
                .isEmpty();
    }

    @Test
    void docMatchesTheConfigMappingInterfaces() throws IOException {
        String current = Files.readString(DOC);
        String expected = ConfigurationReference.replaceGenerated(
                current, reference.markdown(DOC.getParent()));
        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(DOC, expected);
            return;
        }
        if (!expected.equals(current)) {
            Files.createDirectories(EXPECTED.getParent());
            Files.writeString(EXPECTED, expected);
            fail("%s is out of date with the @ConfigMapping interfaces. The expected file is %s: copy it over, or run "
                    + "./mvnw -B test -Dtest=ConfigurationReferenceTest -D%s=true\n%s",
                    DOC, EXPECTED, WRITE, firstDifference(current, expected));
        }
    }

    /** Where two texts first differ, by line, so the failure says what changed without printing both. */
    private static String firstDifference(String actual, String expected) {
        List<String> was = actual.lines().toList();
        List<String> is = expected.lines().toList();
        int line = 0;
        while (line < was.size() && line < is.size() && was.get(line).equals(is.get(line))) {
            line++;
        }
        return "Line " + (line + 1) + " is\n  " + (line < was.size() ? was.get(line) : "(end of file)")
                + "\nbut the code gives\n  " + (line < is.size() ? is.get(line) : "(end of file)");
    }

    @Test
    void rendersNamesDefaultsAndJavadocAsSmallRyeConfigReadsThem() {
        ConfigurationReference sample = ConfigurationReference.read(TEST_SOURCES);

        List<Row> rows = sample.section(Sample.class, "sample", THIS_FILE).rows();

        assertThat(rows).containsExactly(
                new Row("sample.nested.enabled", "`true`", "Inside a group."),
                new Row("sample.port", "required", "Must be set."),
                new Row("sample.renamed-here", "`a\\|b`", "Named by `@WithName`."),
                new Row("sample.token", "none", "Absent unless set."),
                new Row("sample.undocumented", "`0`", ""),
                new Row("sample.wait-time", "`5s`", "How long to wait for `x \\| y`, then give up."),
                new Row("sample.workers", "none", "Defaults to the cores."));
    }

    @Test
    void keepsTheHandWrittenTextAroundTheGeneratedBlock() {
        String document = "intro\n" + ConfigurationReference.BEGIN + "\nold\n" + ConfigurationReference.END + "\noutro\n";

        String replaced = ConfigurationReference.replaceGenerated(document, "new");

        assertThat(replaced).isEqualTo("intro\nnew\noutro\n");
    }

    /** Shaped like the real mappings; not annotated, so Quarkus never binds it. */
    interface Sample {

        /**
         * How long to wait for {@code x | y},
         * then <b>give up</b>.
         */
        @WithDefault("5s")
        Duration waitTime();

        /** Named by {@code @WithName}. */
        @WithName("renamed-here")
        @WithDefault("a|b")
        String renamed();

        /** Absent unless set. */
        Optional<String> token();

        /** Defaults to the cores. */
        OptionalInt workers();

        /** Must be set. */
        int port();

        @WithDefault("0")
        int undocumented();

        Nested nested();

        interface Nested {

            /** Inside a group. */
            @WithDefault("true")
            boolean enabled();
        }
    }
}
