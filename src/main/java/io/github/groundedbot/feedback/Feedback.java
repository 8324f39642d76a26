package io.github.groundedbot.feedback;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * One person's verdict on one answer, as stored (one JSON line) and listed to admins. It carries
 * no conversation id: a rating says nothing about who gave it or where that conversation went.
 *
 * @param timestamp when the server received it
 * @param question  the question asked
 * @param answer    the answer given, citation markers included
 * @param rating    {@code "up"} or {@code "down"}
 * @param comment   what the person added, if anything
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Feedback(Instant timestamp, String question, String answer, String rating, String comment) {
}
