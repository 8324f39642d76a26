package io.github.groundedbot.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The documented one-off step, bench/discord-register-command.sh, against a stand-in of Discord's API. */
class RegisterCommandScriptTest {

    private static final Path SCRIPT = Path.of("bench", "discord-register-command.sh");

    private WireMockServer discord;

    @BeforeEach
    void start() {
        discord = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        discord.start();
    }

    @AfterEach
    void stop() {
        discord.stop();
    }

    @Test
    void registersAskWithARequiredQuestion() throws Exception {
        assumeTrue(curlIsInstalled(), "the script needs curl");
        discord.stubFor(put(urlEqualTo("/api/v10/applications/42/commands")).willReturn(okJson("[]")));

        Result result = run(Map.of("DISCORD_APPLICATION_ID", "42", "DISCORD_BOT_TOKEN", "bot-token"));

        assertThat(result.exit()).as(result.output()).isZero();
        List<LoggedRequest> puts = discord.findAll(putRequestedFor(urlEqualTo("/api/v10/applications/42/commands")));
        assertThat(puts).hasSize(1);
        assertThat(puts.get(0).getHeader("Authorization")).isEqualTo("Bot bot-token");
        JsonNode command = DiscordRequests.read(puts.get(0).getBodyAsString()).get(0);
        assertThat(command.get("name").asText()).isEqualTo(DiscordInteractions.COMMAND);
        JsonNode option = command.get("options").get(0);
        assertThat(option.get("name").asText()).isEqualTo(DiscordInteractions.QUESTION_OPTION);
        assertThat(option.get("type").asInt()).isEqualTo(3);
        assertThat(option.get("required").asBoolean()).isTrue();
    }

    @Test
    void aServerOnlyRegistrationAndARefusalAreReported() throws Exception {
        assumeTrue(curlIsInstalled(), "the script needs curl");
        discord.stubFor(put(urlEqualTo("/api/v10/applications/42/guilds/7/commands"))
                .willReturn(aResponse().withStatus(401).withBody("{\"message\": \"401: Unauthorized\", \"code\": 0}")));

        Result result = run(Map.of("DISCORD_APPLICATION_ID", "42", "DISCORD_BOT_TOKEN", "wrong", "DISCORD_GUILD_ID", "7"));

        assertThat(result.exit()).isNotZero();
        assertThat(result.output()).contains("HTTP 401");
    }

    private record Result(int exit, String output) {
    }

    private Result run(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("DISCORD_API_URL", "http://127.0.0.1:" + discord.port() + "/api/v10");
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the script finished").isTrue();
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static boolean curlIsInstalled() {
        return Files.isExecutable(Path.of("/usr/bin/curl")) || Files.isExecutable(Path.of("/bin/curl"));
    }
}
