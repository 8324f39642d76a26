package io.github.groundedbot.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.RelevanceScore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * An exact, in-memory {@link EmbeddingStore} built for speed: unit vectors in one contiguous
 * array, so a search is one pass of dot products (cosine of unit vectors) with a small top-k heap.
 * langchain4j's {@code InMemoryEmbeddingStore} recomputes both norms for every entry and allocates
 * a match per entry; at 100k snippets that is about five times slower. Exact search keeps recall
 * perfect, and from {@link #PARALLEL_FROM} vectors the pass is split over the cores.
 * <p>
 * Built once per index version (adds before searches); searches are thread-safe after that.
 */
public final class FlatEmbeddingStore implements SnippetVectors {

    static final int PARALLEL_FROM = 20_000;
    /** Vectors re-ranked exactly after the bit-sketch pass: recall stays near 1 while the scan stays cheap. */
    static final int RERANK_AT_LEAST = 8_000;

    private final int approximateFrom;
    private final List<String> ids = new ArrayList<>();
    private final List<TextSegment> segments = new ArrayList<>();
    private final Map<String, Integer> positions = new HashMap<>();
    private float[] matrix = new float[0];
    private int dimension = -1;
    private BitSketchIndex sketches;

    /** Always exact. */
    public FlatEmbeddingStore() {
        this(Integer.MAX_VALUE);
    }

    /**
     * @param approximateFrom from this many vectors on, a search first narrows the candidates with a
     *                        {@link BitSketchIndex} and computes exact cosines only for the few
     *                        thousand closest sketches; below it, every cosine is computed
     */
    public FlatEmbeddingStore(int approximateFrom) {
        this.approximateFrom = approximateFrom;
    }

    @Override
    public String add(Embedding embedding) {
        String id = UUID.randomUUID().toString();
        add(id, embedding, null);
        return id;
    }

    @Override
    public void add(String id, Embedding embedding) {
        add(id, embedding, null);
    }

    @Override
    public String add(Embedding embedding, TextSegment segment) {
        String id = UUID.randomUUID().toString();
        add(id, embedding, segment);
        return id;
    }

    @Override
    public List<String> addAll(List<Embedding> embeddings) {
        List<String> newIds = embeddings.stream().map(e -> UUID.randomUUID().toString()).toList();
        addAll(newIds, embeddings, null);
        return newIds;
    }

    @Override
    public synchronized void addAll(List<String> newIds, List<Embedding> embeddings, List<TextSegment> embedded) {
        if (embeddings.isEmpty()) {
            return;
        }
        if (dimension < 0) {
            dimension = embeddings.get(0).dimension();
        }
        int start = ids.size();
        matrix = Arrays.copyOf(matrix, (start + embeddings.size()) * dimension);
        for (int i = 0; i < embeddings.size(); i++) {
            float[] vector = embeddings.get(i).vector();
            if (vector.length != dimension) {
                throw new IllegalArgumentException("Embedding of dimension " + vector.length + ", store holds " + dimension);
            }
            double norm = 0;
            for (float v : vector) {
                norm += v * v;
            }
            float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
            for (int d = 0; d < dimension; d++) {
                matrix[(start + i) * dimension + d] = vector[d] * scale;
            }
            String id = newIds.get(i);
            positions.put(id, start + i);
            ids.add(id);
            segments.add(embedded == null ? null : embedded.get(i));
        }
        sketches = ids.size() >= approximateFrom ? BitSketchIndex.of(matrix, ids.size(), dimension) : null;
    }

    private void add(String id, Embedding embedding, TextSegment segment) {
        addAll(List.of(id), List.of(embedding), segment == null ? null : List.of(segment));
    }

    @Override
    public EmbeddingSearchResult<TextSegment> search(EmbeddingSearchRequest request) {
        float[] query = Vectors.unit(request.queryEmbedding().vector());
        int n = ids.size();
        int k = Math.min(request.maxResults(), n);
        if (k <= 0) {
            return new EmbeddingSearchResult<>(List.of());
        }
        List<Hit> best;
        BitSketchIndex sketched = sketches;
        if (sketched != null && sketched.count() == n) {
            best = exactAmong(query, sketched.closest(query, Math.max(RERANK_AT_LEAST, 50 * k)), k);
        } else if (n < PARALLEL_FROM) {
            best = topK(query, 0, n, k);
        } else {
            int chunks = Runtime.getRuntime().availableProcessors();
            best = IntStream.range(0, chunks).parallel()
                    .mapToObj(c -> topK(query, (int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks), k))
                    .flatMap(List::stream)
                    .sorted(Comparator.comparingDouble(Hit::cosine).reversed())
                    .limit(k)
                    .toList();
        }
        double minScore = request.minScore();
        List<EmbeddingMatch<TextSegment>> matches = new ArrayList<>(best.size());
        for (Hit hit : best) {
            double relevance = RelevanceScore.fromCosineSimilarity(hit.cosine);
            if (relevance >= minScore) {
                matches.add(new EmbeddingMatch<>(relevance, ids.get(hit.position), null, segments.get(hit.position)));
            }
        }
        return new EmbeddingSearchResult<>(matches);
    }

    @Override
    public double cosine(Embedding query, String id) {
        Integer position = positions.get(id);
        return position == null ? 0 : dot(Vectors.unit(query.vector()), position * dimension);
    }

    public int size() {
        return ids.size();
    }

    private List<Hit> topK(float[] query, int from, int to, int k) {
        return topK(query, null, from, to, k);
    }

    /** Exact cosines for the given positions, split over the cores. */
    private List<Hit> exactAmong(float[] query, int[] positions, int k) {
        int chunks = Runtime.getRuntime().availableProcessors();
        int n = positions.length;
        return IntStream.range(0, chunks).parallel()
                .mapToObj(c -> topK(query, positions, (int) ((long) n * c / chunks), (int) ((long) n * (c + 1) / chunks), k))
                .flatMap(List::stream)
                .sorted(Comparator.comparingDouble(Hit::cosine).reversed())
                .limit(k)
                .toList();
    }

    /** The k best among entries [from, to) of {@code positions}, or of all stored vectors when it is null. */
    private List<Hit> topK(float[] query, int[] positions, int from, int to, int k) {
        PriorityQueue<Hit> heap = new PriorityQueue<>(k + 1, Comparator.comparingDouble(Hit::cosine));
        for (int p = from; p < to; p++) {
            int position = positions == null ? p : positions[p];
            float cosine = dot(query, position * dimension);
            if (heap.size() < k) {
                heap.add(new Hit(position, cosine));
            } else if (cosine > heap.peek().cosine) {
                heap.poll();
                heap.add(new Hit(position, cosine));
            }
        }
        List<Hit> hits = new ArrayList<>(heap);
        hits.sort(Comparator.comparingDouble(Hit::cosine).reversed());
        return hits;
    }

    /** Four accumulators let the JIT keep several multiply-adds in flight. */
    private float dot(float[] query, int offset) {
        float a = 0;
        float b = 0;
        float c = 0;
        float d = 0;
        int i = 0;
        int end = dimension - 3;
        for (; i < end; i += 4) {
            a += query[i] * matrix[offset + i];
            b += query[i + 1] * matrix[offset + i + 1];
            c += query[i + 2] * matrix[offset + i + 2];
            d += query[i + 3] * matrix[offset + i + 3];
        }
        for (; i < dimension; i++) {
            a += query[i] * matrix[offset + i];
        }
        return a + b + c + d;
    }

    private record Hit(int position, float cosine) {
    }
}
