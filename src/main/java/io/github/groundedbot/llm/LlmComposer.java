package io.github.groundedbot.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.github.groundedbot.conversation.Turn;
import io.github.groundedbot.compose.AnswerComposer;
import io.github.groundedbot.compose.Composition;
import io.github.groundedbot.compose.Deltas;
import io.github.groundedbot.compose.Draft;
import io.github.groundedbot.compose.ExtractiveComposer;
import io.github.groundedbot.grounding.Evidence;
import io.github.groundedbot.knowledge.Snippet;
import io.github.groundedbot.language.FollowUpCues;
import io.github.groundedbot.language.Names;
import io.github.groundedbot.question.FollowUpRewriter;
import jakarta.enterprise.inject.Typed;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.LinkedHashSet;
import java.util.function.Consumer;

/**
 * Composes answers with an OpenAI-compatible chat model through langchain4j ({@link LlmConfig}).
 * The model sees only the supporting snippets and the conversation's recent questions, and every
 * sentence it writes is checked by {@link CitedReply} before anyone sees it. Any failure (timeout,
 * HTTP error, rate limit, a reply that does not verify) leaves the extractive answer in place,
 * with a log line and the counter {@code bot.llm.fallback{stage, reason}}.
 */
@ApplicationScoped
@Typed({LlmComposer.class, FollowUpRewriter.class})
public class LlmComposer implements AnswerComposer, FollowUpRewriter {

    private static final Logger LOG = Logger.getLogger(LlmComposer.class);
    /** The HTTP client's timeout should fire first; this bounds everything else (DNS, a stuck stream). */
    private static final Duration DEADLINE_MARGIN = Duration.ofSeconds(1);
    private static final int RECENT_TURNS = 3;
    private static final int MAX_SNIPPETS = 5;
    private static final int MAX_REWRITE_CHARS = 300;
    private static final Object DONE = new Object();

    static final String PHRASE_INSTRUCTIONS = """
            You reword answers for a question-answering bot that must never state anything its sources do not say.
            Answer the question using only the facts in the snippets below. Do not add facts, names, numbers or \
            dates that the snippets do not contain, and do not use outside knowledge.
            End every sentence with the ids of the snippets it relies on, in square brackets, before the full stop, \
            for example: "Huawei designs its own AI chips [S1]." Use only the ids given, such as [S1] or [S1][S2].
            Answer in one to three short sentences, under 500 characters, as plain text: no lists, no markdown, \
            no preamble.
            If the snippets do not answer the question, reply exactly NO_ANSWER and nothing else.""";
    static final String REWRITE_INSTRUCTIONS = """
            Rewrite the user's follow-up question as one standalone question, using the earlier questions of the \
            conversation to say what it refers to. Reply with the rewritten question only, on one line, without \
            quotes. Do not answer it.""";

    private final LlmConfig config;
    private final ExtractiveComposer extractive;
    private final MeterRegistry registry;
    private final ChatModel chat;
    private final StreamingChatModel streaming;
    private final ExecutorService calls;

    public LlmComposer(LlmConfig config, ExtractiveComposer extractive, MeterRegistry registry) {
        this.config = config;
        this.extractive = extractive;
        this.registry = registry;
        if (config.baseUrl().isEmpty()) {
            this.chat = null;
            this.streaming = null;
            this.calls = null;
            return;
        }
        String baseUrl = config.baseUrl().get();
        String apiKey = config.apiKey().filter(key -> !key.isBlank()).orElse(null);
        this.chat = OpenAiChatModel.builder()
                .baseUrl(baseUrl).apiKey(apiKey).modelName(config.model())
                .temperature(config.temperature()).maxTokens(config.maxTokens()).timeout(config.timeout())
                .maxRetries(0) // a retry would double the wait; the extractive answer is ready now
                .build();
        this.streaming = OpenAiStreamingChatModel.builder()
                .baseUrl(baseUrl).apiKey(apiKey).modelName(config.model())
                .temperature(config.temperature()).maxTokens(config.maxTokens()).timeout(config.timeout())
                .build();
        this.calls = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "llm-call");
            thread.setDaemon(true);
            return thread;
        });
        LOG.infof("Answers are phrased by the LLM '%s' at %s (query rewriting %s)", config.model(), baseUrl,
                config.rewriteQueries() ? "on" : "off");
    }

    @PreDestroy
    void close() {
        if (calls != null) {
            calls.shutdownNow();
        }
    }

    /** False when no LLM is configured ({@code answer.llm.base-url} unset). */
    public boolean enabled() {
        return chat != null;
    }

    /**
     * The LLM's wording of the extractive draft's facts, every sentence verified; the extractive
     * draft itself when the LLM fails or its reply does not verify. Refusals never get here: with no
     * extractive draft there is nothing to phrase.
     */
    @Override
    public Optional<Draft> compose(Composition composition, Deltas deltas) {
        Optional<Draft> draft = extractive.draft(composition);
        if (draft.isEmpty() || !enabled()) {
            draft.ifPresent(d -> deltas.sentences(d.sentences()));
            return draft;
        }
        String question = composition.question().resolved();
        List<Evidence> snippets = snippets(draft.get(), composition).stream().limit(MAX_SNIPPETS).toList();
        List<ChatMessage> messages = List.of(SystemMessage.from(PHRASE_INSTRUCTIONS),
                UserMessage.from(phrasePrompt(question, snippets, composition.turns())));
        CitedReply reply = new CitedReply(snippets, question);
        Optional<Draft> phrased = deltas.streaming() ? streamed(messages, reply, deltas::accept)
                : whole(messages, reply, deltas::accept);
        if (phrased.isPresent()) {
            return phrased;
        }
        deltas.sentences(draft.get().sentences());
        return draft;
    }

    /** What the LLM may use: the snippets the extractive draft quotes, then the other supporting ones. */
    private static List<Evidence> snippets(Draft draft, Composition composition) {
        LinkedHashSet<Evidence> snippets = new LinkedHashSet<>(draft.cited());
        snippets.addAll(composition.grounding().supporting());
        return List.copyOf(snippets);
    }

    private Optional<Draft> whole(List<ChatMessage> messages, CitedReply reply,
                                                        Consumer<String> deltas) {
        String text;
        try {
            text = call(messages);
        } catch (Failure failure) {
            return fallback("phrase", failure.reason, failure.getCause());
        }
        CitedReply.sentences(text).forEach(reply::accept);
        Optional<Draft> verified = verified(text, reply);
        verified.ifPresent(c -> Deltas.streamedTo(deltas).sentences(c.sentences()));
        return verified;
    }

    /** Tokens are buffered into sentences; each is verified before it goes out as a delta. */
    private Optional<Draft> streamed(List<ChatMessage> messages, CitedReply reply,
                                                           Consumer<String> deltas) {
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        try {
            streaming.chat(messages, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String token) {
                    events.add(token);
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    events.add(DONE);
                }

                @Override
                public void onError(Throwable error) {
                    events.add(error);
                }
            });
        } catch (RuntimeException e) {
            return fallback("phrase", reason(e), e);
        }
        SentenceBuffer buffer = new SentenceBuffer();
        int[] sent = {0};
        Consumer<String> verifyAndSend = sentence -> reply.accept(sentence)
                .ifPresent(shown -> deltas.accept(sent[0]++ == 0 ? shown : " " + shown));
        long deadline = System.nanoTime() + config.timeout().plus(DEADLINE_MARGIN).toNanos();
        String failed = null;
        Throwable cause = null;
        while (true) {
            Object event;
            try {
                event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = "interrupted";
                break;
            }
            if (event == null) {
                failed = "timeout";
                break;
            } else if (event instanceof Throwable error) {
                failed = reason(error);
                cause = error;
                break;
            } else if (event == DONE) {
                buffer.finish().forEach(verifyAndSend);
                break;
            }
            buffer.add((String) event).forEach(verifyAndSend);
        }
        if (failed != null) {
            if (reply.isEmpty()) {
                return fallback("phrase", failed, cause);
            }
            // What went out was verified; the answer ends there rather than contradicting the deltas.
            LOG.warnf("The LLM stream broke off (%s); answering with the %s verified sentence(s) already sent",
                    failed, sent[0]);
            registry.counter("bot.llm.cut-short", "reason", failed).increment();
            return Optional.of(reply.composed());
        }
        return verified(buffer.text(), reply);
    }

    private Optional<Draft> verified(String text, CitedReply reply) {
        if (reply.isEmpty()) {
            String reason = text.strip().startsWith(CitedReply.NO_ANSWER) ? "no-answer"
                    : reply.sawMarker() ? "unverified" : "malformed";
            LOG.debugf("LLM reply not used (%s): %s", reason, text);
            return fallback("phrase", reason, null);
        }
        if (reply.dropped() > 0) {
            LOG.debugf("Dropped %d unverified sentence(s) from the LLM reply: %s", reply.dropped(), text);
        }
        registry.counter("bot.llm.phrased").increment();
        return Optional.of(reply.composed());
    }

    @Override
    public Optional<String> rewrite(String followUp, List<Turn> turns) {
        if (!enabled() || !config.rewriteQueries() || turns.isEmpty()) {
            return Optional.empty();
        }
        String text;
        try {
            text = call(List.of(SystemMessage.from(REWRITE_INSTRUCTIONS),
                    UserMessage.from(rewritePrompt(followUp, turns))));
        } catch (Failure failure) {
            fallback("rewrite", failure.reason, failure.getCause());
            return Optional.empty();
        }
        String question = text.strip().replaceAll("^[\"'“”]+|[\"'“”]+$", "").strip();
        if (!plausibleRewrite(question, followUp, turns)) {
            LOG.debugf("LLM rewrite not used: %s", text);
            fallback("rewrite", "unverified", null);
            return Optional.empty();
        }
        return Optional.of(question);
    }

    /** One line, a question, and no name the conversation has not mentioned: retrieval must not be steered off it. */
    static boolean plausibleRewrite(String question, String followUp, List<Turn> turns) {
        if (question.length() < 3 || question.length() > MAX_REWRITE_CHARS || question.contains("\n")
                || !question.endsWith("?") || question.contains(CitedReply.NO_ANSWER)) {
            return false;
        }
        Set<String> known = new HashSet<>();
        FollowUpCues.subjects(followUp).forEach(name -> known.add(name.toLowerCase(Locale.ROOT)));
        StringBuilder said = new StringBuilder(followUp.toLowerCase(Locale.ROOT));
        for (Turn turn : turns) {
            said.append('\n').append(turn.question().toLowerCase(Locale.ROOT));
            turn.subjects().forEach(name -> known.add(name.toLowerCase(Locale.ROOT)));
        }
        return Names.in(question).stream()
                .map(name -> name.toLowerCase(Locale.ROOT).replaceAll("['’]s$", ""))
                .allMatch(name -> known.contains(name) || said.indexOf(name) >= 0);
    }

    static String phrasePrompt(String question, List<Evidence> snippets, List<Turn> turns) {
        StringBuilder prompt = new StringBuilder("Snippets:\n");
        for (int i = 0; i < snippets.size(); i++) {
            Snippet snippet = snippets.get(i).candidate().snippet();
            prompt.append("[S").append(i + 1).append("] ").append(snippet.title()).append(": ")
                    .append(snippet.text().replaceAll("\\s+", " ").strip()).append('\n');
        }
        appendTurns(prompt, turns);
        return prompt.append("\nQuestion: ").append(question).toString();
    }

    static String rewritePrompt(String followUp, List<Turn> turns) {
        StringBuilder prompt = new StringBuilder();
        appendTurns(prompt, turns);
        return prompt.append("\nFollow-up question: ").append(followUp).toString();
    }

    private static void appendTurns(StringBuilder prompt, List<Turn> turns) {
        if (turns.isEmpty()) {
            return;
        }
        prompt.append("\nEarlier questions in this conversation, oldest first:\n");
        turns.subList(Math.max(0, turns.size() - RECENT_TURNS), turns.size())
                .forEach(turn -> prompt.append("- ").append(turn.question()).append('\n'));
    }

    /** One blocking call, bounded by the hard deadline whatever the HTTP client does. */
    private String call(List<ChatMessage> messages) throws Failure {
        Future<ChatResponse> response = calls.submit(() -> chat.chat(messages));
        try {
            String text = response.get(config.timeout().plus(DEADLINE_MARGIN).toMillis(), TimeUnit.MILLISECONDS)
                    .aiMessage().text();
            if (text == null || text.isBlank()) {
                throw new Failure("malformed", null);
            }
            return text;
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new Failure("timeout", e);
        } catch (ExecutionException e) {
            throw new Failure(reason(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.cancel(true);
            throw new Failure("interrupted", e);
        } catch (RuntimeException e) {
            throw new Failure(reason(e), e);
        }
    }

    /** The metric's reason tag for a failed call. */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof HttpTimeoutException
                    || t instanceof TimeoutException || t instanceof java.net.SocketTimeoutException) {
                return "timeout";
            }
            if (t instanceof RateLimitException || t instanceof HttpException http && http.statusCode() == 429) {
                return "rate-limited";
            }
            if (t instanceof HttpException || t instanceof dev.langchain4j.exception.LangChain4jException) {
                return "http-error";
            }
        }
        return "error";
    }

    private Optional<Draft> fallback(String stage, String reason, Throwable cause) {
        if (cause != null) {
            LOG.warnf("LLM %s failed (%s), using the rule-based result: %s", stage, reason, cause.toString());
        } else {
            LOG.infof("LLM %s not used (%s), using the rule-based result", stage, reason);
        }
        registry.counter("bot.llm.fallback", "stage", stage, "reason", reason).increment();
        return Optional.empty();
    }

    private static final class Failure extends Exception {
        final String reason;

        Failure(String reason, Throwable cause) {
            super(reason, cause, false, false);
            this.reason = reason;
        }
    }
}
