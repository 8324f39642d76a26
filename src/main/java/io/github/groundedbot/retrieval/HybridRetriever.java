package io.github.groundedbot.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.aggregator.ReciprocalRankFuser;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import io.github.groundedbot.language.TextAnalyzer;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Dense (all-MiniLM-L6-v2) and lexical (BM25) retrieval as two langchain4j {@link ContentRetriever}s
 * over one index version, fused with langchain4j's {@link ReciprocalRankFuser}: rank fusion needs no
 * score calibration between the two. As a {@link ContentRetriever} itself, it plugs into a langchain4j
 * {@code RetrievalAugmentor}; each content's segment carries the snippet id ({@link SnippetSegments}).
 */
@ApplicationScoped
public class HybridRetriever implements ContentRetriever {

    private final IndexHolder holder;
    private final QueryEmbedder embedder;
    private final QueryEmbeddingModel model;
    private final RetrievalConfig config;

    private final Timer latency;
    private final DistributionSummary topScore;

    public HybridRetriever(IndexHolder holder, QueryEmbedder embedder, RetrievalConfig config, MeterRegistry registry) {
        this.holder = holder;
        this.embedder = embedder;
        this.model = new QueryEmbeddingModel(embedder);
        this.config = config;
        this.latency = Timer.builder("bot.retrieval.latency")
                .description("Dense and BM25 search and fusion, without embedding the question")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.topScore = DistributionSummary.builder("bot.retrieval.top.score")
                .description("Cosine similarity of the best retrieved snippet").register(registry);
    }

    @Override
    public List<Content> retrieve(Query query) {
        KnowledgeIndex index = holder.current();
        int perRetriever = config.candidatesPerRetriever();
        return fused(query, model, new LexicalContentRetriever(index.lexical(), perRetriever).retrieve(query), index);
    }

    /**
     * Searches one index version, the one a caller already read the question's aliases from.
     *
     * @param terms the query's terms as {@link TextAnalyzer#terms} gives them, in order: BM25 searches
     *              them without analysing the query again
     */
    public Retrieval retrieve(String query, Collection<String> terms, KnowledgeIndex index) {
        Embedding embedding = embedder.embed(query);
        Timer.Sample sample = Timer.start();
        Retrieval retrieval = search(query, terms, embedding, index);
        sample.stop(latency);
        retrieval.candidates().stream().mapToDouble(Candidate::cosine).max().ifPresent(topScore::record);
        return retrieval;
    }

    /**
     * Searches a given index version, serving or not (the knowledge tests check a fresh one before it
     * serves), without recording retrieval metrics: the curators' checks are not questions.
     */
    public Retrieval retrieveUnmetered(String query, Collection<String> terms, KnowledgeIndex index) {
        return search(query, terms, embedder.embed(query), index);
    }

    private Retrieval search(String query, Collection<String> terms, Embedding embedding, KnowledgeIndex index) {
        List<Content> lexical = LexicalContentRetriever.contents(
                index.lexical().search(terms, config.candidatesPerRetriever()));
        List<Content> fused = fused(Query.from(query), new Embedded(embedding), lexical, index);
        List<Candidate> candidates = new ArrayList<>(fused.size());
        for (Content content : fused) {
            SnippetContent found = (SnippetContent) content;
            candidates.add(new Candidate(found.snippet(), candidates.size(), cosine(found, embedding, index)));
        }
        return new Retrieval(query, embedding, List.copyOf(candidates), index);
    }

    /**
     * The dense and the BM25 contents of one question, fused by langchain4j's {@link ReciprocalRankFuser}.
     * Both are {@link SnippetContent}s, which the fuser tells apart by snippet id alone.
     */
    private List<Content> fused(Query query, EmbeddingModel questions, List<Content> lexical, KnowledgeIndex index) {
        ContentRetriever dense = EmbeddingStoreContentRetriever.builder()
                .embeddingStore(index.vectors()).embeddingModel(questions).maxResults(config.candidatesPerRetriever())
                .build();
        List<Content> denseContents = dense.retrieve(query).stream()
                .<Content>map(content -> new SnippetContent(
                        index.facts().find(SnippetSegments.idOf(content)).orElseThrow(), content.textSegment(),
                        content.metadata()))
                .toList();
        return ReciprocalRankFuser.fuse(List.of(denseContents, lexical)).stream()
                .limit(config.topK())
                .toList();
    }

    /** A question already embedded, handed to langchain4j's dense retriever: no second trip through the cache. */
    private record Embedded(Embedding embedding) implements EmbeddingModel {
        /** What langchain4j's dense retriever calls: the vector as it is, without building an embedding request. */
        @Override
        public Response<Embedding> embed(String text) {
            return Response.from(embedding);
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            return Response.from(Collections.nCopies(segments.size(), embedding));
        }
    }

    /**
     * The fuser keeps the first content it met for a snippet, the dense one when both retrievers found
     * it: its score is relevance (cosine mapped to [0, 1]). A snippet only BM25 found asks the store.
     */
    private static double cosine(SnippetContent content, Embedding embedding, KnowledgeIndex index) {
        if (content.metadata().containsKey(ContentMetadata.EMBEDDING_ID)) {
            return 2 * ((Number) content.metadata().get(ContentMetadata.SCORE)).doubleValue() - 1;
        }
        return index.vectors().cosine(embedding, content.snippet().id());
    }
}
