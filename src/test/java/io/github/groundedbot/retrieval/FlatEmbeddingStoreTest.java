package io.github.groundedbot.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.CosineSimilarity;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FlatEmbeddingStoreTest {

    @Test
    void findsExactlyTheNearestVectorsInOrder() {
        check(500);
    }

    @Test
    void parallelSearchOfALargeStoreIsExactToo() {
        check(FlatEmbeddingStore.PARALLEL_FROM + 1_234);
    }

    @Test
    void cosineOfAStoredVectorMatchesLangchain4j() {
        Random random = new Random(7);
        FlatEmbeddingStore store = new FlatEmbeddingStore();
        Embedding stored = random(random, 16);
        store.addAll(List.of("a"), List.of(stored), List.of(TextSegment.from("a")));
        Embedding query = random(random, 16);
        assertThat(store.cosine(query, "a")).isCloseTo(CosineSimilarity.between(query, stored), within(1e-5));
        assertThat(store.cosine(query, "missing")).isZero();
    }

    @Test
    void approximateSearchOfALargeStoreFindsNearlyAllTrueNeighbours() {
        // Clustered, off-centre vectors, as sentence embeddings are: topics, and a shared direction.
        int n = 100_000;
        int dimension = 128;
        Random random = new Random(11);
        float[][] centres = new float[400][];
        float[] shared = random(random, dimension).vector();
        for (int c = 0; c < centres.length; c++) {
            centres[c] = random(random, dimension).vector();
        }
        List<String> ids = new ArrayList<>(n);
        List<Embedding> vectors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            float[] centre = centres[random.nextInt(centres.length)];
            float[] v = new float[dimension];
            for (int d = 0; d < dimension; d++) {
                v[d] = 2 * shared[d] + centre[d] + 0.7f * (float) random.nextGaussian();
            }
            ids.add("id" + i);
            vectors.add(Embedding.from(v));
        }
        FlatEmbeddingStore approximate = new FlatEmbeddingStore(50_000);
        approximate.addAll(ids, vectors, null);
        FlatEmbeddingStore exact = new FlatEmbeddingStore();
        exact.addAll(ids, vectors, null);

        int found = 0;
        int queries = 50;
        for (int q = 0; q < queries; q++) {
            float[] near = vectors.get(random.nextInt(n)).vector().clone();
            for (int d = 0; d < dimension; d++) {
                near[d] += 0.5f * (float) random.nextGaussian();
            }
            EmbeddingSearchRequest request = EmbeddingSearchRequest.builder().queryEmbedding(Embedding.from(near))
                    .maxResults(10).build();
            List<String> truth = exact.search(request).matches().stream().map(EmbeddingMatch::embeddingId).toList();
            List<String> got = approximate.search(request).matches().stream().map(EmbeddingMatch::embeddingId).toList();
            assertThat(got).hasSize(10);
            found += (int) got.stream().filter(truth::contains).count();
        }
        assertThat(found / (double) (queries * 10)).as("recall@10").isGreaterThanOrEqualTo(0.9);
    }

    private static void check(int n) {
        Random random = new Random(n);
        FlatEmbeddingStore store = new FlatEmbeddingStore();
        List<String> ids = new ArrayList<>();
        List<Embedding> vectors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add("id" + i);
            vectors.add(random(random, 32));
        }
        store.addAll(ids, vectors, null);
        Embedding query = random(random, 32);

        List<EmbeddingMatch<TextSegment>> matches = store.search(
                EmbeddingSearchRequest.builder().queryEmbedding(query).maxResults(10).build()).matches();

        List<String> expected = ids.stream()
                .sorted(Comparator.comparingDouble((String id) -> -CosineSimilarity.between(query,
                        vectors.get(Integer.parseInt(id.substring(2))))))
                .limit(10).toList();
        assertThat(matches).extracting(EmbeddingMatch::embeddingId).containsExactlyElementsOf(expected);
        assertThat(matches.get(0).score()).isGreaterThanOrEqualTo(matches.get(9).score());
    }

    private static Embedding random(Random random, int dimension) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Embedding.from(v);
    }
}
