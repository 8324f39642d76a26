package io.github.groundedbot.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;

import java.util.List;

/**
 * The question embedder seen as a langchain4j {@link EmbeddingModel}, so langchain4j's own
 * {@code EmbeddingStoreContentRetriever} embeds questions through its cache and concurrency limit.
 */
final class QueryEmbeddingModel implements EmbeddingModel {

    private final QueryEmbedder embedder;

    QueryEmbeddingModel(QueryEmbedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        return Response.from(segments.stream().map(segment -> embedder.embed(segment.text())).toList());
    }
}
