package io.github.groundedbot.chat;

import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.answer.InvalidQuestionException;
import io.github.groundedbot.answer.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChatRelayTest {

    /** Answers "ok", refuses "blank" as the real service would, and fails on anything else. */
    private static Answer scripted(String channel, String question, String conversationId) {
        return switch (question) {
            case "ok" -> Answer.of(Outcome.ANSWERED, "answered", conversationId);
            case "blank" -> throw new InvalidQuestionException("The question is empty.");
            default -> throw new IllegalStateException("index not ready");
        };
    }

    /** Records deliveries by destination; blocks while the gate is closed. */
    private static final class RecordingChannel implements ChatChannel<String> {
        final Map<String, Answer> delivered = new ConcurrentHashMap<>();
        final CountDownLatch gate;

        RecordingChannel(CountDownLatch gate) {
            this.gate = gate;
        }

        @Override
        public String name() {
            return "test";
        }

        @Override
        public void deliver(String destination, Answer answer) {
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delivered.put(destination, answer);
        }
    }

    private static ChatRelayConfig config(int workers, int queue) {
        return new ChatRelayConfig() {
            @Override
            public int workers() {
                return workers;
            }

            @Override
            public int queueSize() {
                return queue;
            }
        };
    }

    @Test
    void everyQuestionGetsAReplyEvenWhenAnsweringFails() {
        ChatRelay relay = new ChatRelay(ChatRelayTest::scripted, config(2, 10));
        RecordingChannel channel = new RecordingChannel(new CountDownLatch(0));
        try {
            assertTrue(relay.submit(channel, "a", "ok", "conv-a"));
            assertTrue(relay.submit(channel, "b", "blank", "conv-b"));
            assertTrue(relay.submit(channel, "c", "boom", "conv-c"));
            await().atMost(Duration.ofSeconds(10)).until(() -> channel.delivered.size() == 3);
        } finally {
            relay.stop();
        }
        assertEquals(Answer.of(Outcome.ANSWERED, "answered", "conv-a"), channel.delivered.get("a"));
        assertEquals(Answer.of(Outcome.ERROR, "The question is empty.", "conv-b"), channel.delivered.get("b"));
        assertEquals(Answer.of(Outcome.ERROR, ChatRelay.FAILURE_TEXT, "conv-c"), channel.delivered.get("c"));
    }

    @Test
    void aFullQueueRefusesInsteadOfGrowing() {
        ChatRelay relay = new ChatRelay(ChatRelayTest::scripted, config(1, 1));
        CountDownLatch gate = new CountDownLatch(1);
        RecordingChannel channel = new RecordingChannel(gate);
        try {
            assertTrue(relay.submit(channel, "running", "ok", "c1"));
            // Wait until the worker holds the first question, so the second one waits in the queue.
            await().atMost(Duration.ofSeconds(10)).until(() -> relay.queued() == 0 && relay.active() == 1);
            assertTrue(relay.submit(channel, "queued", "ok", "c2"));
            assertFalse(relay.submit(channel, "refused", "ok", "c3"));
            gate.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> channel.delivered.size() == 2);
        } finally {
            gate.countDown();
            relay.stop();
        }
        assertFalse(channel.delivered.containsKey("refused"));
    }
}
