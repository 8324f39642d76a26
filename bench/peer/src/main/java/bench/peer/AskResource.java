package bench.peer;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import java.util.List;

/** {@code POST /api/ask}: the top chunk is the answer; nothing above the score threshold is a refusal. */
@Path("/api/ask")
public class AskResource {

    static final String REFUSAL = "I don't know.";

    public record Question(String question) {
    }

    public record Citation(String snippet, Object score) {
    }

    public record Reply(String answer, boolean grounded, List<Citation> citations) {
    }

    private final EasyRag rag;

    public AskResource(EasyRag rag) {
        this.rag = rag;
    }

    @POST
    public Reply ask(Question question) {
        return rag.best(question.question())
                .map(AskResource::answer)
                .orElseGet(() -> new Reply(REFUSAL, false, List.of()));
    }

    private static Reply answer(Content content) {
        String text = content.textSegment().text();
        return new Reply(text, true, List.of(new Citation(text, content.metadata().get(ContentMetadata.SCORE))));
    }
}
