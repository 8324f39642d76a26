package io.github.groundedbot.conversation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpsTest {

    private static final Turn ABOUT_OWLS = new Turn("What do Barn Owls eat?", "What do Barn Owls eat?", List.of(),
            List.of("Barn Owls", "Europe"), List.of("birds#barn-owls"), true);

    @Test
    void firstQuestionStandsAlone() {
        var reading = FollowUps.read("Who released it?", Optional.empty());
        assertThat(reading.kind()).isEqualTo(FollowUps.Reading.Kind.STANDALONE);
        assertThat(reading.subjects()).isEmpty();
    }

    @Test
    void pronounCarriesTheLastSubject() {
        var reading = FollowUps.read("Where do they nest?", Optional.of(ABOUT_OWLS));
        assertThat(reading.kind()).isEqualTo(FollowUps.Reading.Kind.FOLLOW_UP);
        assertThat(reading.subjects()).startsWith("Barn Owls");
        assertThat(reading.resolved()).isEqualTo("Where do they nest? (Barn Owls, Europe)");
    }

    @Test
    void loneItCarriesOnlyTheMainSubject() {
        assertThat(FollowUps.read("How long does it live?", Optional.of(ABOUT_OWLS)).subjects())
                .containsExactly("Barn Owls");
    }

    @Test
    void ellipsisIsAFollowUp() {
        assertThat(FollowUps.read("and when?", Optional.of(ABOUT_OWLS)).kind())
                .isEqualTo(FollowUps.Reading.Kind.FOLLOW_UP);
        assertThat(FollowUps.read("Why?", Optional.of(ABOUT_OWLS)).kind())
                .isEqualTo(FollowUps.Reading.Kind.FOLLOW_UP);
    }

    @Test
    void newTopicIsLeftAlone() {
        var reading = FollowUps.read("What do Snowy Owls eat in Canada?", Optional.of(ABOUT_OWLS));
        assertThat(reading.kind()).isEqualTo(FollowUps.Reading.Kind.STANDALONE);
        assertThat(reading.query()).isEqualTo("What do Snowy Owls eat in Canada?");
    }

    @Test
    void tellMeMoreAsksTheLastQueryAgain() {
        for (String more : List.of("tell me more", "What else?", "more please", "Tell me more about it.")) {
            var reading = FollowUps.read(more, Optional.of(ABOUT_OWLS));
            assertThat(reading.kind()).as(more).isEqualTo(FollowUps.Reading.Kind.MORE);
            assertThat(reading.query()).isEqualTo("What do Barn Owls eat?");
        }
    }

    @Test
    void subjectsPreferWhatTheQuestionAskedAboutEvenInLowerCase() {
        assertThat(FollowUps.subjectsOf("what do barn owls eat", List.of(),
                "Barn Owls in Europe eat voles, says the RSPB [1]."))
                .startsWith("Barn Owls").contains("Europe", "RSPB");
    }
}
