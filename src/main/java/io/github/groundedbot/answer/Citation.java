package io.github.groundedbot.answer;

import java.time.LocalDate;

/**
 * A cited snippet.
 *
 * @param snippet the snippet's full text
 * @param score   how strongly the snippet matched the question (cosine similarity, 0..1 in practice)
 */
public record Citation(String id, String title, String source, String url, LocalDate published, String snippet,
                       double score) {
}
