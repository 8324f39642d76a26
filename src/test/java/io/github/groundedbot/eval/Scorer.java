package io.github.groundedbot.eval;

import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.answer.Citation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scores answers the way {@code ../shared/eval/README.md} describes: an answerable question is
 * right when the answer is grounded, at most 600 characters, and an expected phrase appears both
 * in the answer and in a cited snippet; a question to refuse is right when the bot refuses with no
 * citations. A grounded reply that is not right for want of the fact, or that answers what should be
 * refused, is <b>confidently wrong</b>.
 */
public final class Scorer {

    /** Longest answer that still counts as concise: one to three sentences, not a pasted passage. */
    public static final int MAX_ANSWER_CHARS = 600;

    /** What became of one question; every value but {@link #RIGHT} is a miss. */
    public enum Verdict {
        RIGHT("right"),
        ANSWERED_WITHOUT_FACT("answered with a sentence lacking the asked fact (confidently wrong)"),
        ANSWERED_REFUSABLE("answered what should be refused (confidently wrong)"),
        REFUSED_ANSWERABLE("refused an answerable question"),
        TOO_LONG("answered with the fact, but in more than " + MAX_ANSWER_CHARS + " characters"),
        REFUSED_WITH_CITATIONS("refused, but cited snippets");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public boolean confidentlyWrong() {
            return this == ANSWERED_WITHOUT_FACT || this == ANSWERED_REFUSABLE;
        }
    }

    /** One set's counts: answerable questions answered right, questions to refuse refused right, confidently wrong replies. */
    public record SetScore(String set, long answeredRight, long answerable, long refusedRight, long refusable,
                           long confidentlyWrong) {
    }

    /** The least a set must score: answered right, refused right, and the most confidently wrong replies allowed. */
    public record Floors(int minAnswered, int minRefused, int maxConfidentlyWrong) {
    }

    private final List<Row> rows = new ArrayList<>();

    /** Asks every question of a set; a set without questions is a broken test, not a perfect score. */
    public void score(String set, List<EvalCase> cases, Function<String, Answer> bot) {
        if (cases.isEmpty()) {
            throw new IllegalArgumentException("Question set '" + set + "' has no questions");
        }
        for (EvalCase c : cases) {
            record(set, c, bot.apply(c.q()));
        }
    }

    public Verdict record(String set, EvalCase c, Answer answer) {
        Verdict verdict = judge(c, answer);
        rows.add(new Row(set, c, answer, verdict));
        return verdict;
    }

    static Verdict judge(EvalCase c, Answer answer) {
        if (c.abstain()) {
            if (answer.grounded()) {
                return Verdict.ANSWERED_REFUSABLE;
            }
            return answer.citations().isEmpty() ? Verdict.RIGHT : Verdict.REFUSED_WITH_CITATIONS;
        }
        if (!answer.grounded()) {
            return Verdict.REFUSED_ANSWERABLE;
        }
        if (!holdsExpectedPhrases(c, answer)) {
            return Verdict.ANSWERED_WITHOUT_FACT;
        }
        return answer.answer().length() > MAX_ANSWER_CHARS ? Verdict.TOO_LONG : Verdict.RIGHT;
    }

    private static boolean holdsExpectedPhrases(EvalCase c, Answer answer) {
        String text = answer.answer().toLowerCase(Locale.ROOT);
        String cited = answer.citations().stream().map(Citation::snippet).collect(Collectors.joining("\n"))
                .toLowerCase(Locale.ROOT);
        Predicate<String> found = phrase -> text.contains(phrase.toLowerCase(Locale.ROOT))
                && cited.contains(phrase.toLowerCase(Locale.ROOT));
        boolean any = c.any() == null || c.any().isEmpty() || c.any().stream().anyMatch(found);
        boolean all = c.all() == null || c.all().stream().allMatch(found);
        return any && all;
    }

    /** Share of answerable questions answered right, over every set; fails when there were none. */
    public double answeredRate() {
        SetScore total = total();
        return rate(total.answeredRight(), total.answerable(), "answerable");
    }

    /** Share of questions to refuse refused right, over every set; fails when there were none. */
    public double abstainedRate() {
        SetScore total = total();
        return rate(total.refusedRight(), total.refusable(), "to refuse");
    }

    private static double rate(long right, long of, String kind) {
        if (of == 0) {
            throw new IllegalStateException("No questions " + kind + " were scored");
        }
        return (double) right / of;
    }

    public SetScore set(String set) {
        List<Row> of = rows.stream().filter(r -> r.set.equals(set)).toList();
        if (of.isEmpty()) {
            throw new IllegalArgumentException("No set '" + set + "' was scored");
        }
        return count(set, of);
    }

    public SetScore total() {
        return count("all", rows);
    }

    private static SetScore count(String set, List<Row> rows) {
        return new SetScore(set,
                rows.stream().filter(r -> !r.c.abstain() && r.verdict == Verdict.RIGHT).count(),
                rows.stream().filter(r -> !r.c.abstain()).count(),
                rows.stream().filter(r -> r.c.abstain() && r.verdict == Verdict.RIGHT).count(),
                rows.stream().filter(r -> r.c.abstain()).count(),
                rows.stream().filter(r -> r.verdict.confidentlyWrong()).count());
    }

    /** Asserts that one set scores at least its floors. */
    public void assertSet(String set, Floors floors) {
        SetScore score = set(set);
        String report = report();
        assertThat(score.answeredRight()).as("%s answered right%s", set, report)
                .isGreaterThanOrEqualTo(floors.minAnswered());
        assertThat(score.refusedRight()).as("%s refused right%s", set, report)
                .isGreaterThanOrEqualTo(floors.minRefused());
        assertThat(score.confidentlyWrong()).as("%s confidently wrong%s", set, report)
                .isLessThanOrEqualTo(floors.maxConfidentlyWrong());
    }

    /** Asserts that every question of every set was right. */
    public void assertAllRight() {
        assertThat(rows).as("questions scored").isNotEmpty();
        assertThat(rows.stream().filter(r -> r.verdict != Verdict.RIGHT).count()).as(report()).isZero();
    }

    /** The score table, one row per set, then every miss with what the bot said, grouped by what went wrong. */
    public String report() {
        StringBuilder out = new StringBuilder(
                "\n| set | answered right | refused right | confidently wrong |\n|---|---|---|---|\n");
        List<String> sets = rows.stream().map(Row::set).distinct().toList();
        sets.forEach(set -> out.append(tableRow(set(set))));
        if (sets.size() > 1) {
            out.append(tableRow(total()));
        }
        for (Verdict verdict : Arrays.stream(Verdict.values()).filter(v -> v != Verdict.RIGHT).toList()) {
            List<Row> misses = rows.stream().filter(r -> r.verdict == verdict).toList();
            if (!misses.isEmpty()) {
                out.append('\n').append(misses.size()).append(" ").append(verdict.label).append(":\n");
                misses.forEach(r -> out.append(r.describe()));
            }
        }
        return out.toString();
    }

    private static String tableRow(SetScore s) {
        return "| %s | %d/%d | %d/%d | %d |%n".formatted(s.set(), s.answeredRight(), s.answerable(), s.refusedRight(),
                s.refusable(), s.confidentlyWrong());
    }

    private record Row(String set, EvalCase c, Answer answer, Verdict verdict) {

        String describe() {
            String expected = c.abstain() ? "refuse"
                    : c.all() != null ? "all of " + c.all() : "any of " + c.any();
            String cites = answer.citations().stream().map(Citation::id).collect(Collectors.joining(", "));
            return "- %s %s: %s (expected: %s)%n    -> %s%s%n".formatted(set, c.id(), c.q(), expected,
                    answer.answer().replace('\n', ' '), cites.isEmpty() ? "" : " [cites " + cites + "]");
        }
    }
}
