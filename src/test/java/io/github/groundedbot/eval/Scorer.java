package io.github.groundedbot.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.answer.Citation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Scores answers the way {@code ../shared/eval/README.md} describes: an answerable question is
 * right when the answer is grounded, at most 600 characters, and an expected phrase appears both
 * in the answer and in a cited snippet; an abstain question is right when the bot refuses with no
 * citations.
 */
public final class Scorer {

    /** The shared development set, present beside the repository on developer machines and in CI. */
    public static final Path SHARED_EVAL = Path.of("..", "shared", "eval");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Row> rows = new ArrayList<>();

    public static <T> List<T> read(Path file, Class<T> type) {
        try {
            List<T> cases = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    cases.add(JSON.readValue(line, type));
                }
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> existing(Path... files) {
        return java.util.Arrays.stream(files).filter(Files::isRegularFile).toList();
    }

    public void score(String set, List<EvalCase> cases, Function<String, Answer> bot) {
        for (EvalCase c : cases) {
            record(set, c, bot.apply(c.q()));
        }
    }

    public boolean record(String set, EvalCase c, Answer answer) {
        boolean right = c.abstain() ? !answer.grounded() && answer.citations().isEmpty() : answered(c, answer);
        rows.add(new Row(set, c, answer, right));
        return right;
    }

    private static boolean answered(EvalCase c, Answer answer) {
        if (!answer.grounded() || answer.answer().length() > 600) {
            return false;
        }
        String text = answer.answer().toLowerCase(Locale.ROOT);
        String cited = String.join("\n", answer.citations().stream().map(Citation::snippet).toList())
                .toLowerCase(Locale.ROOT);
        java.util.function.Predicate<String> found = p -> text.contains(p.toLowerCase(Locale.ROOT))
                && cited.contains(p.toLowerCase(Locale.ROOT));
        boolean any = c.any() == null || c.any().isEmpty() || c.any().stream().anyMatch(found);
        boolean all = c.all() == null || c.all().stream().allMatch(found);
        return any && all;
    }

    public double answeredRate() {
        return rate(false);
    }

    public double abstainedRate() {
        return rate(true);
    }

    private double rate(boolean abstain) {
        List<Row> kind = rows.stream().filter(r -> r.c.abstain() == abstain).toList();
        return kind.isEmpty() ? 1 : (double) kind.stream().filter(Row::right).count() / kind.size();
    }

    /** The score table, then every miss with what the bot said. */
    public String report() {
        StringBuilder out = new StringBuilder("\n| set | answerable right | abstain right |\n|---|---|---|\n");
        rows.stream().map(Row::set).distinct().forEach(set -> {
            List<Row> of = rows.stream().filter(r -> r.set.equals(set)).toList();
            out.append("| ").append(set).append(" | ").append(count(of, false)).append(" | ")
                    .append(count(of, true)).append(" |\n");
        });
        out.append(String.format(Locale.ROOT, "| **all** | %s (%.0f%%) | %s (%.0f%%) |%n", count(rows, false),
                100 * answeredRate(), count(rows, true), 100 * abstainedRate()));
        rows.stream().filter(r -> !r.right).forEach(r -> out.append(String.format("MISS %s %s: %s%n   -> %s%n",
                r.set, r.c.id(), r.c.q(), r.answer.answer().replace('\n', ' '))));
        return out.toString();
    }

    private static String count(List<Row> rows, boolean abstain) {
        List<Row> kind = rows.stream().filter(r -> r.c.abstain() == abstain).toList();
        return kind.stream().filter(Row::right).count() + "/" + kind.size();
    }

    private record Row(String set, EvalCase c, Answer answer, boolean right) {
    }
}
