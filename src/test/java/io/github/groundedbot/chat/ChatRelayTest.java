package io.github.groundedbot.chat;

import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.answer.InvalidQuestionException;
import io.github.groundedbot.answer.Outcome;
import io.github.groundedbot.limits.Admission;
import io.github.groundedbot.limits.Admissions;
import io.github.groundedbot.limits.ClientKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
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

    private static final ClientKey PERSON = new ClientKey.ChatUser("test", "T1:U1");
    private static final ClientKey SOMEONE_ELSE = new ClientKey.ChatUser("test", "T1:U2");

    @Test
    void everyQuestionGetsAReplyEvenWhenAnsweringFails() {
        ChatRelay relay = new ChatRelay(ChatRelayTest::scripted, Admissions.withLimits(Map.of()), config(2, 10));
        RecordingChannel channel = new RecordingChannel(new CountDownLatch(0));
        try {
            assertTrue(relay.submit(channel, "a", PERSON, "ok", "conv-a"));
            assertTrue(relay.submit(channel, "b", PERSON, "blank", "conv-b"));
            assertTrue(relay.submit(channel, "c", PERSON, "boom", "conv-c"));
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
        ChatRelay relay = new ChatRelay(ChatRelayTest::scripted, Admissions.withLimits(Map.of()), config(1, 1));
        CountDownLatch gate = new CountDownLatch(1);
        RecordingChannel channel = new RecordingChannel(gate);
        try {
            assertTrue(relay.submit(channel, "running", PERSON, "ok", "c1"));
            // Wait until the worker holds the first question, so the second one waits in the queue.
            await().atMost(Duration.ofSeconds(10)).until(() -> relay.queued() == 0 && relay.active() == 1);
            assertTrue(relay.submit(channel, "queued", PERSON, "ok", "c2"));
            assertFalse(relay.submit(channel, "refused", PERSON, "ok", "c3"));
            gate.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> channel.delivered.size() == 2);
        } finally {
            gate.countDown();
            relay.stop();
        }
        assertFalse(channel.delivered.containsKey("refused"));
    }

    @Test
    void answerWithinReturnsTheAnswerOrSaysWhyNot() {
        ChatRelay relay = new ChatRelay(ChatRelayTest::scripted, Admissions.withLimits(Map.of()), config(1, 10));
        try {
            assertEquals(Answer.of(Outcome.ANSWERED, "answered", "w1"),
                    relay.answerWithin("test", PERSON, "ok", "w1", Duration.ofSeconds(10)));
            assertEquals(Answer.of(Outcome.ERROR, "The question is empty.", "w2"),
                    relay.answerWithin("test", PERSON, "blank", "w2", Duration.ofSeconds(10)));
            assertEquals(Answer.of(Outcome.ERROR, ChatRelay.FAILURE_TEXT, "w3"),
                    relay.answerWithin("test", PERSON, "boom", "w3", Duration.ofSeconds(10)));
        } finally {
            relay.stop();
        }
    }

    @Test
    void answerWithinGivesUpInTimeAndFreesTheWorker() {
        CountDownLatch started = new CountDownLatch(1);
        ChatRelay relay = new ChatRelay((channel, question, id) -> {
            if (question.equals("slow")) {
                started.countDown();
                try {
                    Thread.sleep(Duration.ofMinutes(1).toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
            }
            return scripted(channel, question, id);
        }, Admissions.withLimits(Map.of()), config(1, 10));
        try {
            Answer late = relay.answerWithin("test", PERSON, "slow", "s1", Duration.ofMillis(200));
            assertEquals(Answer.of(Outcome.ERROR, ChatRelay.TOO_SLOW_TEXT, "s1"), late);
            assertEquals(0, started.getCount(), "the question had reached a worker");
            // The one worker was released, so the next question is answered rather than waiting a minute.
            assertEquals(Outcome.ANSWERED, relay.answerWithin("test", PERSON, "ok", "s2", Duration.ofSeconds(10)).outcome());
        } finally {
            relay.stop();
        }
    }

    @Test
    void answerWithinSaysBusyWhenTheQueueIsFull() {
        ChatRelay relay = new ChatRelay(ChatRelayTest::scripted, Admissions.withLimits(Map.of()), config(1, 1));
        CountDownLatch gate = new CountDownLatch(1);
        RecordingChannel channel = new RecordingChannel(gate);
        try {
            assertTrue(relay.submit(channel, "running", PERSON, "ok", "c1"));
            await().atMost(Duration.ofSeconds(10)).until(() -> relay.queued() == 0 && relay.active() == 1);
            assertTrue(relay.submit(channel, "queued", PERSON, "ok", "c2"));
            assertEquals(Answer.of(Outcome.ERROR, ChatRelay.BUSY_TEXT, "c3"),
                    relay.answerWithin("test", PERSON, "ok", "c3", Duration.ofSeconds(10)));
        } finally {
            gate.countDown();
            relay.stop();
        }
    }

    @Test
    void aPersonOverTheirRateIsToldSoWhileOthersAreAnswered() {
        Admission admission = Admissions.withLimits(Map.of("burst", "1", "questions-per-minute", "1"));
        ChatRelay relay = new ChatRelay(ChatRelayTest::scripted, admission, config(2, 10));
        RecordingChannel channel = new RecordingChannel(new CountDownLatch(0));
        try {
            assertTrue(relay.submit(channel, "first", PERSON, "ok", "c1"));
            assertTrue(relay.submit(channel, "second", PERSON, "ok", "c1"));
            assertTrue(relay.submit(channel, "other", SOMEONE_ELSE, "ok", "c2"));
            await().atMost(Duration.ofSeconds(10)).until(() -> channel.delivered.size() == 3);
        } finally {
            relay.stop();
        }
        assertEquals(Outcome.ANSWERED, channel.delivered.get("first").outcome());
        Answer refused = channel.delivered.get("second");
        assertEquals(Outcome.ERROR, refused.outcome());
        assertThat(refused.answer()).startsWith("Too many questions").contains("retry in");
        assertEquals(Outcome.ANSWERED, channel.delivered.get("other").outcome());
    }

    @Test
    void questionsThatFindEveryPlaceTakenAreToldTheBotIsBusy() throws Exception {
        Admission admission = Admissions.withLimits(Map.of("max-in-flight", "1", "in-flight-wait", "50ms"));
        ChatRelay relay = new ChatRelay(ChatRelayTest::scripted, admission, config(2, 10));
        RecordingChannel channel = new RecordingChannel(new CountDownLatch(0));
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // A REST or WebSocket question holds the only place; the relay shares it with them.
        Thread other = new Thread(() -> admission.answer(() -> {
            holding.countDown();
            return awaitRelease(release);
        }));
        other.start();
        try {
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            assertTrue(relay.submit(channel, "shed", PERSON, "ok", "c1"));
            await().atMost(Duration.ofSeconds(10)).until(() -> channel.delivered.size() == 1);
        } finally {
            release.countDown();
            other.join();
            relay.stop();
        }
        Answer shed = channel.delivered.get("shed");
        assertEquals(Outcome.ERROR, shed.outcome());
        assertThat(shed.answer()).contains("too many questions right now");
    }

    private static boolean awaitRelease(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
