package io.github.groundedbot.llm;

import java.util.List;

/**
 * Collects streamed tokens and hands out sentences once they are complete, so each one can be
 * verified before it is shown. A sentence is complete when the next one has begun and no marker
 * can still arrive for it ("... chips. [S1]" puts the marker after the full stop).
 */
final class SentenceBuffer {

    private final StringBuilder text = new StringBuilder();
    private int handedOut;

    /** The sentences this token completed, in order. */
    List<String> add(String token) {
        text.append(token);
        List<String> sentences = CitedReply.sentences(text.toString());
        int complete = sentences.size() - 1;
        if (complete > 0 && sentences.get(complete).startsWith("[")) {
            complete--; // a marker is arriving for the sentence before it
        }
        return handOut(sentences, complete);
    }

    /** The rest, once the reply has ended. */
    List<String> finish() {
        List<String> sentences = CitedReply.sentences(text.toString());
        return handOut(sentences, sentences.size());
    }

    String text() {
        return text.toString();
    }

    private List<String> handOut(List<String> sentences, int upTo) {
        if (upTo <= handedOut) {
            return List.of();
        }
        List<String> out = List.copyOf(sentences.subList(handedOut, upTo));
        handedOut = upTo;
        return out;
    }
}
