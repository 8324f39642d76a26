package io.github.groundedbot.language;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AgentsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Maurice Garin won the first Tour de France in 1903.|Who won the first Tour de France?|won|true",
            "In 1888 John Boyd Dunlop patented an air-filled tyre.|Who came up with the air-filled tyre?|came|true",
            "The guide is the book by Ivan Ristić.|Who wrote the guide?|wrote|true",
            "According to Wired, the model did well.|Who reported on the model?|reported|true",
            "Ask the rights holder for permission.|who do I ask for permission?|ask|true",
            "WhatDoTheyKnow helps people make requests to the UK Government.|Who makes WhatDoTheyKnow?|make|false",
            "WhatDoTheyKnow Pro is a paid service for journalists.|Who paid for WhatDoTheyKnow?|paid|false",
            "Through the site you can reach local government, Parliament and the NHS.|Who makes the site?|makes|false",
            "The Giro was first held in 1909 and was organised by the newspaper.|Who won the first Giro?|won|false"})
    void aDoerIsANameOrRoleBeforeTheVerbOrCreditedByBy(String sentence, String question, String verb, boolean names) {
        assertThat(Agents.namesDoer(sentence, question, word -> Set.of(verb, verb + "s").contains(word.toLowerCase())))
                .isEqualTo(names);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "A book by Ivan Ristić covers it.|Who wrote the book?|true",
            "According to Wired, it did well.|Who reported it?|true",
            "It was organised by the newspaper.|Who won it?|false",
            "The plan was announced by Acme.|Who announced the Acme plan?|false"})
    void aTextCreditsSomeoneElseWithByOrAccordingTo(String text, String question, boolean credits) {
        assertThat(Agents.credits(text, question)).isEqualTo(credits);
    }
}
