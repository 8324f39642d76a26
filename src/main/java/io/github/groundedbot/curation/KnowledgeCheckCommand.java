package io.github.groundedbot.curation;

import io.github.groundedbot.knowledge.KnowledgeConfig;
import io.github.groundedbot.knowledge.KnowledgeException;
import io.github.groundedbot.knowledge.KnowledgeTestReport;
import io.github.groundedbot.knowledge.KnowledgeTestResult;
import io.github.groundedbot.retrieval.KnowledgeReloader;
import io.github.groundedbot.retrieval.KnowledgeStatus;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar quarkus-run.jar check [folder]}: loads a fact base (default {@code knowledge}),
 * runs its knowledge tests, prints a table and exits with 0 when the fact base is valid and every
 * test passes, 1 otherwise, 2 on a usage error. No HTTP port is opened, no file is watched: it is
 * meant for a fact-base repository's own CI. The table goes to standard output, the log to standard
 * error.
 */
public class KnowledgeCheckCommand implements QuarkusApplication {

    /** The first program argument that selects this command. */
    public static final String NAME = "check";

    private static final int FAILED = 1;
    private static final int USAGE = 2;
    /** What the check mode changes in the configuration, besides the folder. */
    private static final Map<String, String> SETTINGS = Map.of(
            "quarkus.http.host-enabled", "false",
            "quarkus.management.host-enabled", "false",
            "knowledge.watch.enabled", "false",
            // A run that stops at once must not exit while a background thread loads the model.
            "embedding.preload", "false",
            // This command reports failing tests itself, with every passing one beside them.
            "knowledge.tests.required", "false",
            "quarkus.banner.enabled", "false",
            "quarkus.log.console.stderr", "true",
            "quarkus.log.level", "WARN",
            // A fact base that does not load is printed by the exit handler, without a stack trace.
            "quarkus.log.category.\"io.quarkus.runtime.ApplicationLifecycleManager\".level", "OFF");

    private final KnowledgeReloader reloader;
    private final KnowledgeConfig config;

    public KnowledgeCheckCommand(KnowledgeReloader reloader, KnowledgeConfig config) {
        this.reloader = reloader;
        this.config = config;
    }

    /** Runs the check for {@code check [folder]} and exits the JVM with its code. */
    public static void launch(String... args) {
        if (args.length > 2) {
            System.err.println("usage: java -jar quarkus-run.jar check [folder]");
            System.exit(USAGE);
        }
        if (args.length == 2) {
            System.setProperty("knowledge.dir", args[1]);
        }
        SETTINGS.forEach(System::setProperty);
        Quarkus.run(KnowledgeCheckCommand.class, KnowledgeCheckCommand::exit, args);
    }

    @Override
    public int run(String... args) {
        reloader.awaitStartupTests();
        KnowledgeStatus status = reloader.status();
        KnowledgeTestReport report = status.tests();
        PrintStream out = System.out;
        out.printf("Fact base %s: %d snippets in %d files%n", config.dir(), status.snippets(), status.files().size());
        if (report.results().isEmpty() && report.problems().isEmpty()) {
            out.println("No knowledge tests (*.tests.jsonl) found.");
            return 0;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"RESULT", "WHERE", "QUESTION", "EXPECTED"});
        for (KnowledgeTestResult result : report.results()) {
            rows.add(new String[]{result.passed() ? "pass" : "FAIL", result.location(), result.question(),
                    result.expected()});
        }
        printTable(out, rows);
        long failed = report.results().stream().filter(r -> !r.passed()).count();
        if (!report.passed()) {
            out.println();
            out.println("Failures:");
            report.failures().forEach(failure -> out.println("  " + failure));
        }
        out.printf("%n%d passed, %d failed, %d unreadable%n", report.results().size() - failed, failed,
                report.problems().size());
        return report.passed() ? 0 : FAILED;
    }

    private static void exit(int code, Throwable error) {
        int status = code;
        if (error != null) {
            KnowledgeException invalid = knowledgeProblem(error);
            if (invalid != null) {
                System.out.println(invalid.getMessage());
            } else {
                error.printStackTrace();
            }
            status = FAILED;
        }
        System.exit(status);
    }

    private static KnowledgeException knowledgeProblem(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof KnowledgeException knowledge) {
                return knowledge;
            }
        }
        return null;
    }

    private static void printTable(PrintStream out, List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        });
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
