package io.github.groundedbot.question;

import io.github.groundedbot.conversation.Turn;

import java.util.List;
import java.util.Optional;

/** Rewrites a follow-up as a standalone question (e.g. with an LLM); empty keeps the rule-based reading. */
public interface FollowUpRewriter {

    Optional<String> rewrite(String followUp, List<Turn> turns);
}
