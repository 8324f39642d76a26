package io.github.groundedbot.chat;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Says in one startup line which chat platforms are on, and how to turn on the others. */
@ApplicationScoped
public class ChatPlatforms {

    private static final Logger LOG = Logger.getLogger(ChatPlatforms.class);

    void onStart(@Observes StartupEvent event, Instance<ChatPlatform> platforms) {
        LOG.info(summary(platforms.stream().toList()));
    }

    /** "Chat platforms on: Slack; off: Discord (set DISCORD_PUBLIC_KEY), ..." */
    static String summary(List<ChatPlatform> platforms) {
        List<ChatPlatform> sorted = platforms.stream().sorted(Comparator.comparing(ChatPlatform::displayName)).toList();
        String on = sorted.stream().filter(ChatPlatform::on).map(ChatPlatform::displayName)
                .collect(Collectors.joining(", "));
        String off = sorted.stream().filter(p -> !p.on()).map(p -> p.displayName() + " (" + p.howToTurnOn() + ")")
                .collect(Collectors.joining(", "));
        return "Chat platforms on: " + (on.isEmpty() ? "none" : on) + (off.isEmpty() ? "" : "; off: " + off);
    }
}
