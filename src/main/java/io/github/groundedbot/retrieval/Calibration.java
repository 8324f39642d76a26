package io.github.groundedbot.retrieval;

import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How close "on topic but not the answer" gets in one fact base, measured at each load. Each
 * snippet's title stands in for a question about it: its closest sentence in its own snippet is a
 * positive, its closest title or sentence in any other snippet a negative. A one-product FAQ, where
 * every snippet is about the same thing, has far higher negatives than a multi-topic article, so
 * the similarity that counts as "this snippet answers it" follows from the base, not a constant.
 *
 * @param negativeMedian the median, over titles, of the closest other snippet's cosine
 * @param negativeHigh   the {@value #HIGH_QUANTILE} quantile of the same: how close unrelated snippets get
 * @param positiveMedian the median, over titles, of the closest own sentence's cosine
 * @param samples        how many titles were measured
 */
public record Calibration(double negativeMedian, double negativeHigh, double positiveMedian, int samples) {

    private static final Logger LOG = Logger.getLogger(Calibration.class);
    /** The quantile of negatives taken as the level unrelated snippets reach. */
    static final double HIGH_QUANTILE = 0.9;
    /** Most titles measured, and most snippets each is compared with: calibration stays well under a second. */
    private static final int MAX_SAMPLES = 400;
    private static final long SEED = 42;

    /** For a base too small to measure (fewer than two snippets). */
    public static final Calibration NONE = new Calibration(0, 0, 1, 0);

    static Calibration measure(Map<String, float[][]> parts) {
        List<float[][]> snippets = new ArrayList<>(parts.values());
        if (snippets.size() < 2) {
            return NONE;
        }
        Collections.shuffle(snippets, new Random(SEED));
        List<float[][]> sample = snippets.subList(0, Math.min(MAX_SAMPLES, snippets.size()));
        double[] negatives = new double[sample.size()];
        double[] positives = new double[sample.size()];
        for (int i = 0; i < sample.size(); i++) {
            float[] title = sample.get(i)[0];
            double positive = 0;
            for (int k = 1; k < sample.get(i).length; k++) {
                positive = Math.max(positive, Vectors.dot(title, sample.get(i)[k]));
            }
            double negative = -1;
            for (int j = 0; j < sample.size(); j++) {
                if (j != i) {
                    float[][] other = sample.get(j);
                    for (int k = 1; k < other.length; k++) {
                        negative = Math.max(negative, Vectors.dot(title, other[k]));
                    }
                }
            }
            negatives[i] = negative;
            positives[i] = positive;
        }
        Calibration calibration = new Calibration(quantile(negatives, 0.5), quantile(negatives, HIGH_QUANTILE),
                quantile(positives, 0.5), sample.size());
        LOG.infof("Calibrated on %d titles: unrelated snippets reach a cosine of %.3f (median %.3f); own sentences %.3f",
                calibration.samples(), calibration.negativeHigh(), calibration.negativeMedian(),
                calibration.positiveMedian());
        return calibration;
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }
}
