package io.github.groundedbot.chat;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChatPlatformsTest {

    private record Platform(String displayName, boolean on, String howToTurnOn) implements ChatPlatform {
    }

    @Test
    void oneLineNamesThePlatformsOnAndHowToTurnOnTheRest() {
        assertThat(ChatPlatforms.summary(List.of(new Platform("Slack", true, "set S"),
                new Platform("Discord", false, "set D"), new Platform("Microsoft Teams", true, "set T"))))
                .isEqualTo("Chat platforms on: Microsoft Teams, Slack; off: Discord (set D)");
    }

    @Test
    void noneOnSaysSo() {
        assertThat(ChatPlatforms.summary(List.of(new Platform("Slack", false, "set S"))))
                .isEqualTo("Chat platforms on: none; off: Slack (set S)");
    }
}
