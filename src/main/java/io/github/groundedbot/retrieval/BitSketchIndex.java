package io.github.groundedbot.retrieval;

import java.util.stream.IntStream;

/**
 * A coarse first pass over many unit vectors: one bit per dimension and vector, set when the value
 * lies above the corpus mean there. The Hamming distance between two sketches (XOR and popcount)
 * tracks the angle between the centred vectors, so the nearest sketches hold the nearest vectors
 * with high probability, at 1/32 of the memory and a few instructions per vector. The caller
 * re-ranks the candidates it returns by their exact cosines.
 * <p>
 * Immutable once built; {@link #closest} is thread-safe.
 */
final class BitSketchIndex {

    private final long[] bits;
    private final int words;
    private final int count;
    private final float[] mean;

    private BitSketchIndex(long[] bits, int words, int count, float[] mean) {
        this.bits = bits;
        this.words = words;
        this.count = count;
        this.mean = mean;
    }

    /**
     * Sketches the first {@code count} vectors of {@code matrix}, stored one after the other with
     * {@code dimension} values each.
     */
    static BitSketchIndex of(float[] matrix, int count, int dimension) {
        float[] mean = new float[dimension];
        for (int i = 0; i < count; i++) {
            for (int d = 0; d < dimension; d++) {
                mean[d] += matrix[i * dimension + d];
            }
        }
        for (int d = 0; d < dimension; d++) {
            mean[d] /= count;
        }
        int words = (dimension + 63) / 64;
        long[] bits = new long[count * words];
        for (int i = 0; i < count; i++) {
            sketch(matrix, i * dimension, mean, bits, i * words);
        }
        return new BitSketchIndex(bits, words, count, mean);
    }

    /** Vectors sketched. */
    int count() {
        return count;
    }

    /** Positions of at least {@code wanted} vectors whose sketches are closest to the query's, in position order. */
    int[] closest(float[] query, int wanted) {
        long[] q = new long[words];
        sketch(query, 0, mean, q, 0);
        int[] distance = new int[count];
        int chunks = Runtime.getRuntime().availableProcessors();
        int[] histogram = IntStream.range(0, chunks).parallel()
                .mapToObj(c -> distances(q, distance, (int) ((long) count * c / chunks), (int) ((long) count * (c + 1) / chunks)))
                .reduce(new int[words * 64 + 1], BitSketchIndex::sum);
        int cutoff = 0;
        for (int seen = histogram[0]; seen < wanted && cutoff < histogram.length - 1; seen += histogram[++cutoff]) {
            // find the smallest distance that admits enough candidates
        }
        int size = 0;
        for (int d = 0; d <= cutoff; d++) {
            size += histogram[d];
        }
        int[] positions = new int[size];
        int next = 0;
        for (int i = 0; i < count; i++) {
            if (distance[i] <= cutoff) {
                positions[next++] = i;
            }
        }
        return positions;
    }

    /** Fills the Hamming distances of positions [from, to) and returns their histogram. */
    private int[] distances(long[] q, int[] distance, int from, int to) {
        int[] histogram = new int[words * 64 + 1];
        for (int i = from; i < to; i++) {
            int bitsApart = 0;
            for (int w = 0; w < words; w++) {
                bitsApart += Long.bitCount(q[w] ^ bits[i * words + w]);
            }
            distance[i] = bitsApart;
            histogram[bitsApart]++;
        }
        return histogram;
    }

    private static int[] sum(int[] a, int[] b) {
        int[] sum = a.clone();
        for (int i = 0; i < b.length; i++) {
            sum[i] += b[i];
        }
        return sum;
    }

    private static void sketch(float[] vector, int offset, float[] mean, long[] into, int at) {
        for (int d = 0; d < mean.length; d++) {
            if (vector[offset + d] > mean[d]) {
                into[at + d / 64] |= 1L << (d % 64);
            }
        }
    }
}
