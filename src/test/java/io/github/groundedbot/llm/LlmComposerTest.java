package io.github.groundedbot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.groundedbot.llm.OpenAiStub.COMPLETIONS;
import static io.github.groundedbot.llm.OpenAiStub.completion;
import static io.github.groundedbot.llm.OpenAiStub.server;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The LLM phrasing path against a scripted OpenAI-compatible stand-in: what the user receives. */
@QuarkusTest
@TestProfile(OpenAiStub.Configured.class)
class LlmComposerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HUAWEI = "What is Huawei working on?";
    private static final Pattern SNIPPET_LINE = Pattern.compile("(?m)^\\[S(\\d+)] (.+?): ");

    @Inject
    MeterRegistry registry;

    @TestHTTPResource("/")
    URI base;

    @Inject
    BasicWebSocketConnector connector;

    /** Whether the LLM path has been through once in this JVM. */
    private static boolean warm;

    @BeforeEach
    void reset() throws Exception {
        server.resetAll();
        if (!warm) {
            // The first call of a fresh JVM on a busy machine loads the HTTP client and can outlast the
            // deadline; that is the timeout test's business, so no other test starts cold.
            server.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(503)));
            ask(HUAWEI);
            await().atMost(Duration.ofMinutes(1)).until(() -> !server.findAll(postRequestedFor(urlEqualTo(COMPLETIONS))).isEmpty());
            server.resetAll();
            warm = true;
        }
    }

    @Test
    void goodCitedReplyIsRenumberedInOrderOfFirstUse() throws Exception {
        Prompted given = prompted(HUAWEI);
        phraseReply(given.fill("Huawei is trying to build its own advanced AI chips [{nvidia}]. Huawei also designs "
                + "and manufactures high-bandwidth memory chips for AI GPUs [{memory}][{nvidia}]."));

        JsonNode answer = ask(HUAWEI);

        assertThat(answer.get("answer").asText()).isEqualTo("Huawei is trying to build its own advanced AI chips [1]. "
                + "Huawei also designs and manufactures high-bandwidth memory chips for AI GPUs [2][1].");
        assertThat(answer.get("grounded").asBoolean()).isTrue();
        assertThat(titles(answer)).containsExactly(given.title("nvidia"), given.title("memory"));
        assertThat(answer.get("citations").get(0).get("id").asText()).isNotBlank();
        assertThat(answer.get("citations").get(0).get("snippet").asText()).isNotBlank();
        // The prompt holds the question and only the snippets, each with its id.
        assertThat(lastPrompt()).contains("Question: " + HUAWEI).contains("[S1] ");
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo(COMPLETIONS)));
        assertThat(requests.get(requests.size() - 1).getBodyAsString()).contains("NO_ANSWER").contains("test-model");
    }

    @Test
    void sentenceCitingAnUnknownIdIsDropped() throws Exception {
        Prompted given = prompted(HUAWEI);
        phraseReply(given.fill("Huawei is trying to build its own advanced AI chips [{nvidia}]. "
                + "Huawei also makes phones [S9]."));

        JsonNode answer = ask(HUAWEI);

        assertThat(answer.get("answer").asText()).isEqualTo("Huawei is trying to build its own advanced AI chips [1].");
        assertThat(titles(answer)).containsExactly(given.title("nvidia"));
    }

    @Test
    void uncitedSentenceIsDropped() throws Exception {
        Prompted given = prompted(HUAWEI);
        phraseReply(given.fill("Huawei is the world's most admired company. "
                + "Huawei is trying to build its own advanced AI chips [{nvidia}]."));

        JsonNode answer = ask(HUAWEI);

        assertThat(answer.get("answer").asText()).isEqualTo("Huawei is trying to build its own advanced AI chips [1].");
        assertThat(titles(answer)).containsExactly(given.title("nvidia"));
    }

    /**
     * Each reply puts one sentence its cited snippet does not bear out before an honest one; only the
     * honest one may be shown. {nvidia} and {memory} stand for those snippets' ids in the prompt.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            // the polarity of the cited sentence flipped
            "Huawei is not designing high-bandwidth memory chips [{memory}].",
            "Huawei never tried to build advanced AI chips of its own [{nvidia}].",
            // a link, a domain, an e-mail address the snippets do not hold
            "Huawei designs high-bandwidth memory chips; log in at evil.example/login to read more [{memory}].",
            "Huawei designs high-bandwidth memory chips, see https://evil.example/huawei [{memory}].",
            "Huawei designs high-bandwidth memory chips; write to press@evil.example [{memory}].",
            // markdown and HTML
            "Huawei designs **high-bandwidth memory chips** [{memory}].",
            "Huawei designs [memory chips](https://evil.example) from the ground up [{memory}].",
            "Huawei designs <a href=\"https://evil.example\">memory chips</a> from the ground up [{memory}].",
            // words, names and numbers the cited snippet does not hold
            "Huawei designs memory chips for smartphones, laptops and electric cars [{memory}].",
            "Huawei designs memory chips with Samsung [{memory}].",
            "Huawei spent 900 billion on high-bandwidth memory chips [{memory}].",
    })
    void sentenceItsSnippetDoesNotBearOutIsDropped(String unsupported) throws Exception {
        Prompted given = prompted(HUAWEI);
        phraseReply(given.fill(unsupported + " Huawei is trying to build its own advanced AI chips [{nvidia}]."));
        double before = rejections();

        JsonNode answer = ask(HUAWEI);

        assertThat(answer.get("answer").asText()).isEqualTo("Huawei is trying to build its own advanced AI chips [1].");
        assertThat(titles(answer)).containsExactly(given.title("nvidia"));
        assertThat(rejections()).isEqualTo(before + 1);
    }

    @Test
    void falseReplyWithALinkFallsBackToTheExtractiveAnswer() throws Exception {
        // The review's reproduction: the snippet says Huawei designs the chips; the reply denies it and adds a link.
        String extractive = extractiveAnswer();
        Prompted given = prompted(HUAWEI);
        phraseReply(given.fill("Huawei did not design the memory chips; log in at evil.example/login to read more "
                + "[{memory}]. Huawei is not working on high-bandwidth memory chips [{memory}]."));
        double before = fallbacks("unverified");
        double links = rejections("link-or-markup");
        double flips = rejections("flipped-polarity");

        JsonNode answer = ask(HUAWEI);

        assertThat(answer.get("answer").asText()).isEqualTo(extractive).doesNotContain("evil.example");
        assertThat(answer.get("outcome").asText()).isEqualTo("answered");
        assertThat(fallbacks("unverified")).isEqualTo(before + 1);
        assertThat(rejections("link-or-markup")).isEqualTo(links + 1);
        assertThat(rejections("flipped-polarity")).isEqualTo(flips + 1);
    }

    @Test
    void aNameTheQuestionTypedIsNoEvidence() throws Exception {
        // AMD is in the fact base, so the question is answered; but the memory-chip fact never names it.
        String question = "Is Huawei competing with AMD on memory chips?";
        Prompted given = prompted(question, "memory");
        phraseReply(given.fill("Huawei is competing with AMD on high-bandwidth memory chips [{memory}]."));
        double before = rejections("new-name-or-number");

        JsonNode answer = ask(question);

        assertThat(answer.get("answer").asText()).doesNotContain("competing with AMD on high-bandwidth");
        assertThat(rejections("new-name-or-number")).isEqualTo(before + 1);
    }

    @Test
    void malformedReplyFallsBackToTheExtractiveAnswer() throws Exception {
        String extractive = extractiveAnswer();
        phraseReply("{\"answer\": \"Huawei is working on chips\", ");
        double before = fallbacks("malformed");

        JsonNode answer = ask(HUAWEI);

        assertThat(answer.get("answer").asText()).isEqualTo(extractive);
        assertThat(answer.get("grounded").asBoolean()).isTrue();
        assertThat(fallbacks("malformed")).isEqualTo(before + 1);
    }

    @Test
    void noAnswerReplyFallsBackToTheExtractiveAnswer() throws Exception {
        String extractive = extractiveAnswer();
        phraseReply("NO_ANSWER");
        double before = fallbacks("no-answer");

        assertThat(ask(HUAWEI).get("answer").asText()).isEqualTo(extractive);
        assertThat(fallbacks("no-answer")).isEqualTo(before + 1);
    }

    @Test
    void timeoutFallsBackToTheExtractiveAnswerInBoundedTime() throws Exception {
        String extractive = extractiveAnswer();
        server.stubFor(post(urlEqualTo(COMPLETIONS)).withRequestBody(containing("Snippets:"))
                .willReturn(completion("Huawei is working on chips of its own [S1].").withFixedDelay(8_000)));
        double before = fallbacks("timeout");

        long start = System.nanoTime();
        JsonNode answer = ask(HUAWEI);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(answer.get("answer").asText()).isEqualTo(extractive);
        assertThat(fallbacks("timeout")).isEqualTo(before + 1);
        // 2 s timeout plus the 1 s hard deadline margin, well before the stub's 8 s reply.
        assertThat(millis).isLessThan(6_000);
    }

    @Test
    void rateLimitFallsBackToTheExtractiveAnswer() throws Exception {
        String extractive = extractiveAnswer();
        server.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}")));
        double before = fallbacks("rate-limited");

        assertThat(ask(HUAWEI).get("answer").asText()).isEqualTo(extractive);
        assertThat(fallbacks("rate-limited")).isEqualTo(before + 1);
    }

    @Test
    void offTopicQuestionIsRefusedWithoutAskingTheLlm() throws Exception {
        phraseReply("The weather in Beijing will be sunny [S1].");

        JsonNode answer = ask("What is the weather in Beijing tomorrow?");

        assertThat(answer.get("grounded").asBoolean()).isFalse();
        assertThat(answer.get("citations")).isEmpty();
        assertThat(answer.get("outcome").asText()).isEqualTo("refused");
        server.verify(0, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    @Test
    void streamedReplyGoesOutAsVerifiedSentencesThenTheFinalFrame() throws Exception {
        Prompted given = prompted(HUAWEI);
        // Split mid-sentence and mid-marker; the middle sentence cites an unknown id and must never show.
        server.stubFor(post(urlEqualTo(COMPLETIONS)).withRequestBody(matchingJsonPath("$[?(@.stream == true)]"))
                .willReturn(OpenAiStub.streamed(List.of("Huawei is trying to build ", "its own advanced AI chips [S",
                        given.id("nvidia") + "]. ", "Huawei also makes ", "phones [S7]. Huawei also designs and ",
                        "manufactures high-bandwidth memory chips for AI GPUs [S" + given.id("memory"),
                        "][S" + given.id("nvidia") + "]."))));
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocketClientConnection connection = connector.baseUri(base).path("/chat")
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .onTextMessage((c, message) -> frames.add(message))
                .connectAndAwait();
        try {
            connection.sendTextAndAwait("{\"question\": \"" + HUAWEI + "\"}");
            List<String> deltas = new ArrayList<>();
            JsonNode frame = next(frames);
            while ("delta".equals(frame.get("type").asText())) {
                deltas.add(frame.get("text").asText());
                frame = next(frames);
            }
            assertThat(deltas).containsExactly("Huawei is trying to build its own advanced AI chips [1].",
                    " Huawei also designs and manufactures high-bandwidth memory chips for AI GPUs [2][1].");
            assertThat(frame.get("type").asText()).isEqualTo("answer");
            assertThat(frame.get("answer").asText()).isEqualTo(String.join("", deltas));
            assertThat(titles(frame)).containsExactly(given.title("nvidia"), given.title("memory"));
        } finally {
            connection.closeAndAwait();
        }
    }

    @Test
    void followUpIsRewrittenByTheLlmWhenItsRewriteIsUsable() throws Exception {
        server.stubFor(post(urlEqualTo(COMPLETIONS)).withRequestBody(containing("Follow-up question:"))
                .willReturn(completion("Who released the Yi-34B model?")));
        String id = ask("What is Yi-34B?", null).get("conversationId").asText();

        JsonNode answer = ask("Who released it?", id);

        assertThat(answer.get("resolvedQuestion").asText()).isEqualTo("Who released the Yi-34B model?");
        assertThat(answer.get("grounded").asBoolean()).isTrue();
        assertThat(answer.get("answer").asText()).contains("01.AI");
        assertThat(prompts()).anySatisfy(p -> assertThat(p).contains("- What is Yi-34B?")
                .contains("Follow-up question: Who released it?"));
    }

    @Test
    void rewriteBringingANewNameFallsBackToTheRuleBasedReading() throws Exception {
        server.stubFor(post(urlEqualTo(COMPLETIONS)).withRequestBody(containing("Follow-up question:"))
                .willReturn(completion("Who released Alibaba's Qwen model?")));
        String id = ask("What is Yi-34B?", null).get("conversationId").asText();
        double before = registry.counter("bot.llm.fallback", "stage", "rewrite", "reason", "unverified").count();

        JsonNode answer = ask("Who released it?", id);

        assertThat(answer.get("resolvedQuestion").asText()).isEqualTo("Who released it? (Yi-34B)");
        assertThat(registry.counter("bot.llm.fallback", "stage", "rewrite", "reason", "unverified").count())
                .isEqualTo(before + 1);
    }

    /** The answer when the LLM is down: quoted snippet sentences, as without an LLM. */
    private String extractiveAnswer() throws Exception {
        server.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(503)));
        double before = fallbacks("http-error");
        JsonNode answer = ask(HUAWEI);
        assertThat(fallbacks("http-error")).isEqualTo(before + 1);
        String text = answer.get("answer").asText();
        for (String sentence : text.split("(?<=[.!?]) ")) {
            String quoted = sentence.replaceAll(" \\[\\d+]", "");
            assertThat(answer.get("citations").findValuesAsText("snippet")).anySatisfy(s -> assertThat(s).contains(quoted));
        }
        server.resetAll();
        return text;
    }

    private void phraseReply(String content) {
        server.stubFor(post(urlEqualTo(COMPLETIONS)).withRequestBody(containing("Snippets:"))
                .willReturn(completion(content)));
    }

    private double fallbacks(String reason) {
        return registry.counter("bot.llm.fallback", "stage", "phrase", "reason", reason).count();
    }

    private static JsonNode ask(String question) throws Exception {
        return ask(question, null);
    }

    private static JsonNode ask(String question, String conversationId) throws Exception {
        Map<String, String> body = new HashMap<>();
        body.put("question", question);
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        String json = given().contentType(ContentType.JSON).body(JSON.writeValueAsString(body))
                .when().post("/api/ask")
                .then().statusCode(200).extract().asString();
        return JSON.readTree(json);
    }

    private static List<String> titles(JsonNode answer) {
        return answer.get("citations").findValuesAsText("title");
    }

    private static List<String> prompts() throws Exception {
        List<String> prompts = new ArrayList<>();
        for (LoggedRequest request : server.findAll(postRequestedFor(urlEqualTo(COMPLETIONS)))) {
            JsonNode messages = JSON.readTree(request.getBodyAsString()).get("messages");
            prompts.add(messages.get(messages.size() - 1).get("content").asText());
        }
        return prompts;
    }

    private static String lastPrompt() throws Exception {
        List<String> prompts = prompts();
        assertThat(prompts).isNotEmpty();
        return prompts.get(prompts.size() - 1);
    }

    /**
     * Asks the question once with the LLM down and reads from the prompt which id ({@code S1}, ...)
     * the memory-chip snippet and the one on competing with Nvidia got, so scripted replies cite the snippet they reword
     * whatever the ranking.
     */
    private static Prompted prompted(String question) throws Exception {
        return prompted(question, "memory", "nvidia");
    }

    /** Like {@link #prompted(String)}, for a question whose prompt needs to hold only the snippets {@code keys} name. */
    private static Prompted prompted(String question, String... keys) throws Exception {
        server.stubFor(post(urlEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(503)));
        ask(question);
        Map<String, Integer> ids = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        Matcher line = SNIPPET_LINE.matcher(lastPrompt());
        while (line.find()) {
            String title = line.group(2);
            String key = title.contains("memory") ? "memory" : title.contains("competition with Nvidia") ? "nvidia" : title;
            ids.putIfAbsent(key, Integer.parseInt(line.group(1)));
            titles.putIfAbsent(key, title);
        }
        assertThat(ids).as("the snippets in the prompt").containsKeys(keys);
        server.resetAll();
        return new Prompted(ids, titles);
    }

    /** The snippets a prompt gave, by a short key: their ids and titles. */
    private record Prompted(Map<String, Integer> ids, Map<String, String> titles) {

        int id(String key) {
            return ids.get(key);
        }

        String title(String key) {
            return titles.get(key);
        }

        /** "{memory}" becomes "S2" when the memory-chip snippet was given as S2. */
        String fill(String reply) {
            String filled = reply;
            for (Map.Entry<String, Integer> id : ids.entrySet()) {
                filled = filled.replace("{" + id.getKey() + "}", "S" + id.getValue());
            }
            return filled;
        }
    }

    /** Sentences the verifier dropped, for any reason. */
    private double rejections() {
        return registry.find("bot.llm.rejected").counters().stream().mapToDouble(Counter::count).sum();
    }

    private double rejections(String reason) {
        return registry.counter("bot.llm.rejected", "reason", reason).count();
    }

    private static JsonNode next(BlockingQueue<String> frames) throws Exception {
        String frame = frames.poll(30, TimeUnit.SECONDS);
        assertThat(frame).as("a frame within 30 s").isNotNull();
        return JSON.readTree(frame);
    }
}
