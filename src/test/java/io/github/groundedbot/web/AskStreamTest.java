package io.github.groundedbot.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasKey;

/** {@code POST /api/ask} as server-sent events, read by a plain HTTP client line by line, as an integration would. */
@QuarkusTest
class AskStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENT_STREAM = "text/event-stream";

    @TestHTTPResource("/api/ask")
    URI ask;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** One server-sent event: its name and its data. */
    private record Event(String name, JsonNode data) {
    }

    @Test
    void deltasArriveFirstAndConcatenateToTheAnswerEvent() throws Exception {
        HttpResponse<BufferedReader> response = post("{\"question\": \"What is Huawei working on?\"}",
                Optional.of(EVENT_STREAM));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(EVENT_STREAM));
        List<Event> events = read(response.body());

        assertThat(events).isNotEmpty();
        Event last = events.get(events.size() - 1);
        assertThat(last.name()).isEqualTo("answer");
        List<Event> deltas = events.subList(0, events.size() - 1);
        assertThat(deltas).isNotEmpty().allMatch(event -> event.name().equals("delta"));

        StringBuilder streamed = new StringBuilder();
        deltas.forEach(delta -> {
            assertThat(delta.data().get("type").asText()).isEqualTo("delta");
            streamed.append(delta.data().get("text").asText());
        });
        JsonNode answer = last.data();
        assertThat(streamed.toString()).isEqualTo(answer.get("answer").asText());
        // The fields of the WebSocket's answer frame.
        assertThat(answer.get("type").asText()).isEqualTo("answer");
        assertThat(answer.get("outcome").asText()).isEqualTo("answered");
        assertThat(answer.get("grounded").asBoolean()).isTrue();
        assertThat(answer.get("citations")).isNotEmpty();
        assertThat(answer.get("conversationId").asText()).isNotBlank();
    }

    @Test
    void aStreamedConversationContinuesWithTheIdItGave() throws Exception {
        List<Event> first = read(post("{\"question\": \"What is Huawei working on?\"}", Optional.of(EVENT_STREAM)).body());
        String id = first.get(first.size() - 1).data().get("conversationId").asText();
        List<Event> next = read(post("{\"question\": \"Tell me more\", \"conversationId\": \"" + id + "\"}",
                Optional.of(EVENT_STREAM)).body());
        assertThat(next.get(next.size() - 1).data().get("conversationId").asText()).isEqualTo(id);
    }

    @Test
    void aBadQuestionIsAProblemBeforeAnyStream() throws Exception {
        HttpResponse<BufferedReader> empty = post("{\"question\": \"   \"}", Optional.of(EVENT_STREAM));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(empty.body()).get("detail").asText()).contains("empty");

        HttpResponse<BufferedReader> tooLong = post("{\"question\": \"" + "why ".repeat(400) + "\"}",
                Optional.of(EVENT_STREAM));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void clientsThatDoNotAskForAStreamStillGetJson() throws Exception {
        for (Optional<String> accept : List.of(Optional.<String>empty(), Optional.of("*/*"),
                Optional.of("application/json"))) {
            HttpResponse<BufferedReader> response = post("{\"question\": \"What is Huawei working on?\"}", accept);
            assertThat(response.statusCode()).as("Accept %s", accept).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as("Accept %s", accept)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(JSON.readTree(response.body()).get("outcome").asText()).isEqualTo("answered");
        }
    }

    @Test
    void theOpenApiDocumentOffersBothShapes() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/ask'.post.responses.'200'.content", hasKey("application/json"))
                .body("paths.'/api/ask'.post.responses.'200'.content", hasKey("text/event-stream"));
    }

    private HttpResponse<BufferedReader> post(String body, Optional<String> accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(ask).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        accept.ifPresent(type -> request.header("Accept", type));
        return http.send(request.build(), info -> HttpResponse.BodySubscribers.mapping(
                HttpResponse.BodySubscribers.ofInputStream(),
                in -> new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
    }

    /** Reads events until the server ends the stream. */
    private static List<Event> read(BufferedReader stream) throws Exception {
        List<Event> events = new ArrayList<>();
        String name = null;
        StringBuilder data = new StringBuilder();
        try (stream) {
            for (String line = stream.readLine(); line != null; line = stream.readLine()) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(name == null ? "message" : name, JSON.readTree(data.toString())));
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.length() > 0 ? "\n" : "").append(line.substring("data:".length()).stripLeading());
                }
            }
        }
        return events;
    }
}
