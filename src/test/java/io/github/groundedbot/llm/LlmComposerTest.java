package io.github.groundedbot.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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

import java.net.URI;
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

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    @Test
    void goodCitedReplyIsRenumberedInOrderOfFirstUse() throws Exception {
        phraseReply("Huawei is working on chips of its own [S2]. Huawei works with other companies on it [S1][S2].");

        JsonNode answer = ask(HUAWEI);

        assertThat(answer.get("answer").asText())
                .isEqualTo("Huawei is working on chips of its own [1]. Huawei works with other companies on it [2][1].");
        assertThat(answer.get("grounded").asBoolean()).isTrue();
        Map<Integer, String> given = snippetTitles();
        assertThat(titles(answer)).containsExactly(given.get(2), given.get(1));
        assertThat(answer.get("citations").get(0).get("id").asText()).isNotBlank();
        assertThat(answer.get("citations").get(0).get("snippet").asText()).isNotBlank();
        // The prompt holds the question and only the snippets, each with its id.
        assertThat(lastPrompt()).contains("Question: " + HUAWEI).contains("[S1] ");
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo(COMPLETIONS)));
        assertThat(requests.get(requests.size() - 1).getBodyAsString()).contains("NO_ANSWER").contains("test-model");
    }

    @Test
    void sentenceCitingAnUnknownIdIsDropped() throws Exception {
        phraseReply("Huawei is working on chips of its own [S1]. Huawei also makes phones [S9].");

        JsonNode answer = ask(HUAWEI);

        assertThat(answer.get("answer").asText()).isEqualTo("Huawei is working on chips of its own [1].");
        assertThat(titles(answer)).containsExactly(snippetTitles().get(1));
    }

    @Test
    void uncitedSentenceIsDropped() throws Exception {
        phraseReply("Huawei is the world's most admired company. Huawei is working on chips of its own [S1].");

        JsonNode answer = ask(HUAWEI);

        assertThat(answer.get("answer").asText()).isEqualTo("Huawei is working on chips of its own [1].");
        assertThat(titles(answer)).containsExactly(snippetTitles().get(1));
    }

    @Test
    void sentenceWithANumberOrNameItsSnippetsLackIsDropped() throws Exception {
        phraseReply("Huawei is working on chips of its own [S1]. Huawei spent 900 billion on them [S1]. "
                + "Huawei works with Samsung on them [S1].");

        JsonNode answer = ask(HUAWEI);

        assertThat(answer.get("answer").asText()).isEqualTo("Huawei is working on chips of its own [1].");
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
                .willReturn(completion("Huawei is working on chips of its own [S1].").withFixedDelay(4_000)));
        double before = fallbacks("timeout");

        long start = System.nanoTime();
        JsonNode answer = ask(HUAWEI);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(answer.get("answer").asText()).isEqualTo(extractive);
        assertThat(fallbacks("timeout")).isEqualTo(before + 1);
        // 1 s timeout plus the 1 s hard deadline margin, well before the stub's 4 s reply.
        assertThat(millis).isLessThan(3_500);
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
        assertThat(answer.get("answer").asText()).startsWith("I don't know");
        server.verify(0, postRequestedFor(urlEqualTo(COMPLETIONS)));
    }

    @Test
    void streamedReplyGoesOutAsVerifiedSentencesThenTheFinalFrame() throws Exception {
        // Split mid-sentence and mid-marker; the middle sentence cites an unknown id and must never show.
        server.stubFor(post(urlEqualTo(COMPLETIONS)).withRequestBody(matchingJsonPath("$[?(@.stream == true)]"))
                .willReturn(OpenAiStub.streamed(List.of("Huawei is working ", "on chips of its own [S", "1]. ",
                        "Huawei also makes ", "phones [S7]. Huawei works with ", "other companies on it [S2", "][S1]."))));
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
            String expected = "Huawei is working on chips of its own [1]. Huawei works with other companies on it [2][1].";
            assertThat(deltas).containsExactly("Huawei is working on chips of its own [1].",
                    " Huawei works with other companies on it [2][1].");
            assertThat(frame.get("type").asText()).isEqualTo("answer");
            assertThat(frame.get("answer").asText()).isEqualTo(expected);
            Map<Integer, String> given = snippetTitles();
            assertThat(titles(frame)).containsExactly(given.get(1), given.get(2));
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

    /** The snippet titles the LLM was given, by id number. */
    private static Map<Integer, String> snippetTitles() throws Exception {
        Map<Integer, String> titles = new HashMap<>();
        Matcher line = SNIPPET_LINE.matcher(lastPrompt());
        while (line.find()) {
            titles.put(Integer.parseInt(line.group(1)), line.group(2));
        }
        assertThat(titles).containsKeys(1, 2);
        return titles;
    }

    private static JsonNode next(BlockingQueue<String> frames) throws Exception {
        String frame = frames.poll(30, TimeUnit.SECONDS);
        assertThat(frame).as("a frame within 30 s").isNotNull();
        return JSON.readTree(frame);
    }
}
