package io.github.groundedbot.answer;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class ConversationBehaviourTest {

    @Inject
    AnswerService answers;

    @Test
    void followUpIsResolvedAndSaysHow() {
        String id = UUID.randomUUID().toString();
        answers.ask("What is Yi-34B?", id);
        Answer followUp = answers.ask("Who released it?", id);

        assertThat(followUp.grounded()).isTrue();
        assertThat(followUp.resolvedQuestion()).startsWith("Who released it?").contains("Yi-34B");
        assertThat(followUp.answer()).contains("01.AI").contains("Yi-34B");
    }

    @Test
    void standaloneQuestionsAreNotMarkedResolved() {
        String id = UUID.randomUUID().toString();
        assertThat(answers.ask("What is Yi-34B?", id).resolvedQuestion()).isNull();
        assertThat(answers.ask("What is Huawei working on?", id).resolvedQuestion()).isNull();
    }

    @Test
    void newTopicAfterAFollowUpChainIsAnsweredAboutTheNewTopic() {
        String id = UUID.randomUUID().toString();
        answers.ask("What did OpenAI do to ByteDance?", id);
        answers.ask("and when?", id);
        Answer newTopic = answers.ask("What did Nvidia and AMD do in 2022?", id);

        assertThat(newTopic.resolvedQuestion()).isNull();
        assertThat(newTopic.answer()).contains("Nvidia").doesNotContain("ByteDance");
        assertThat(newTopic.citations()).allSatisfy(c -> assertThat(c.snippet()).doesNotContain("ByteDance"));
    }

    @Test
    void tellMeMoreShowsNewFactsUntilThereAreNone() {
        String id = UUID.randomUUID().toString();
        Answer first = answers.ask("What is Huawei working on?", id);
        Set<String> shown = new HashSet<>(first.citations().stream().map(Citation::id).toList());

        List<Answer> more = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Answer next = answers.ask("tell me more", id);
            more.add(next);
            if (!next.grounded()) {
                break;
            }
            for (Citation citation : next.citations()) {
                assertThat(shown.add(citation.id())).as("fact %s shown twice", citation.id()).isTrue();
            }
        }
        assertThat(more.get(0).grounded()).as("there is more about Huawei").isTrue();
        Answer last = more.get(more.size() - 1);
        assertThat(last.grounded()).as("the related facts run out").isFalse();
        assertThat(last.citations()).isEmpty();
        assertThat(last.answer()).contains("nothing more");
    }

    @Test
    void unknownConversationIdStartsAFreshConversation() {
        Answer answer = answers.ask("Who released it?", "never-seen-" + UUID.randomUUID());
        assertThat(answer.resolvedQuestion()).isNull();
        assertThat(answer.conversationId()).startsWith("never-seen-");
    }

    @Test
    void deltasConcatenateToTheAnswer() {
        StringBuilder streamed = new StringBuilder();
        List<String> deltas = new ArrayList<>();
        Answer answer = answers.ask("What did ByteDance use ChatGPT for?", null, delta -> {
            deltas.add(delta);
            streamed.append(delta);
        });
        assertThat(deltas).isNotEmpty();
        assertThat(streamed.toString()).isEqualTo(answer.answer());
    }
}
