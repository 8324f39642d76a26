package io.github.groundedbot.slack;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.groundedbot.slack.SignedRequests.signedJson;
import static io.github.groundedbot.slack.SlackPayloads.BOT_USER;
import static io.github.groundedbot.slack.SlackPayloads.callback;
import static io.github.groundedbot.slack.SlackPayloads.channel;
import static io.github.groundedbot.slack.SlackPayloads.mention;
import static io.github.groundedbot.slack.SlackPayloads.posts;
import static io.github.groundedbot.slack.SlackPayloads.ts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Replies that Slack keeps refusing are retried without holding up the answers to anyone else. */
@QuarkusTest
@WithTestResource(SlackDeliveryTest.SlowRetries.class)
class SlackDeliveryTest {

    private static final Duration ANSWER_TIME = Duration.ofSeconds(30);
    private static final int RELAY_WORKERS = 2;
    private static final int MAX_ATTEMPTS = 4;

    /** The Slack stand-in, with long waits between tries and the relay's default two workers. */
    public static class SlowRetries extends SlackApiStub {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            config.put("slack.retry.max-attempts", String.valueOf(MAX_ATTEMPTS));
            config.put("slack.retry.initial-backoff", "10s");
            config.put("slack.retry.max-backoff", "10s");
            config.put("chat.relay.workers", String.valueOf(RELAY_WORKERS));
            return config;
        }
    }

    @SlackApiStub.SlackApi
    WireMockServer slack;

    @Test
    void retriesOfFailingRepliesDoNotHoldTheAnswerWorkers() {
        // One answered question first, so what follows is not waiting on the model to load.
        String warm = channel("CWARM");
        ask(warm);
        await().atMost(ANSWER_TIME).until(() -> posts(slack, warm).size() == 1);

        // As many replies as there are answer workers, to a channel where Slack keeps failing.
        String down = channel("CDOWN");
        slack.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=" + down))
                .willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < RELAY_WORKERS; i++) {
            ask(down);
        }
        await().atMost(ANSWER_TIME).until(() -> posts(slack, down).size() >= RELAY_WORKERS);

        // Both failing replies now wait 10 s for their next try; a new question is answered meanwhile.
        String up = channel("CUP");
        ask(up);
        await().atMost(ANSWER_TIME).until(() -> posts(slack, up).size() == 1);
        assertThat(posts(slack, down).size())
                .as("answered before either failing reply had used up its tries")
                .isLessThan(MAX_ATTEMPTS);
    }

    private static void ask(String channel) {
        String ts = ts();
        signedJson(callback("Ev" + ts, mention(channel, ts, "<@" + BOT_USER + "> who invented the running machine?")))
                .when().post("/slack/events").then().statusCode(200);
    }
}
