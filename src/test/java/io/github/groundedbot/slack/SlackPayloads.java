package io.github.groundedbot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** Events API payloads shaped like Slack's, and what the app posted to the Slack stand-in. */
final class SlackPayloads {

    static final String TEAM = "T0TEAM";
    static final String BOT_USER = "U0BOT";
    static final String PERSON = "U0PERSON";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SEQUENCE = new AtomicLong(1_700_000_000_000L);

    private SlackPayloads() {
    }

    /** A fresh, unique message timestamp ("seconds.micros"). */
    static String ts() {
        long n = SEQUENCE.incrementAndGet();
        return n / 1000 + "." + String.format("%06d", n % 1000);
    }

    /** A fresh channel id, so each test only sees its own posts. */
    static String channel(String prefix) {
        return prefix + Long.toString(SEQUENCE.incrementAndGet(), 36).toUpperCase();
    }

    static Map<String, Object> mention(String channel, String ts, String text) {
        return message("app_mention", channel, ts, text);
    }

    static Map<String, Object> directMessage(String channel, String ts, String text) {
        Map<String, Object> event = message("message", channel, ts, text);
        event.put("channel_type", "im");
        return event;
    }

    private static Map<String, Object> message(String type, String channel, String ts, String text) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("user", PERSON);
        event.put("text", text);
        event.put("ts", ts);
        event.put("channel", channel);
        event.put("event_ts", ts);
        return event;
    }

    static String callback(String eventId, Map<String, Object> event) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("token", "legacy-verification-token");
        envelope.put("team_id", TEAM);
        envelope.put("api_app_id", "A0APP");
        envelope.put("event", event);
        envelope.put("type", "event_callback");
        envelope.put("event_id", eventId);
        envelope.put("event_time", 1_700_000_000);
        envelope.put("authorizations", List.of(Map.of("team_id", TEAM, "user_id", BOT_USER, "is_bot", true,
                "is_enterprise_install", false)));
        return write(envelope);
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The chat.postMessage calls made for one channel, as their form fields. */
    static List<Map<String, String>> posts(WireMockServer slack, String channel) {
        return slack.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).stream()
                .map(SlackPayloads::form)
                .filter(form -> channel.equals(form.get("channel")))
                .toList();
    }

    /** Requests made to one response_url path. */
    static List<LoggedRequest> responses(WireMockServer slack, String path) {
        return slack.findAll(postRequestedFor(urlEqualTo(path)));
    }

    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        fields.put("authorization", request.getHeader("Authorization"));
        return fields;
    }
}
