package io.github.groundedbot.curation;

import java.time.Instant;

/**
 * A question the bot refused, as the curators' log keeps it: its text and when it was asked, nothing
 * else (no conversation id, no address, no user).
 *
 * @param at       when it was asked
 * @param question the question as the bot read it
 */
public record UnansweredQuestion(Instant at, String question) {
}
