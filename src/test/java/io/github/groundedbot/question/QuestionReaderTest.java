package io.github.groundedbot.question;

import io.github.groundedbot.conversation.Turn;
import io.github.groundedbot.language.Expectation;
import io.github.groundedbot.language.SmallTalk;
import io.github.groundedbot.language.TextAnalyzer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How messages are read against the last turn; no Quarkus, no model. */
class QuestionReaderTest {

    private static final Turn ABOUT_OWLS = new Turn("What do Barn Owls eat?", "What do Barn Owls eat?", List.of(),
            "In Europe, Barn Owls eat voles [1].", List.of("birds#barn-owls"), true);
    private static final List<Turn> AFTER_OWLS = List.of(ABOUT_OWLS);

    private final QuestionReader reader = new QuestionReader(new TextAnalyzer(), (followUp, turns) -> Optional.empty());

    @Test
    void firstQuestionStandsAlone() {
        ReadQuestion read = reader.read("Who released it?", List.of());
        assertThat(read).isInstanceOf(ReadQuestion.Standalone.class);
        assertThat(((ReadQuestion.Searched) read).carried()).isEmpty();
    }

    @Test
    void pronounCarriesTheLastSubjects() {
        ReadQuestion.Searched read = (ReadQuestion.Searched) reader.read("Where do they nest?", AFTER_OWLS);
        assertThat(read).isInstanceOf(ReadQuestion.FollowUp.class);
        assertThat(read.carried()).startsWith("Barn Owls");
        assertThat(read.resolved()).isEqualTo("Where do they nest? (Barn Owls, Europe)");
        assertThat(read.profile().carried()).isNotEmpty();
    }

    @Test
    void loneItCarriesOnlyTheMainSubject() {
        assertThat(((ReadQuestion.Searched) reader.read("How long does it live?", AFTER_OWLS)).carried())
                .containsExactly("Barn Owls");
    }

    @ParameterizedTest
    @ValueSource(strings = {"and when?", "Why?", "what about Snowy Owls?", "How so?"})
    void ellipsisIsAFollowUp(String question) {
        assertThat(reader.read(question, AFTER_OWLS)).isInstanceOf(ReadQuestion.FollowUp.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"What do Snowy Owls eat in Canada?", "Is there a ban on owl hunting?",
            "How many species of owls exist?"})
    void aQuestionThatStandsAloneIsSearchedAsTyped(String question) {
        ReadQuestion read = reader.read(question, AFTER_OWLS);
        assertThat(read).isInstanceOf(ReadQuestion.Standalone.class);
        assertThat(((ReadQuestion.Searched) read).profile().text()).isEqualTo(question);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tell me more", "What else?", "more please", "Tell me more about it."})
    void tellMeMoreAsksTheLastQueryAgain(String more) {
        ReadQuestion read = reader.read(more, AFTER_OWLS);
        assertThat(read).isInstanceOf(ReadQuestion.More.class);
        assertThat(((ReadQuestion.More) read).query()).isEqualTo("What do Barn Owls eat?");
        assertThat(((ReadQuestion.More) read).profile().expectation()).isEqualTo(Expectation.ANY);
    }

    @ParameterizedTest
    @CsvSource({"hello, GREETING", "Hi there!, GREETING", "what can you do?, CAPABILITIES", "thanks a lot, THANKS",
            "bye, GOODBYE"})
    void smallTalkIsReadAsSmallTalk(String message, SmallTalk.Kind kind) {
        assertThat(reader.read(message, AFTER_OWLS)).isEqualTo(new ReadQuestion.SmallTalkMessage(kind));
    }

    @Test
    void aGreetingBeforeAQuestionIsDropped() {
        ReadQuestion.Searched read = (ReadQuestion.Searched) reader.read("Hi, what do owls eat?", List.of());
        assertThat(read.query()).isEqualTo("what do owls eat?");
    }

    @Test
    void aRewrittenFollowUpReplacesTheRuleBasedReading() {
        QuestionReader withRewrites = new QuestionReader(new TextAnalyzer(),
                (followUp, turns) -> Optional.of("Where do Barn Owls nest?"));
        ReadQuestion.Searched read = (ReadQuestion.Searched) withRewrites.read("Where do they nest?", AFTER_OWLS);
        assertThat(read.resolved()).isEqualTo("Where do Barn Owls nest?");
        assertThat(read.carried()).isEmpty();
    }

    @Test
    void subjectsPreferWhatTheQuestionAskedAboutEvenInLowerCase() {
        assertThat(QuestionReader.subjectsOf("what do barn owls eat", List.of(),
                "Barn Owls in Europe eat voles, says the RSPB [1]."))
                .startsWith("Barn Owls").contains("Europe", "RSPB");
    }
}
