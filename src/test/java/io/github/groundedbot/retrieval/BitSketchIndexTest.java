package io.github.groundedbot.retrieval;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BitSketchIndexTest {

    private static final int DIMENSION = 96;
    private static final int COUNT = 2_000;

    private final float[] matrix = randomMatrix(new Random(3));
    private final BitSketchIndex index = BitSketchIndex.of(matrix, COUNT, DIMENSION);

    @Test
    void returnsAtLeastTheWantedNumberOfDistinctPositions() {
        int[] closest = index.closest(vector(17), 100);

        assertThat(closest.length).isGreaterThanOrEqualTo(100).isLessThan(COUNT);
        assertThat(closest).doesNotHaveDuplicates().isSorted();
        assertThat(closest[0]).isNotNegative();
        assertThat(closest[closest.length - 1]).isLessThan(COUNT);
    }

    @Test
    void aStoredVectorIsAmongTheClosestToItself() {
        for (int position : new int[] {0, 17, 1_234, COUNT - 1}) {
            assertThat(index.closest(vector(position), 10)).contains(position);
        }
    }

    @Test
    void askingForMoreThanAreStoredReturnsThemAll() {
        assertThat(index.closest(vector(5), COUNT * 2)).hasSize(COUNT);
        assertThat(index.count()).isEqualTo(COUNT);
    }

    private float[] vector(int position) {
        float[] v = new float[DIMENSION];
        System.arraycopy(matrix, position * DIMENSION, v, 0, DIMENSION);
        return v;
    }

    private static float[] randomMatrix(Random random) {
        float[] m = new float[COUNT * DIMENSION];
        for (int i = 0; i < m.length; i++) {
            m[i] = (float) random.nextGaussian();
        }
        return m;
    }
}
