package io.github.groundedbot.mattermost;

import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.chat.ChatChannel;
import io.github.groundedbot.chat.Delivery;
import io.github.groundedbot.chat.PlatformHttp;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Delivers a slash command's answer to its response URL, visible to the channel, through {@link Delivery}. */
@ApplicationScoped
public class MattermostChannel implements ChatChannel<MattermostDestination> {

    private final PlatformHttp http;
    private final Delivery delivery;

    public MattermostChannel(MattermostSettings settings, PlatformHttp http) {
        this.http = http;
        this.delivery = new Delivery("Mattermost", settings.retry());
    }

    @Override
    public String name() {
        return MattermostMessages.CHANNEL;
    }

    @Override
    public void deliver(MattermostDestination destination, Answer answer) {
        MattermostPost post = MattermostReplies.render(answer, MattermostPost.IN_CHANNEL);
        delivery.start(destination.toString(), () -> http.send("POST", destination.responseUrl(), post, Map.of(),
                delivery.attemptTimeout()));
    }
}
