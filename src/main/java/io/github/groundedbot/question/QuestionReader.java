package io.github.groundedbot.question;

import io.github.groundedbot.conversation.Turn;
import io.github.groundedbot.language.FollowUpCues;
import io.github.groundedbot.language.LeadIns;
import io.github.groundedbot.language.Names;
import io.github.groundedbot.language.SmallTalk;
import io.github.groundedbot.language.TextAnalyzer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The first stage of an answer: reads a message in the light of the conversation's last turn.
 * A question with a pronoun and at most one name of its own, or an ellipsis, leans on the last
 * turn and is searched with its subjects; a question that stands alone is searched exactly as
 * typed, so a new topic never drags the old one in.
 */
@ApplicationScoped
public class QuestionReader {

    /** Most names a turn remembers as its subjects. */
    private static final int MAX_SUBJECTS = 4;
    /** Most subjects a follow-up carries: more would pull retrieval back to the last answer. */
    private static final int MAX_CARRIED = 3;

    private final TextAnalyzer analyzer;
    private final FollowUpRewriter rewriter;

    public QuestionReader(TextAnalyzer analyzer, FollowUpRewriter rewriter) {
        this.analyzer = analyzer;
        this.rewriter = rewriter;
    }

    /** Reads a validated message; {@code turns} is the conversation so far, oldest first. */
    public ReadQuestion read(String message, List<Turn> turns) {
        Optional<SmallTalk.Kind> smallTalk = SmallTalk.of(message);
        if (smallTalk.isPresent()) {
            return new ReadQuestion.SmallTalkMessage(smallTalk.get());
        }
        String question = LeadIns.strip(SmallTalk.withoutGreeting(message));
        if (turns.isEmpty()) {
            return standalone(question);
        }
        Turn last = turns.get(turns.size() - 1);
        if (FollowUpCues.asksForMore(question)) {
            return new ReadQuestion.More(QuestionProfile.of(last.query(), last.carried(), analyzer).anyAnswer(),
                    last.query(), last.carried());
        }
        // A pronoun with at most one name of its own ("What did ByteDance use it for?") leans on the
        // last turn; a question with names and no pronoun is a new topic and is left alone.
        boolean followUp = FollowUpCues.pointsBack(question) && FollowUpCues.subjects(question).size() <= 1
                || FollowUpCues.isEllipsis(question);
        List<String> subjects = followUp ? subjectsOf(last) : List.of();
        if (subjects.isEmpty()) {
            return standalone(question);
        }
        Optional<String> rewritten = rewriter.rewrite(question, turns);
        if (rewritten.isPresent()) {
            return new ReadQuestion.FollowUp(QuestionProfile.of(rewritten.get(), List.of(), analyzer),
                    rewritten.get(), List.of());
        }
        // A lone "it" points at one thing: the subject the last question asked about.
        int limit = FollowUpCues.pointsAtOne(question) ? 1 : MAX_CARRIED;
        List<String> carried = subjects.stream()
                .filter(subject -> !FollowUpCues.mentions(question, subject))
                .limit(limit)
                .toList();
        return new ReadQuestion.FollowUp(QuestionProfile.of(question, carried, analyzer), question, carried);
    }

    private ReadQuestion standalone(String question) {
        return new ReadQuestion.Standalone(QuestionProfile.of(question, List.of(), analyzer), question);
    }

    /** The names a finished turn was about, to carry into a follow-up: see {@link #subjectsOf(String, List, String)}. */
    public static List<String> subjectsOf(Turn turn) {
        return subjectsOf(turn.question(), turn.carried(), turn.answerLead());
    }

    /**
     * The names a finished turn was about, to carry into a follow-up: names from the answer that
     * the question asked about (even typed in lower case), then the question's own names, then
     * what this turn carried, then the rest of the answer's lead sentence.
     */
    public static List<String> subjectsOf(String question, List<String> carried, String answerLead) {
        List<String> ordered = new ArrayList<>();
        Names.capitalised(answerLead).stream()
                .filter(name -> FollowUpCues.mentions(question, name) && FollowUpCues.isSubject(name))
                .forEach(ordered::add);
        ordered.addAll(FollowUpCues.subjects(question));
        ordered.addAll(carried);
        ordered.addAll(FollowUpCues.subjects(answerLead));
        // One entry per name, whatever its case ("yi-34b" typed, "Yi-34B" in the answer): keep the first.
        Set<String> seen = new HashSet<>();
        return ordered.stream()
                .filter(name -> seen.add(name.toLowerCase(Locale.ROOT)))
                .limit(MAX_SUBJECTS)
                .toList();
    }
}
