package io.github.groundedbot.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpCuesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Who released it?|true",
            "What did they do next?|true",
            "Where is the company based?|true",
            "Is there a ban on exports?|false",
            "Are there limits on keys?|false",
            "What is Yi-34B?|false"})
    void pronounsPointBackButAnExistentialThereDoesNot(String question, boolean pointsBack) {
        assertThat(FollowUpCues.pointsBack(question)).isEqualTo(pointsBack);
    }

    @ParameterizedTest
    @ValueSource(strings = {"and when?", "Why?", "what about Huawei?", "How so?", "So?"})
    void ellipsis(String question) {
        assertThat(FollowUpCues.isEllipsis(question)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Why does Redis use memory?", "When was it founded?", "Andorra is where?"})
    void aWholeQuestionIsNoEllipsis(String question) {
        assertThat(FollowUpCues.isEllipsis(question)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"tell me more|true", "What else?|true", "More please.|true",
            "Tell me more about it|true", "Tell me more about Huawei|false", "more memory?|false"})
    void tellMeMore(String question, boolean more) {
        assertThat(FollowUpCues.asksForMore(question)).isEqualTo(more);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"How long does it live?|true", "What are their names?|false",
            "Did it stop them?|false"})
    void aLoneItPointsAtOneThing(String question, boolean one) {
        assertThat(FollowUpCues.pointsAtOne(question)).isEqualTo(one);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"What did Huawei make?|huawei|true", "Huawei's chips?|HUAWEI|true",
            "Is Yi-34B open?|Yi-34B|true", "Is Yi-34B2 open?|Yi-34B|false", "What is Huaweis plan?|Huawei|false",
            "Did Huaweis rival beat Huawei?|Huawei|true", "Was 01.AI first?|01.AI|true"})
    void aNameIsMentionedAsAWholeWordInAnyCase(String text, String name, boolean mentioned) {
        assertThat(FollowUpCues.mentions(text, name)).isEqualTo(mentioned);
    }
}
