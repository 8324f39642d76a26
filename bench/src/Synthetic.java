import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Synthetic fact bases for the scale benchmark: made-up but varied snippets (invented companies,
 * products, places and years) so that both retrievers have real work to do.
 */
final class Synthetic {

    private static final String[] COMPANIES = {"Arvento", "Belmora", "Corvane", "Delphix", "Eastmere", "Fennox",
            "Galtric", "Halvora", "Istrel", "Jorvant", "Kelmar", "Lunetic", "Marvex", "Norvalis", "Ostrava",
            "Pellion", "Quenta", "Rovane", "Selkirk", "Tavora"};
    private static final String[] PRODUCTS = {"battery", "sensor", "router", "turbine", "drone", "microscope",
            "satellite", "compiler", "database", "thermostat", "tractor", "headset", "scanner", "pump", "camera"};
    private static final String[] PLACES = {"Lisbon", "Osaka", "Nairobi", "Quito", "Tallinn", "Perth", "Lyon",
            "Austin", "Busan", "Krakow", "Accra", "Porto", "Dublin", "Turin", "Hobart"};
    private static final String[] VERBS = {"released", "recalled", "licensed", "redesigned", "discontinued",
            "exported", "certified", "priced", "upgraded", "tested"};

    private static final int MAX_WORDS = 200;
    private static final long MAX_FILE_BYTES = 1 << 20;

    private Synthetic() {
    }

    static Path write(int snippets) throws IOException {
        Path dir = Path.of("target/bench-facts-" + snippets);
        if (Files.isDirectory(dir)) {
            return dir; // deterministic content: reuse across runs
        }
        Files.createDirectories(dir);
        Random random = new Random(snippets);
        int perFile = 500;
        for (int file = 0; file * perFile < snippets; file++) {
            try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("facts-" + file + ".md"))) {
                out.write("---\nsource: \"Synthetic facts " + file + "\"\npublished: 2024-01-01\n---\n# Synthetic topic "
                        + file + "\n\n");
                for (int i = file * perFile; i < Math.min(snippets, (file + 1) * perFile); i++) {
                    String company = COMPANIES[random.nextInt(COMPANIES.length)];
                    String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
                    String place = PLACES[random.nextInt(PLACES.length)];
                    String verb = VERBS[random.nextInt(VERBS.length)];
                    int year = 1990 + random.nextInt(35);
                    out.write("## " + company + " " + product + " model " + i + "\n");
                    out.write(company + " " + verb + " the " + product + " model " + i + " in " + place + " in " + year
                            + ". The " + company + " " + product + " model " + i + " sold " + (100 + random.nextInt(9000))
                            + " units in its first year.\n\n");
                }
            }
        }
        return dir;
    }

    /** Random unit vectors for every snippet, written where the app looks for its embedding cache. */
    static void standInVectors(Path dir, Path cacheFile) {
        java.util.Map<String, float[]> vectors = new java.util.HashMap<>();
        Random random = new Random(42);
        for (var snippet : snippets(dir)) {
            float[] v = new float[384];
            double norm = 0;
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) random.nextGaussian();
                norm += v[d] * v[d];
            }
            for (int d = 0; d < v.length; d++) {
                v[d] /= (float) Math.sqrt(norm);
            }
            vectors.put(io.github.groundedbot.embedding.EmbeddingCache.key(snippet.indexedText()), v);
        }
        new io.github.groundedbot.embedding.EmbeddingCache(cacheFile,
                io.github.groundedbot.embedding.MiniLmEmbeddingModel.MODEL_ID).write(vectors);
    }

    /** The snippets the bot loads from {@code dir}, with its default limits (200 words, 1 MiB files). */
    static java.util.List<io.github.groundedbot.knowledge.Snippet> snippets(Path dir) {
        return new io.github.groundedbot.knowledge.KnowledgeLoader(MAX_WORDS, MAX_FILE_BYTES).load(dir).snippets();
    }

    static String question(int i) {
        return "What did " + COMPANIES[i % COMPANIES.length] + " do with the " + PRODUCTS[i % PRODUCTS.length]
                + " model " + (i * 7 % 1000) + "?";
    }
}
