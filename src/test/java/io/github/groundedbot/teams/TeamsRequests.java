package io.github.groundedbot.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.groundedbot.chat.PlatformStandIns;
import io.restassured.response.Response;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;

/** Outgoing webhook requests as Teams sends them: a Bot Framework activity, HMAC-signed. */
final class TeamsRequests {

    static final String PERSON = "29:1a2b3c-person";
    static final String WEBHOOK_NAME = "Grounded";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SEQUENCE = new AtomicLong(1_700_000_000_000L);

    private TeamsRequests() {
    }

    /** A fresh reply chain in a channel: the id Teams gives a conversation rooted at one message. */
    static String chain() {
        return "19:general@thread.tacv2;messageid=" + SEQUENCE.incrementAndGet();
    }

    /** A person mentioning the webhook with a question, sent now. */
    static Map<String, Object> mention(String conversationId, String question) {
        return activity(conversationId, "<at>" + WEBHOOK_NAME + "</at>&nbsp;" + question, Instant.now());
    }

    static Map<String, Object> activity(String conversationId, String html, Instant sent) {
        Map<String, Object> activity = new LinkedHashMap<>();
        activity.put("type", "message");
        activity.put("id", String.valueOf(SEQUENCE.incrementAndGet()));
        activity.put("timestamp", sent.toString());
        activity.put("localTimestamp", sent.toString().replace("Z", "+00:00"));
        activity.put("serviceUrl", "https://smba.trafficmanager.net/emea/");
        activity.put("channelId", "msteams");
        activity.put("from", Map.of("id", PERSON, "name", "Ada Lovelace", "aadObjectId", "4b5c-aad"));
        activity.put("conversation", Map.of("isGroup", true, "id", conversationId, "conversationType", "channel"));
        activity.put("textFormat", "plain");
        activity.put("text", html);
        activity.put("attachments", List.of(Map.of("contentType", "text/html", "content", "<div>" + html + "</div>")));
        activity.put("entities", List.of(Map.of("type", "clientInfo", "locale", "en-US")));
        activity.put("channelData", Map.of("teamsChannelId", "19:general@thread.tacv2", "tenant", Map.of("id", "tenant-1")));
        return activity;
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code HMAC <base64>} of the body with the base64-decoded security token. */
    static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(PlatformStandIns.TEAMS_TOKEN), "HmacSHA256"));
            return "HMAC " + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Response post(Object activity) {
        return postRaw(write(activity).getBytes(StandardCharsets.UTF_8));
    }

    static Response postRaw(byte[] body) {
        return given().contentType("application/json").header("Authorization", sign(body)).body(body)
                .post("/teams/messages");
    }
}
