package io.github.groundedbot.retrieval;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Library objects shared by the retrieval beans. */
public class Beans {

    @Produces
    @Singleton
    TextAnalyzer textAnalyzer() {
        return new TextAnalyzer();
    }
}
