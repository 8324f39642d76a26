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
            "Who runs the project?|AGENT",
            "who do I ask for permission?|AGENT",
            "Who is the CEO?|ANY",
            "Who are Charcoal Typhoon and Salmon Typhoon?|ANY",
            "What does Redis stand for?|ANY",
            "May I use Redis on Windows?|ANY",
            "Is Redis single-threaded since version 6?|ANY",
            "What is the latest version of curl?|VERSION",
            "Which Ruby version does it need?|VERSION",
            "Which charity does the fund support?|NAMED",
            "From which state do most reports come?|NAMED",
            "Which company makes it?|NAMED",
            "What is version control?|ANY",
            "What is the difference between the free version and the paid version?|ANY",
            "What happens to my old version when I upgrade?|ANY",
            "Which payment methods do you accept?|ANY",
            "Which kinds of chips are banned?|ANY",
            "Which is better, Redis or Memcached?|ANY",
            "In which state are most quakes felt?|PLACE"})
    void theWordingSaysWhatKindOfAnswerIsAskedFor(String question, Expectation expected) {
        assertThat(QuestionTypes.expectation(question)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"How many employees does it have?|employees",
            "how many keys fit in one instance|keys",
            "How much memory does Redis need?|memory",
            "How many registered users does it have?|registered users",
            "How many working days does an authority have?|working days"})
    void howManyNamesWhatItCounts(String question, String counted) {
        assertThat(QuestionTypes.counted(question)).contains(counted);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Who won the first Giro?|won",
            "Who founded Creative Commons?|founded",
            "who first reported the plan|reported",
            "who do I ask for permission?|ask",
            "Who should we contact about a bug?|contact",
            "When was Creative Commons founded?|founded",
            "Where is the company headquartered?|headquartered",
            "When was the first race held?|held",
            "In what year was the foundation set up?|set"})
    void theVerbAskedAboutIsReadAfterWhoOrAtTheEndOfAPassive(String question, String action) {
        assertThat(QuestionTypes.action(question)).contains(action);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Who is the CEO of 01.AI?",
            "Who are the Typhoon groups?",
            "When was the first Tour de France?",
            "Where is the station?",
            "What did Nvidia do in 2022?"})
    void aQuestionAboutWhoOrWhatSomethingIsAsksNoVerb(String question) {
        assertThat(QuestionTypes.action(question)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Which charity does it support?|charity",
            "From which port does it connect?|port",
            "which states have the fewest quakes|states"})
    void whichNamesTheKindOfThingToName(String question, String kind) {
        assertThat(QuestionTypes.named(question)).contains(kind);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Which kinds of chips are banned?", "Which of these is free?",
            "Which is faster?", "What charity is it?", "Which payment methods do you accept?"})
    void whichOfAKindWhoseMembersHaveNoNamesNamesNoKind(String question) {
        assertThat(QuestionTypes.named(question)).isEmpty();
    }
}
