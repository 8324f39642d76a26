package io.github.groundedbot.answer;

import io.github.groundedbot.compose.Deltas;
import io.github.groundedbot.conversation.ConversationIds;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class ConversationBehaviourTest {

    private static final String CHANNEL = "test";

    @Inject
    AnswerService answers;

    private Answer ask(String question, String conversationId) {
        return answers.ask(Question.inConversation(CHANNEL, question, conversationId));
    }

    @Test
    void followUpIsResolvedAndSaysHow() {
        String id = UUID.randomUUID().toString();
        ask("What is Yi-34B?", id);
        Answer followUp = ask("Who released it?", id);

        assertThat(followUp.grounded()).isTrue();
        assertThat(followUp.resolvedQuestion()).startsWith("Who released it?").contains("Yi-34B");
        assertThat(followUp.answer()).contains("01.AI").contains("Yi-34B");
    }

    @Test
    void standaloneQuestionsAreNotMarkedResolved() {
        String id = UUID.randomUUID().toString();
        assertThat(ask("What is Yi-34B?", id).resolvedQuestion()).isNull();
        assertThat(ask("What is Huawei working on?", id).resolvedQuestion()).isNull();
    }

    @Test
    void newTopicAfterAFollowUpChainIsAnsweredAboutTheNewTopic() {
        String id = UUID.randomUUID().toString();
        ask("What did OpenAI do to ByteDance?", id);
        ask("and when?", id);
        Answer newTopic = ask("What did Nvidia and AMD do in 2022?", id);

        assertThat(newTopic.resolvedQuestion()).isNull();
        assertThat(newTopic.answer()).contains("Nvidia").doesNotContain("ByteDance");
        assertThat(newTopic.citations()).allSatisfy(c -> assertThat(c.snippet()).doesNotContain("ByteDance"));
    }

    @Test
    void tellMeMoreShowsNewFactsUntilThereAreNone() {
        String id = UUID.randomUUID().toString();
        Answer first = ask("What is Huawei working on?", id);
        Set<String> shown = new HashSet<>(first.citations().stream().map(Citation::id).toList());

        List<Answer> more = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Answer next = ask("tell me more", id);
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
        assertThat(last.outcome()).as("the related facts run out").isEqualTo(Outcome.NOTHING_MORE);
        assertThat(last.citations()).isEmpty();
        assertThat(last.answer()).contains("nothing more");
    }

    @Test
    void unknownConversationIdFromAClientStartsAFreshConversationWithANewId() {
        Answer answer = answers.ask(Question.fromClient("rest", "Who released it?", "never-seen-" + UUID.randomUUID()));
        assertThat(answer.resolvedQuestion()).isNull();
        assertThat(answer.conversationId()).doesNotStartWith("never-seen-");
        assertThat(ConversationIds.looksIssued(answer.conversationId())).isTrue();
    }

    @Test
    void aClientContinuesOnlyTheConversationItWasGiven() {
        Answer first = answers.ask(Question.fromClient("rest", "What is Yi-34B?", null));
        Answer followUp = answers.ask(Question.fromClient("rest", "Who released it?", first.conversationId()));
        assertThat(followUp.conversationId()).isEqualTo(first.conversationId());
        assertThat(followUp.resolvedQuestion()).contains("Yi-34B");
    }

    @Test
    void anIdOfOneChannelNeverReachesAConversationOfAnother() {
        String socket = ConversationIds.issue();
        answers.ask(Question.inConversation("websocket", "What is Yi-34B?", socket));
        Answer fromRest = answers.ask(Question.fromClient("rest", "Who released it?", socket));
        assertThat(fromRest.conversationId()).isNotEqualTo(socket);
        assertThat(fromRest.resolvedQuestion()).isNull();
    }

    @Test
    void aHugeConversationIdIsRefusedNotStored() {
        String huge = "x".repeat(60_000);
        assertThatThrownBy(() -> answers.ask(Question.fromClient("rest", "What is Yi-34B?", huge)))
                .isInstanceOf(InvalidQuestionException.class).hasMessageContaining("conversationId");
    }

    @Test
    void deltasConcatenateToTheAnswer() {
        StringBuilder streamed = new StringBuilder();
        List<String> deltas = new ArrayList<>();
        Answer answer = answers.ask(Question.inConversation(CHANNEL, "What did ByteDance use ChatGPT for?", null),
                Deltas.streamedTo(delta -> {
                    deltas.add(delta);
                    streamed.append(delta);
                }));
        assertThat(deltas).isNotEmpty();
        assertThat(streamed.toString()).isEqualTo(answer.answer());
    }
}
