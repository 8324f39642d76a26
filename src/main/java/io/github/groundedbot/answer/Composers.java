package io.github.groundedbot.answer;

import io.github.groundedbot.compose.AnswerComposer;
import io.github.groundedbot.compose.ExtractiveComposer;
import io.github.groundedbot.llm.LlmComposer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Chooses the composer: the LLM one when {@code answer.llm.base-url} is set, else the extractive one. */
public class Composers {

    @Produces
    @ApplicationScoped
    AnswerComposer composer(ExtractiveComposer extractive, LlmComposer llm) {
        return llm.enabled() ? llm : extractive;
    }
}
