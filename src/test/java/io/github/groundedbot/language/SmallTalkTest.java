package io.github.groundedbot.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SmallTalkTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"hi|GREETING", "Good morning!|GREETING", "hello there|GREETING",
            "What can you do?|CAPABILITIES", "help|CAPABILITIES", "Thanks a lot!|THANKS", "ok|THANKS",
            "bye|GOODBYE"})
    void smallTalkByKind(String message, SmallTalk.Kind kind) {
        assertThat(SmallTalk.of(message)).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hi, what is Redis?", "What can Redis do?", "thanks to whom was it built?", "Help with BGSAVE"})
    void questionsAreNotSmallTalk(String message) {
        assertThat(SmallTalk.of(message)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Hi, what is Redis?|what is Redis?", "Hello there! Who made it?|Who made it?",
            "What is Redis?|What is Redis?", "hi|hi"})
    void aGreetingBeforeAQuestionIsDropped(String message, String question) {
        assertThat(SmallTalk.withoutGreeting(message)).isEqualTo(question);
    }
}
