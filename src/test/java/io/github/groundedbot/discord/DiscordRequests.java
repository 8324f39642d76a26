package io.github.groundedbot.discord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.groundedbot.chat.PlatformStandIns;
import io.restassured.response.Response;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;

/** Interactions as Discord sends them, signed with the application's key, and the edits the bot made on the stand-in. */
final class DiscordRequests {

    static final String APPLICATION = "1100000000000000001";
    static final String GUILD = "1200000000000000002";
    static final String PERSON = "1300000000000000003";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SEQUENCE = new AtomicLong(1_400_000_000_000_000_000L);

    private DiscordRequests() {
    }

    static String snowflake() {
        return String.valueOf(SEQUENCE.incrementAndGet());
    }

    /** {@code /ask question:<question>} used by a member of a server in a channel (or a thread, which is a channel). */
    static Map<String, Object> ask(String channel, String token, String question) {
        Map<String, Object> interaction = interaction(2, channel, token);
        interaction.put("data", Map.of("id", "1500000000000000005", "name", "ask", "type", 1,
                "options", List.of(Map.of("name", "question", "type", 3, "value", question))));
        return interaction;
    }

    static Map<String, Object> interaction(int type, String channel, String token) {
        Map<String, Object> interaction = new LinkedHashMap<>();
        interaction.put("type", type);
        interaction.put("id", snowflake());
        interaction.put("application_id", APPLICATION);
        interaction.put("token", token);
        interaction.put("version", 1);
        interaction.put("guild_id", GUILD);
        interaction.put("channel_id", channel);
        interaction.put("member", Map.of("user", Map.of("id", PERSON, "username", "ada", "discriminator", "0"),
                "roles", List.of(), "permissions", "2147483648"));
        interaction.put("locale", "en-US");
        return interaction;
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

    /** The hex Ed25519 signature of timestamp + body, as Discord signs. */
    static String sign(String timestamp, byte[] body) {
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(
                    new PKCS8EncodedKeySpec(HexFormat.of().parseHex(PlatformStandIns.DISCORD_PRIVATE_KEY_PKCS8)));
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            signer.update(body);
            return HexFormat.of().formatHex(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    static Response post(Object interaction) {
        return postRaw(write(interaction).getBytes(StandardCharsets.UTF_8), now());
    }

    static Response postRaw(byte[] body, String timestamp) {
        return given().contentType("application/json").body(body)
                .header("X-Signature-Ed25519", sign(timestamp, body)).header("X-Signature-Timestamp", timestamp)
                .post("/discord/interactions");
    }

    /** The edits of one interaction's original reply, as JSON. */
    static List<JsonNode> edits(WireMockServer api, String token) {
        return api.findAll(patchRequestedFor(urlEqualTo(PlatformStandIns.DISCORD_API_PATH + "/webhooks/" + APPLICATION
                        + "/" + token + "/messages/@original"))).stream()
                .map(r -> read(r.getBodyAsString()))
                .toList();
    }
}
