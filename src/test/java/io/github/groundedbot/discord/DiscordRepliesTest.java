package io.github.groundedbot.discord;

import io.github.groundedbot.answer.Answer;
import io.github.groundedbot.answer.Citation;
import io.github.groundedbot.answer.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiscordRepliesTest {

    private static Citation citation(int n) {
        return new Citation("s" + n, "Title " + n, "Source " + n, "https://example.org/" + n, null, "text", 0.5);
    }

    @Test
    void smallTalkIsTheMessageAlone() {
        DiscordMessage message = DiscordReplies.render(Answer.of(Outcome.SMALL_TALK, "Hello!", "c"));
        assertThat(message.content()).isEqualTo("Hello!");
        assertThat(message.embeds()).isEmpty();
        assertThat(message.allowedMentions().parse()).isEmpty();
    }

    @Test
    void markdownInTheAnswerStaysText() {
        DiscordMessage message = DiscordReplies.render(Answer.of(Outcome.ERROR, "a *b* _c_ `d` [e](f) @everyone", "c"));
        assertThat(message.content()).isEqualTo("a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) @everyone");
    }

    @Test
    void everythingFitsDiscordsLimits() {
        List<Citation> many = IntStream.rangeClosed(1, 200).mapToObj(DiscordRepliesTest::citation).toList();
        Answer answer = new Answer("word ".repeat(1000) + "[1]", Outcome.ANSWERED, many, "c", "x".repeat(5000));
        DiscordMessage message = DiscordReplies.render(answer);
        assertThat(message.content()).hasSizeLessThanOrEqualTo(DiscordReplies.LIMITS.text()).endsWith("…");
        DiscordMessage.Embed sources = message.embeds().get(0);
        assertThat(sources.description()).hasSizeLessThanOrEqualTo(DiscordReplies.LIMITS.sources())
                .startsWith("\\[1\\] [Title 1](https://example.org/1) · *Source 1*").containsPattern("…and \\d+ more$");
        assertThat(sources.footer().text()).hasSizeLessThanOrEqualTo(DiscordReplies.LIMITS.reading());
    }

    @Test
    void aPublicKeyThatIsNotOneKeepsDiscordOff() {
        assertThatThrownBy(() -> new DiscordSignatureVerifier("abcd", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DiscordSignatureVerifier("not hex at all", Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
