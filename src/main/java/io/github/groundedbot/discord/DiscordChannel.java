package io.github.groundedbot.discord;

import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.chat.ChatChannel;
import io.github.groundedbot.chat.Delivery;
import io.github.groundedbot.chat.PlatformHttp;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Delivers an answer by editing the interaction's deferred reply ("thinking…") into the answer, through {@link Delivery}. */
@ApplicationScoped
public class DiscordChannel implements ChatChannel<DiscordDestination> {

    /** Discord asks API clients to name themselves this way. */
    static final String USER_AGENT = "DiscordBot (https://github.com/groundedbot/grounded-bot, 0.1)";

    private final DiscordSettings settings;
    private final PlatformHttp http;
    private final Delivery delivery;

    public DiscordChannel(DiscordSettings settings, PlatformHttp http) {
        this.settings = settings;
        this.http = http;
        this.delivery = new Delivery("Discord", settings.retry());
    }

    @Override
    public String name() {
        return "discord";
    }

    @Override
    public void deliver(DiscordDestination destination, Answer answer) {
        DiscordMessage message = DiscordReplies.render(answer);
        delivery.start(destination.toString(), () -> http.send("PATCH", original(destination), message,
                Map.of("User-Agent", USER_AGENT), delivery.attemptTimeout()));
    }

    /** {@code {api}/webhooks/{application id}/{token}/messages/@original}: the reply the deferral created. */
    URI original(DiscordDestination destination) {
        return URI.create(settings.apiUrl().replaceAll("/+$", "") + "/webhooks/" + segment(destination.applicationId())
                + "/" + segment(destination.token()) + "/messages/@original");
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
