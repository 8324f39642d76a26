package io.github.groundedbot.llm;

import io.github.groundedbot.compose.Deltas;

/**
 * An LLM reply on its way to the person: tokens are buffered into sentences, each sentence is
 * verified by the {@link CitedReply}, and only a verified one goes out as a delta. The deltas
 * concatenate to the verified answer. Not thread-safe: one per reply, fed from one thread.
 */
final class VerifiedStream {

    private final SentenceBuffer buffer = new SentenceBuffer();
    private final CitedReply reply;
    private final Deltas deltas;
    private int sent;

    VerifiedStream(CitedReply reply, Deltas deltas) {
        this.reply = reply;
        this.deltas = deltas;
    }

    /** Takes the next token; any sentence it completes is verified and, if it passes, sent. */
    void add(String token) {
        buffer.add(token).forEach(this::send);
    }

    /** The reply has ended: the last sentence is verified and sent too. */
    void finish() {
        buffer.finish().forEach(this::send);
    }

    /** How many verified sentences went out. */
    int sent() {
        return sent;
    }

    /** Everything the model wrote, verified or not, for the log. */
    String text() {
        return buffer.text();
    }

    CitedReply reply() {
        return reply;
    }

    private void send(String sentence) {
        reply.accept(sentence).ifPresent(shown -> deltas.accept(sent++ == 0 ? shown : " " + shown));
    }
}
