package io.github.groundedbot.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.aggregator.ReciprocalRankFuser;
import io.github.groundedbot.knowledge.Snippet;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dense (all-MiniLM-L6-v2) and lexical (BM25) retrieval, fused with langchain4j's
 * {@link ReciprocalRankFuser}: rank fusion needs no score calibration between the two.
 */
@ApplicationScoped
public class HybridRetriever {

    private final IndexHolder holder;
    private final QueryEmbedder embedder;
    private final RetrievalConfig config;

    private final Timer latency;
    private final DistributionSummary topScore;

    public HybridRetriever(IndexHolder holder, QueryEmbedder embedder, RetrievalConfig config, MeterRegistry registry) {
        this.holder = holder;
        this.embedder = embedder;
        this.config = config;
        this.latency = Timer.builder("bot.retrieval.latency")
                .description("Dense and BM25 search and fusion, without embedding the question")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.topScore = DistributionSummary.builder("bot.retrieval.top.score")
                .description("Cosine similarity of the best retrieved snippet").register(registry);
    }

    public Retrieval retrieve(String query) {
        KnowledgeIndex index = holder.current();
        Embedding embedding = embedder.embed(query);
        Timer.Sample sample = Timer.start();
        Retrieval retrieval = search(query, embedding, index);
        sample.stop(latency);
        retrieval.candidates().stream().mapToDouble(Candidate::cosine).max().ifPresent(topScore::record);
        return retrieval;
    }

    private Retrieval search(String query, Embedding embedding, KnowledgeIndex index) {
        int perRetriever = config.candidatesPerRetriever();

        List<DenseIndex.Hit> dense = index.dense().search(embedding, perRetriever);
        List<LexicalIndex.Hit> lexical = index.lexical().search(query, perRetriever);

        Map<String, Double> bm25 = new HashMap<>();
        lexical.forEach(hit -> bm25.put(hit.id(), hit.score()));

        List<Content> fused = ReciprocalRankFuser.fuse(List.of(
                dense.stream().map(hit -> content(hit.id())).toList(),
                lexical.stream().map(hit -> content(hit.id())).toList()));

        List<Candidate> candidates = fused.stream()
                .limit(config.topK())
                .map(content -> {
                    String id = content.textSegment().text();
                    Snippet snippet = index.facts().find(id).orElseThrow();
                    return new Candidate(snippet, rrf(id, dense, lexical), index.dense().cosine(embedding, id),
                            bm25.getOrDefault(id, 0.0));
                })
                .toList();
        return new Retrieval(query, embedding, candidates, index);
    }

    /** The fuser only returns an order; recompute its score (k = 60, as langchain4j uses) for reporting. */
    private static double rrf(String id, List<DenseIndex.Hit> dense, List<LexicalIndex.Hit> lexical) {
        double score = 0;
        for (int i = 0; i < dense.size(); i++) {
            if (dense.get(i).id().equals(id)) {
                score += 1.0 / (60 + i + 1);
            }
        }
        for (int i = 0; i < lexical.size(); i++) {
            if (lexical.get(i).id().equals(id)) {
                score += 1.0 / (60 + i + 1);
            }
        }
        return score;
    }

    private static Content content(String snippetId) {
        // The fuser tells contents apart by equality, so the snippet id is the content's text.
        return Content.from(TextSegment.from(snippetId));
    }
}
