package io.github.groundedbot.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionTypesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "When did Huawei start making chips?|TIME",
            "What year was the first Tour de France?|TIME",
            "In what year did the ban start?|TIME",
            "How many keys can Redis hold?|QUANTITY",
            "how much memory does it use|QUANTITY",
            "Why does Redis keep data in memory?|REASON",
            "What is the main reason for the ban?|REASON",
            "How come it failed?|REASON",
            "What did ByteDance use ChatGPT for?|PURPOSE",
            "Which purpose does the fund serve?|PURPOSE",
            "Where do earthquakes occur?|PLACE",
            "In which country are most bicycles made?|PLACE",
            "Where does the name Redis come from?|ANY",
            "What is Yi-34B?|ANY",
            "Who runs the project?|ANY",
            "May I use Redis on Windows?|ANY",
            "Is Redis single-threaded since version 6?|ANY"})
    void theWordingSaysWhatKindOfAnswerIsAskedFor(String question, Expectation expected) {
        assertThat(QuestionTypes.expectation(question)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"How many employees does it have?|employees",
            "how many keys fit in one instance|keys",
            "How much memory does Redis need?|memory"})
    void howManyNamesWhatItCounts(String question, String counted) {
        assertThat(QuestionTypes.counted(question)).contains(counted);
    }
}
