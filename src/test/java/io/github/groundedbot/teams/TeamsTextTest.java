package io.github.groundedbot.teams;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TeamsTextTest {

    @Test
    void theWebhooksMentionAndTheMarkupGo() {
        assertThat(TeamsText.question("<at>Grounded</at>&nbsp;who invented the <b>running machine</b>?"))
                .isEqualTo("who invented the running machine?");
    }

    @Test
    void otherMentionsKeepTheirNamesAndEntitiesAreDecoded() {
        assertThat(TeamsText.question("<at>Grounded</at> did <at>Ada</at> say Starley &amp; Sutton &lt;1885&gt;?"))
                .isEqualTo("did Ada say Starley & Sutton <1885>?");
    }

    @Test
    void nothingButTheMentionIsEmpty() {
        assertThat(TeamsText.question("<at>Grounded</at>&nbsp;")).isEmpty();
        assertThat(TeamsText.question(null)).isEmpty();
    }
}
