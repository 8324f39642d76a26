package io.github.groundedbot.retrieval;

import io.github.groundedbot.language.TextAnalyzer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Library objects shared by the retrieval beans. */
@ApplicationScoped
public class Beans {

    @Produces
    @Singleton
    TextAnalyzer textAnalyzer() {
        return new TextAnalyzer();
    }
}
