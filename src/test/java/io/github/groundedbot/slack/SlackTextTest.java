package io.github.groundedbot.slack;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SlackTextTest {

    @Test
    void theBotsMentionIsRemovedWherever() {
        assertEquals("who invented the running machine?",
                SlackText.question("<@U0BOT> who invented the running machine?", "U0BOT"));
        assertEquals("so who invented it?", SlackText.question("so <@U0BOT|grounded> who invented it?", "U0BOT"));
    }

    @Test
    void otherPeoplesMentionsStay() {
        assertEquals("did <@U0ALICE> ask this?", SlackText.question("<@U0BOT> did <@U0ALICE> ask this?", "U0BOT"));
    }

    @Test
    void withoutTheBotsIdALeadingMentionIsTakenToBeTheBot() {
        assertEquals("what is a draisine?", SlackText.question("<@U0BOT> what is a draisine?", null));
    }

    @Test
    void linksAndChannelsReadAsTheirLabelsAndEscapesAreUndone() {
        assertEquals("is example.org & #general about bikes? a < b",
                SlackText.question("<@U0BOT> is <https://example.org|example.org> &amp; <#C0GEN|general> about bikes? "
                        + "a &lt; b", "U0BOT"));
        assertEquals("see https://example.org/x", SlackText.plain("see <https://example.org/x>"));
        assertEquals("&lt; stays literal", SlackText.plain("&amp;lt; stays literal"));
    }

    @Test
    void nothingLeftIsEmpty() {
        assertEquals("", SlackText.question("<@U0BOT>", "U0BOT"));
        assertEquals("", SlackText.plain(null));
    }
}
