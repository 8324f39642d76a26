package io.github.groundedbot.state;

import io.github.groundedbot.conversation.ConversationIds;
import io.github.groundedbot.conversation.InMemoryConversationStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * With a Redis that answers every call a second late, questions are still answered, from local
 * memory: each call gives up after {@code state.timeout}, and once calls have failed the circuit
 * breaker keeps the next questions off Redis altogether.
 */
@QuarkusTest
@WithTestResource(SlowRedis.class)
class SlowRedisTest {

    @SlowRedis.BytesSent
    AtomicLong bytesSentToRedis;

    @Inject
    InMemoryConversationStore memory;

    @Test
    void aSlowRedisFailsOverToLocalMemoryAndTheBreakerKeepsQuestionsOffIt() {
        Response first = ask("What is Yi-34B?");
        assertThat(first.<Boolean>path("grounded")).isTrue();
        assertThat(memory.find(restConversation(first))).as("the conversation was kept in local memory").isPresent();

        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body(containsString("circuit breaker open"));

        long sent = bytesSentToRedis.get();
        Response second = ask("What is Huawei working on?");
        assertThat(second.<Boolean>path("grounded")).isTrue();
        assertThat(memory.find(restConversation(second))).isPresent();
        assertThat(bytesSentToRedis.get()).as("no call reached Redis while the breaker was open").isEqualTo(sent);
    }

    /** Where the answer's conversation is stored: REST conversations are keyed by channel and id. */
    private static String restConversation(Response answer) {
        return ConversationIds.key("rest", answer.path("conversationId"));
    }

    private static Response ask(String question) {
        return given().contentType(ContentType.JSON).body(Map.of("question", question))
                .when().post("/api/ask")
                .then().statusCode(200).extract().response();
    }
}
