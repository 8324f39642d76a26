package io.github.groundedbot.retrieval;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import io.github.groundedbot.knowledge.FactBase;

import java.util.List;
import java.util.Map;

/** BM25 retrieval over one index version, as a langchain4j {@link ContentRetriever}; the score is BM25's. */
public final class LexicalContentRetriever implements ContentRetriever {

    private final LexicalIndex lexical;
    private final FactBase facts;
    private final int maxResults;

    public LexicalContentRetriever(LexicalIndex lexical, FactBase facts, int maxResults) {
        this.lexical = lexical;
        this.facts = facts;
        this.maxResults = maxResults;
    }

    @Override
    public List<Content> retrieve(Query query) {
        return lexical.search(query.text(), maxResults).stream()
                .map(hit -> Content.from(SnippetSegments.of(facts.find(hit.id()).orElseThrow()),
                        Map.<ContentMetadata, Object>of(ContentMetadata.SCORE, hit.score())))
                .toList();
    }
}
