package io.github.groundedbot.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LeadInsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Different question: what is Huawei working on?|what is Huawei working on?",
            "Another question - who made it?|who made it?",
            "Quick question, is Redis single-threaded?|is Redis single-threaded?",
            "I have a question: where do earthquakes occur?|where do earthquakes occur?",
            "One more question: why?|why?",
            "By the way, who won?|who won?",
            "On another note: also, what does it cost?|what does it cost?",
            "Changing the subject. What is Yi-34B?|What is Yi-34B?"})
    void aLeadInBeforeAQuestionIsDropped(String message, String question) {
        assertThat(LeadIns.strip(message)).isEqualTo(question);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "What is the question Redis answers?", "Which question did the survey ask?",
            "Also known as what?", "question", "Another question:", "By the way Redis is fast"})
    void aMessageThatIsNotALeadInStaysWhole(String message) {
        assertThat(LeadIns.strip(message)).isEqualTo(message);
    }
}
