package io.github.groundedbot.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A local OpenAI-compatible stand-in on loopback: tests script {@code /v1/chat/completions}
 * replies, whole or as server-sent events. The app points {@code answer.llm.base-url} at it, with
 * a two-second timeout: short, so the timeout case stays quick, yet long enough for the first call
 * of a cold JVM on a busy machine.
 */
public class OpenAiStub implements QuarkusTestResourceLifecycleManager {

    static final String COMPLETIONS = "/v1/chat/completions";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The running stand-in; one per test profile start. */
    static WireMockServer server;

    /** The profile that turns the LLM on against this stand-in, query rewriting included. */
    public static class Configured implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OpenAiStub.class));
        }
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        return Map.of(
                // The loopback address itself: "localhost" may resolve to ::1, where the stub does not listen.
                "answer.llm.base-url", "http://127.0.0.1:" + server.port() + "/v1",
                "answer.llm.model", "test-model",
                "answer.llm.timeout", "2s",
                "answer.llm.rewrite-queries", "true");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** A whole (non-streamed) chat completion whose message is {@code content}. */
    static ResponseDefinitionBuilder completion(String content) {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion")
                .put("created", 1_700_000_000).put("model", "test-model");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        body.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
        return okJson(body.toString());
    }

    /** A streamed completion: one {@code data:} chunk per token, then {@code data: [DONE]}. */
    static ResponseDefinitionBuilder streamed(List<String> tokens) {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < tokens.size(); i++) {
            ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion.chunk")
                    .put("created", 1_700_000_000).put("model", "test-model");
            ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
            ObjectNode delta = choice.putObject("delta");
            if (i == 0) {
                delta.put("role", "assistant");
            }
            delta.put("content", tokens.get(i));
            choice.putNull("finish_reason");
            events.append("data: ").append(chunk).append("\n\n");
        }
        ObjectNode last = JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion.chunk")
                .put("created", 1_700_000_000).put("model", "test-model");
        last.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
        events.append("data: ").append(last).append("\n\n").append("data: [DONE]\n\n");
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                .withBody(events.toString())
                .withChunkedDribbleDelay(Math.max(2, tokens.size()), 300); // really arrives piece by piece
    }
}
