package io.github.groundedbot.retrieval;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;

import java.util.List;
import java.util.Map;

/** BM25 retrieval over one index version, as a langchain4j {@link ContentRetriever}; the score is BM25's. */
public final class LexicalContentRetriever implements ContentRetriever {

    private final LexicalIndex lexical;
    private final int maxResults;

    public LexicalContentRetriever(LexicalIndex lexical, int maxResults) {
        this.lexical = lexical;
        this.maxResults = maxResults;
    }

    @Override
    public List<Content> retrieve(Query query) {
        return contents(lexical.search(query.text(), maxResults));
    }

    /** BM25 hits as contents, best first. */
    static List<Content> contents(List<LexicalIndex.Hit> hits) {
        return hits.stream()
                .<Content>map(hit -> new SnippetContent(hit.snippet(), SnippetSegments.of(hit.snippet()),
                        Map.of(ContentMetadata.SCORE, hit.score())))
                .toList();
    }
}
