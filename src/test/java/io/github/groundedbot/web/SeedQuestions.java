package io.github.groundedbot.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Questions from the default fact base's evaluation set (eval/seed-questions.jsonl), so the page
 * tests ask what the fact base is known to answer, and known not to, without hard-coding either.
 */
final class SeedQuestions {

    private static final List<JsonNode> SEEDS = load();

    private SeedQuestions() {
    }

    /** A question the default fact base answers. */
    static String answerable() {
        return answerable(0);
    }

    /** The {@code index}-th question (from 0) that the default fact base answers. */
    static String answerable(int index) {
        return SEEDS.stream().filter(q -> !q.path("abstain").asBoolean(false)).skip(index).findFirst()
                .map(q -> q.get("q").asText()).orElseThrow();
    }

    /** A question the bot must refuse: nothing in the fact base answers it. */
    static String offTopic() {
        return SEEDS.stream().filter(q -> q.path("abstain").asBoolean(false)).findFirst()
                .map(q -> q.get("q").asText()).orElseThrow();
    }

    private static List<JsonNode> load() {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = SeedQuestions.class.getResourceAsStream("/eval/seed-questions.jsonl")) {
            if (in == null) {
                throw new IllegalStateException("eval/seed-questions.jsonl is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank())
                    .map(line -> {
                        try {
                            return json.readTree(line);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .filter(node -> node.hasNonNull("q"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
