package io.github.groundedbot.answer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Questions per channel and outcome, and answer latency per channel. */
@ApplicationScoped
public class AnswerMetrics {

    private final MeterRegistry registry;
    /** One latency timer per channel, built once: the builder and its histogram are not free per question. */
    private final Map<String, Timer> latency = new ConcurrentHashMap<>();
    /** One counter per channel and outcome, looked up once: finding a meter by its tags is not free either. */
    private final Map<Counted, Counter> questions = new ConcurrentHashMap<>();

    public AnswerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void answered(String channel, Outcome outcome, long nanos) {
        questions.computeIfAbsent(new Counted(channel, outcome),
                        c -> registry.counter("bot.questions", "channel", c.channel(), "outcome", c.outcome().json()))
                .increment();
        latency.computeIfAbsent(channel, c -> Timer.builder("bot.answer.latency")
                        .description("Time to answer a question, embedding included")
                        .tag("channel", c).publishPercentileHistogram().register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private record Counted(String channel, Outcome outcome) {
    }
}
