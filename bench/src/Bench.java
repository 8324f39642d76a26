import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import io.github.groundedbot.embedding.EmbeddingCache;
import io.github.groundedbot.embedding.MiniLmEmbeddingModel;
import io.github.groundedbot.knowledge.Snippet;
import io.github.groundedbot.language.Sentences;
import io.github.groundedbot.retrieval.FlatEmbeddingStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Runs the whole benchmark in one process: the embedding floor in-process (langchain4j's
 * all-MiniLM-L6-v2 with its default session), then the packaged bot and the easy-RAG peer
 * (bench/peer) in child processes, one at a time, driven over loopback with light wire clients.
 * Absolute times drift on a shared machine, so the report gives ratios measured in the same run.
 */
public class Bench {

    static final Path BOT = Path.of("target/quarkus-app/quarkus-run.jar");
    /** The bot packaged by Quarkus for the Java 25 AOT cache (aot-jar), when run.sh could build it. */
    static final Path BOT_AOT = Path.of("target/quarkus-app-aot/quarkus-run.jar");
    static final Path PEER = Path.of("bench/peer/target/quarkus-app/quarkus-run.jar");
    static final String JAVA_17 = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    static final Path EVAL = Path.of(System.getProperty("eval.dir", "../shared/eval"));
    static final int PORT = 18080;
    static final String BASE = "http://127.0.0.1:" + PORT;
    /** The bot serves health and metrics on its management port: the HTTP port plus this. */
    static final int MANAGEMENT_OFFSET = 1000;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();
    static final int CORES = Runtime.getRuntime().availableProcessors();

    static final String[] TOPICS = {
            "What is the Commerce Department planning to restrict?", "Who are Charcoal Typhoon and Salmon Typhoon?",
            "What did ByteDance use ChatGPT for?", "What is Yi-34B?", "What is Huawei working on?",
            "Why is there a gap between OpenAI and Chinese AI technology?", "What did Nvidia and AMD do in 2022?",
            "How did China react to the release of ChatGPT?", "How do Chinese companies build apps on OpenAI models?",
            "Is China still behind in AI?", "Who founded Alibaba?", "What is the weather in Beijing tomorrow?"};

    final boolean quick;
    /** Skips the synthetic fact bases and the replicas (the longest parts) when the machine is too busy for them. */
    final boolean scaleToo;
    /** Starts timed per way of running; the table shows their median. */
    final int starts;
    StringBuilder report = new StringBuilder();
    final Map<String, List<double[]>> plot = new LinkedHashMap<>();
    final AtomicInteger unique = new AtomicInteger();

    Bench(boolean quick, boolean scaleToo, int starts) {
        this.quick = quick;
        this.scaleToo = scaleToo;
        this.starts = starts;
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        boolean quick = options.contains("--quick");
        int starts = options.stream().filter(o -> o.startsWith("--starts=")).map(o -> Integer.parseInt(o.substring(9)))
                .findFirst().orElse(quick ? 1 : 3);
        Bench bench = new Bench(quick, !options.contains("--no-scale"), starts);
        if (options.contains("--ingest")) {
            bench.ingest(); // only the in-process ingest comparison, printed, nothing written
            System.out.println(bench.report);
            System.exit(0);
        }
        bench.run();
    }

    /** What is measured so far, for a run that is stopped before the end. */
    void checkpoint() throws IOException {
        Files.writeString(Path.of("target/bench-partial.md"), report);
    }

    /** A question nobody asked before: the bot's question cache must not flatter it. */
    String freshQuestion() {
        int n = unique.getAndIncrement();
        return TOPICS[n % TOPICS.length] + " (" + n + ")";
    }

    /** How a server is launched: which java, which packaged jar, which extra JVM flags. */
    record Launch(String name, String java, Path jar, List<String> flags) {
        boolean available() {
            return Files.isExecutable(Path.of(java)) && Files.isRegularFile(jar)
                    && flags.stream().filter(f -> f.startsWith("-XX:AOTCache=") || f.startsWith("-XX:SharedArchiveFile="))
                    .map(f -> jar.resolveSibling(f.substring(f.indexOf('=') + 1))).allMatch(Files::isRegularFile);
        }
    }

    void run() throws Exception {
        long started = System.nanoTime();
        report.append("# Benchmark results\n\n")
                .append("Run ").append(LocalDateTime.now().withNano(0)).append(" on ").append(CORES)
                .append(" cores, ").append(System.getProperty("java.version")).append(quick ? ", quick mode" : "")
                .append(". Loopback only; every question is unique (no cache hits) unless said otherwise. Bot, peer "
                        + "and embedding floor run one at a time, never side by side.\n\n");
        int headerLength = report.length();
        int sequential = quick ? 150 : 500;
        int seconds = quick ? 3 : 10;

        // 1. The embedding floor, in this process, before the servers run and again after them; the
        //    ratios use the mean of the two, as the speed of this shared machine drifts.
        Floor before = floor(sequential, seconds);

        // 2. Startup to ready, each way of running the bot, and the peer (which embeds its folder at
        //    every start: it has no cache).
        Path cacheDir = Files.createTempDirectory("bench-cache");
        Path cache = cacheDir.resolve("embeddings.bin");
        Launch java17 = new Launch("Java 17", JAVA_17, BOT, List.of());
        Launch appCds = new Launch("Java 17, AppCDS archive", JAVA_17, BOT, List.of("-XX:SharedArchiveFile=app-cds.jsa"));
        Launch java25 = new Launch("Java 25", JAVA_25.toString(), BOT, List.of());
        Launch quarkusAot = new Launch("Java 25, AOT cache from the Quarkus build", JAVA_25.toString(), BOT_AOT,
                List.of("-XX:AOTCache=app.aot"));
        Launch trainedAot = new Launch("Java 25, AOT cache trained on questions", JAVA_25.toString(), BOT_AOT,
                List.of("-XX:AOTCache=trained.aot"));
        Launch peer = new Launch("peer (easy RAG), Java 17", JAVA_17, PEER, List.of());

        App cold = App.bot(java17, Path.of("knowledge"), cache);
        long coldMs = cold.readyMillis;
        cold.stop();
        report.append("## Startup to ready (default fact base)\n\n| start | time to ready | vs. Java 17 |\n|---|---|---|\n")
                .append(String.format("| bot, Java 17, cold cache (embeds every snippet) | %d ms | |%n", coldMs));
        if (JAVA_25.toFile().canExecute() && Files.isRegularFile(BOT_AOT)) {
            train(trainedAot, cache, quick ? 200 : 1_500);
        }
        List<Launch> runtimes = new ArrayList<>();
        Map<Launch, Long> ready = new LinkedHashMap<>();
        for (Launch runtime : List.of(java17, appCds, java25, quarkusAot, trainedAot)) {
            if (!runtime.available()) {
                report.append("| bot, ").append(runtime.name()).append(" | not built | |\n");
                continue;
            }
            runtimes.add(runtime);
            long[] times = new long[starts];
            for (int i = 0; i < starts; i++) {
                App again = App.bot(runtime, Path.of("knowledge"), cache);
                times[i] = again.readyMillis;
                again.stop();
            }
            Arrays.sort(times);
            ready.put(runtime, times[starts / 2]);
            report.append(String.format("| bot, %s, warm cache, median of %d | %d ms | %.2f× |%n", runtime.name(), starts,
                    times[starts / 2], times[starts / 2] / (double) ready.get(java17)));
            log("startup %s: %d ms", runtime.name(), times[starts / 2]);
        }
        App peerStart = App.peer(Path.of("knowledge"));
        long peerReady = peerStart.readyMillis;
        peerStart.stop();
        report.append(String.format("| peer (easy RAG), embeds its folder at every start | %d ms | %.2f× |%n",
                peerReady, peerReady / (double) ready.get(java17)));
        report.append("\nTime from launching `java` to `/q/health/ready` answering UP. The bot loads the model on its "
                + "own thread while Quarkus boots. Target: warm start ≤ 2.5 s.\n\n");
        checkpoint();

        // 3. Warm-up: one client, new questions, from a fresh start of each way of running.
        int[] points = quick ? new int[]{20, 100} : new int[]{100, 1_000};
        int window = quick ? 50 : 100;
        Map<String, double[]> curves = new LinkedHashMap<>();
        curves.put("embedding floor (in-process, fresh model)", floorCurve(points, window));
        for (Launch runtime : runtimes) {
            App app = App.bot(runtime, Path.of("knowledge"), cache);
            curves.put("bot, " + runtime.name(), curve(app, points, window));
            app.stop();
            report.append("<!-- curve ").append(runtime.name()).append(' ')
                    .append(Arrays.toString(curves.get("bot, " + runtime.name()))).append(" -->\n");
            checkpoint();
        }
        App peerCurve = App.peer(Path.of("knowledge"));
        curves.put(peer.name(), curve(peerCurve, points, window));
        peerCurve.stop();

        // 4. The bot, long warmed (JIT done), one client and concurrent clients.
        App app = App.bot(java17, Path.of("knowledge"), cache);
        warmUp(quick ? 5 : 20, true);
        load(8, quick ? 5 : 30, false, app);
        load(8, quick ? 3 : 10, true, app);
        Stats botSeq = new Stats();
        double[] embeddedBefore = sumAndCount(metrics(), "bot_embedding_latency_seconds");
        for (int i = 0; i < sequential; i++) {
            long t = System.nanoTime();
            rest(freshQuestion());
            botSeq.add(System.nanoTime() - t);
        }
        double[] embeddedAfter = sumAndCount(metrics(), "bot_embedding_latency_seconds");
        double inAppEmbedding = (embeddedAfter[0] - embeddedBefore[0]) / (embeddedAfter[1] - embeddedBefore[1]) * 1e9;
        Stats hit = new Stats();
        String repeated = TOPICS[4];
        rest(repeated);
        for (int i = 0; i < sequential; i++) {
            long t = System.nanoTime();
            rest(repeated);
            hit.add(System.nanoTime() - t);
        }
        List<Object[]> loads = new ArrayList<>();
        for (int clients : new int[]{1, 8, 32}) {
            Load r = load(clients, seconds, false, app);
            point("bot REST", clients, r);
            loads.add(new Object[]{"bot", "REST", clients, r});
            Load w = load(clients, seconds, true, app);
            point("bot WebSocket", clients, w);
            loads.add(new Object[]{"bot", "WebSocket", clients, w});
            log("bot %d clients: REST %.0f/s p50 %.1f ms; WS %.0f/s p50 %.1f ms", clients, r.throughput,
                    r.stats.p(50) / 1e6, w.throughput, w.stats.p(50) / 1e6);
            report.append(String.format("<!-- bot %d clients: REST %.0f/s p50 %.1f ms; WS %.0f/s p50 %.1f ms -->%n",
                    clients, r.throughput, r.stats.p(50) / 1e6, w.throughput, w.stats.p(50) / 1e6));
            checkpoint();
        }
        long rss = app.rssMb();
        app.stop();

        // 5. The peer, warmed the same way (REST only: it has no WebSocket).
        App peerApp = App.peer(Path.of("knowledge"));
        warmUp(quick ? 5 : 20, false);
        load(8, quick ? 5 : 40, false, peerApp);
        Stats peerSeq = new Stats();
        for (int i = 0; i < sequential; i++) {
            long t = System.nanoTime();
            rest(freshQuestion());
            peerSeq.add(System.nanoTime() - t);
        }
        for (int clients : new int[]{1, 8, 32}) {
            Load r = load(clients, seconds, false, peerApp);
            point("peer REST", clients, r);
            loads.add(new Object[]{"peer", "REST", clients, r});
            log("peer %d clients: REST %.0f/s p50 %.1f ms", clients, r.throughput, r.stats.p(50) / 1e6);
            report.append(String.format("<!-- peer %d clients: REST %.0f/s p50 %.1f ms -->%n", clients, r.throughput,
                    r.stats.p(50) / 1e6));
            checkpoint();
        }
        long peerRss = peerApp.rssMb();
        peerApp.stop();

        Floor after = floor(sequential, seconds);
        Floor floor = before.mean(after);

        StringBuilder servers = new StringBuilder(report.substring(headerLength).replaceAll("<!--[^\n]*-->\n", ""));
        report.setLength(headerLength);
        report.append("## Embedding floor (in-process, langchain4j's `AllMiniLmL6V2EmbeddingModel`, default session)\n\n")
                .append("| measure | before the servers ran | after them | mean (used for the ratios) |\n|---|---|---|---|\n")
                .append(String.format("| p50 latency, one caller | %s | %s | %s |%n", ms(before.p50), ms(after.p50), ms(floor.p50)))
                .append(String.format("| p99 latency, one caller | %s | %s | %s |%n", ms(before.p99), ms(after.p99), ms(floor.p99)));
        for (String how : floor.throughputs.keySet()) {
            report.append(String.format("| embeddings/s, %s | %.0f | %.0f | %.0f |%n", how, before.throughputs.get(how),
                    after.throughputs.get(how), floor.throughputs.get(how)));
        }
        report.append(String.format("| **best embeddings/s** | %.0f | %.0f | **%.0f** |%n", before.best(), after.best(), floor.best()))
                .append(String.format("| CPU per embedding, default session, %d callers | %.2f ms | %.2f ms | %.2f ms |%n%n",
                        CORES, before.cpuMs, after.cpuMs, floor.cpuMs))
                .append("The one-thread session is what the bot uses for overlapping questions: it is listed so that "
                        + "\"best\" is the most the model alone reached here, whichever way it ran.\n\n")
                .append(servers);

        double peerP50 = peerSeq.p(50);
        report.append("## One client, new questions\n\n")
                .append("### After a long warm-up (JIT done)\n\n")
                .append("| path | p50 | p99 | vs. embedding floor p50 | vs. peer p50 |\n|---|---|---|---|---|\n")
                .append(String.format("| bot `POST /api/ask` | %s | %s | **%.2f×** | **%.2f×** |%n", ms(botSeq.p(50)),
                        ms(botSeq.p(99)), botSeq.p(50) / floor.p50, botSeq.p(50) / peerP50))
                .append(String.format("| peer `POST /api/ask` | %s | %s | %.2f× | 1.00× |%n", ms(peerP50),
                        ms(peerSeq.p(99)), peerP50 / floor.p50))
                .append(String.format("| bot, repeated question (embedding cache hit) | %s | %s | %.2f× | %.2f× |%n",
                        ms(hit.p(50)), ms(hit.p(99)), hit.p(50) / floor.p50, hit.p(50) / peerP50))
                .append(String.format("| embedding inside the bot during its run, mean (`bot.embedding.latency`) | %s | | %.2f× | |%n%n",
                        ms(inAppEmbedding), inAppEmbedding / floor.p50));
        report.append(String.format("### From a fresh start: p50 of questions %d-%d and %d-%d%n%n", points[0] + 1,
                        points[0] + window, points[1] + 1, points[1] + window))
                .append(String.format("| server | p50 after %,d | p50 after %,d | after %,d vs. floor | after %,d vs. peer |%n",
                        points[0], points[1], points[1], points[1]))
                .append("|---|---|---|---|---|\n");
        double[] floorCurve = curves.values().iterator().next();
        double[] peerCurveP50 = curves.get(peer.name());
        curves.forEach((name, p50s) -> report.append(String.format("| %s | %s | %s | %.2f× | %.2f× |%n", name,
                ms(p50s[0]), ms(p50s[1]), p50s[1] / floorCurve[1], p50s[1] / peerCurveP50[1])));
        report.append(String.format("%nTarget: the bot's p50 after %,d questions ≤ the peer's and ≤ 1.5× the floor's. "
                + "The floor is a fresh model in the benchmark's own, already warm JVM.%n%n", points[1]));

        report.append("## Concurrent clients\n\n")
                .append("| server | transport | clients | answers/s | vs. floor best | vs. peer | p50 | p99 | errors "
                        + "| CPU per answer (vs. per embedding) | JIT compiler, cores | load generator, cores |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Object[] row : loads) {
            Load peerLoad = loads.stream().filter(o -> o[0].equals("peer") && o[2].equals(row[2])).map(o -> (Load) o[3])
                    .findFirst().orElseThrow();
            report.append(loadRow((String) row[0], (String) row[1], (Integer) row[2], (Load) row[3], floor, peerLoad));
        }
        report.append(String.format("%nTarget: at 8 and 32 clients, answers/s ≥ the peer's and ≥ 90%% of the floor's "
                + "best. The load generator shares the %d cores with the server, which the in-process floor does not "
                + "pay for.%n%nRSS after the load: bot %d MiB, peer %d MiB.%n%n", CORES, rss, peerRss));

        // 6. Answer quality of both on the same fact bases.
        quality(cache);
        checkpoint();

        // 7. Ingest: the old way (one text per call, a call per core) against length-sorted padded
        //    batches, in this process on the same snippets; then cold and warm ingest of whole bases.
        ingest();
        checkpoint();
        if (scaleToo) {
            scale();
            if (!quick) {
                replicas(cache, seconds);
            }
        } else {
            report.append("Synthetic fact bases and replicas: not run this time (`--no-scale`).\n\n");
        }

        Plot.write(Path.of(quick ? "target/latency-quick.png" : "docs/benchmarks/latency.png"), plot, floor.p50 / 1e6);
        report.append("![latency against concurrency](latency.png)\n\n")
                .append(String.format("Benchmark wall time: %.0f s.%n", (System.nanoTime() - started) / 1e9));
        Path out = Path.of(quick ? "target/benchmarks-quick.md" : "docs/benchmarks/results.md");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
        System.out.println("Wrote " + out);
    }

    void point(String series, int clients, Load load) {
        plot.computeIfAbsent(series, s -> new ArrayList<>())
                .add(new double[]{clients, load.stats.p(50) / 1e6, load.stats.p(99) / 1e6});
    }

    /**
     * A training run for the Java 25 AOT cache (JEP 514/515): the aot-jar started with
     * {@code -XX:AOTCacheOutput} answers questions over REST and WebSocket, and writes the cache,
     * with the classes it loaded and the method profiles it gathered, when it exits.
     */
    void train(Launch trained, Path cache, int questions) throws Exception {
        Path output = trained.jar().resolveSibling("trained.aot");
        Files.deleteIfExists(output);
        App training = App.bot(new Launch(trained.name(), trained.java(), trained.jar(),
                List.of("-XX:AOTCacheOutput=trained.aot")), Path.of("knowledge"), cache, PORT);
        for (int i = 0; i < questions; i++) {
            rest(freshQuestion());
        }
        warmUp(2, true);
        long stopping = System.nanoTime();
        training.stop();
        log("AOT training run: %d questions, cache written in %d ms (%s)", questions,
                (System.nanoTime() - stopping) / 1_000_000, Files.exists(output) ? "ok" : "missing");
    }

    /** p50 of one client's new questions after each number of warm-up questions, from a fresh start. */
    double[] curve(App app, int[] points, int window) throws Exception {
        double[] p50s = new double[points.length];
        int asked = 0;
        for (int p = 0; p < points.length; p++) {
            while (asked < points[p]) {
                rest(freshQuestion());
                asked++;
            }
            Stats stats = new Stats();
            for (int i = 0; i < window; i++) {
                long t = System.nanoTime();
                rest(freshQuestion());
                stats.add(System.nanoTime() - t);
                asked++;
            }
            p50s[p] = stats.p(50);
        }
        log("warm-up curve %s", Arrays.toString(Arrays.stream(p50s).map(v -> v / 1e6).toArray()));
        return p50s;
    }

    double[] floorCurve(int[] points, int window) {
        EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
        double[] p50s = new double[points.length];
        int asked = 0;
        for (int p = 0; p < points.length; p++) {
            for (; asked < points[p]; asked++) {
                model.embed(freshQuestion().toLowerCase(Locale.ROOT));
            }
            Stats stats = new Stats();
            for (int i = 0; i < window; i++, asked++) {
                String q = freshQuestion().toLowerCase(Locale.ROOT);
                long t = System.nanoTime();
                model.embed(q);
                stats.add(System.nanoTime() - t);
            }
            p50s[p] = stats.p(50);
        }
        return p50s;
    }

    /** The model alone: latency with one caller, embeddings/s by number of callers and session. */
    record Floor(double p50, double p99, Map<String, Double> throughputs, double cpuMs) {
        double best() {
            return throughputs.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        }

        Floor mean(Floor other) {
            Map<String, Double> both = new LinkedHashMap<>();
            throughputs.forEach((how, value) -> both.put(how, (value + other.throughputs.get(how)) / 2));
            return new Floor((p50 + other.p50) / 2, (p99 + other.p99) / 2, both, (cpuMs + other.cpuMs) / 2);
        }
    }

    Floor floor(int sequential, int seconds) throws Exception {
        EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
        for (int i = 0; i < 1_000; i++) {
            model.embed(freshQuestion().toLowerCase(Locale.ROOT)); // warm-up
        }
        Stats latency = new Stats();
        for (int i = 0; i < sequential; i++) {
            String q = freshQuestion().toLowerCase(Locale.ROOT);
            long t = System.nanoTime();
            model.embed(q);
            latency.add(System.nanoTime() - t);
        }
        Map<String, Double> throughputs = new LinkedHashMap<>();
        double cpuMs = Double.NaN;
        for (int callers : new int[]{1, CORES, 2 * CORES}) {
            long cpuBefore = ownCpuNanos();
            long[] embedded = new long[1];
            throughputs.put("default session, " + callers + (callers == 1 ? " caller" : " callers"),
                    embedThroughput(model, callers, seconds, embedded));
            if (callers == CORES) {
                cpuMs = (ownCpuNanos() - cpuBefore) / 1e6 / embedded[0];
            }
        }
        ExecutorService batches = Executors.newSingleThreadExecutor();
        MiniLmEmbeddingModel oneThread = new MiniLmEmbeddingModel(1, 1, CORES, batches);
        throughputs.put("one-thread session, " + CORES + " callers", embedThroughput(oneThread, CORES, seconds, new long[1]));
        batches.shutdown();
        log("floor: p50 %.2f ms, %s", latency.p(50) / 1e6, throughputs);
        return new Floor(latency.p(50), latency.p(99), throughputs, cpuMs);
    }

    /** Answered right, refused right and confidently wrong, for the bot and the peer on the same fact bases. */
    void quality(Path cache) throws Exception {
        report.append("## Answer quality on the same fact bases\n\n");
        Path seedQuestions = EVAL.resolve("questions.jsonl");
        Path faq = EVAL.resolve("faq-dev");
        if (!Files.isRegularFile(seedQuestions)) {
            report.append("Skipped: the shared evaluation set (").append(EVAL).append(") is not there.\n\n");
            return;
        }
        report.append("Scored as `../shared/eval/README.md` says: right when grounded, at most 600 characters, and an "
                        + "expected phrase is in the answer and in a cited snippet; a question to refuse is right when "
                        + "refused without citations. Confidently wrong: grounded and cited, but the expected phrase is "
                        + "missing or the question was one to refuse. \"Right facts, too long\": grounded, the phrase "
                        + "is there, but the answer is over 600 characters (a pasted passage).\n\n")
                .append("| fact base | server | answered right | refused right | confidently wrong | right facts, too long |\n")
                .append("|---|---|---|---|---|---|\n");
        Map<String, Path[]> bases = new LinkedHashMap<>();
        bases.put("default (seed article)", new Path[]{Path.of("knowledge"), seedQuestions});
        if (Files.isDirectory(faq.resolve("kb"))) {
            bases.put("faq-dev (Redis FAQ)", new Path[]{faq.resolve("kb"), faq.resolve("questions.jsonl")});
        }
        for (Map.Entry<String, Path[]> base : bases.entrySet()) {
            List<JsonNode> cases = new ArrayList<>();
            for (String line : Files.readAllLines(base.getValue()[1])) {
                if (!line.isBlank()) {
                    cases.add(JSON.readTree(line));
                }
            }
            Path baseCache = Files.createTempDirectory("bench-quality").resolve("embeddings.bin");
            App bot = App.bot(new Launch("Java 17", JAVA_17, BOT, List.of()), base.getValue()[0], baseCache);
            report.append(qualityRow(base.getKey(), "bot", cases));
            bot.stop();
            App peer = App.peer(base.getValue()[0]);
            report.append(qualityRow(base.getKey(), "peer (easy RAG)", cases));
            peer.stop();
        }
        report.append('\n');
    }

    String qualityRow(String base, String server, List<JsonNode> cases) throws IOException {
        int answerable = 0;
        int answered = 0;
        int abstain = 0;
        int refused = 0;
        int wrong = 0;
        int tooLong = 0;
        for (JsonNode c : cases) {
            JsonNode reply = JSON.readTree(rest(c.get("q").asText()));
            boolean grounded = reply.path("grounded").asBoolean() && reply.path("citations").size() > 0;
            String answer = reply.path("answer").asText().toLowerCase(Locale.ROOT);
            StringBuilder cited = new StringBuilder();
            reply.path("citations").forEach(citation -> cited.append(citation.path("snippet").asText().toLowerCase(Locale.ROOT)).append('\n'));
            if (c.path("abstain").asBoolean()) {
                abstain++;
                if (!reply.path("grounded").asBoolean() && reply.path("citations").isEmpty()) {
                    refused++;
                } else if (grounded) {
                    wrong++;
                }
                continue;
            }
            answerable++;
            if (!grounded) {
                continue;
            }
            boolean any = !c.has("any") || c.get("any").isEmpty();
            for (JsonNode phrase : c.path("any")) {
                String p = phrase.asText().toLowerCase(Locale.ROOT);
                any |= answer.contains(p) && cited.toString().contains(p);
            }
            boolean all = true;
            for (JsonNode phrase : c.path("all")) {
                String p = phrase.asText().toLowerCase(Locale.ROOT);
                all &= answer.contains(p) && cited.toString().contains(p);
            }
            if (!(any && all)) {
                wrong++;
            } else if (answer.length() > 600) {
                tooLong++;
            } else {
                answered++;
            }
        }
        closeConnections();
        log("quality %s %s: answered %d/%d, refused %d/%d, wrong %d, too long %d", base, server, answered, answerable,
                refused, abstain, wrong, tooLong);
        return String.format("| %s | %s | %d/%d | %d/%d | %d | %d |%n", base, server, answered, answerable, refused,
                abstain, wrong, tooLong);
    }

    /**
     * Embedding a fact base: one text per call (the old way) against padded batches, same run, on the
     * texts an index build embeds (each snippet's text, its title, its sentences, its alternate questions).
     */
    void ingest() throws Exception {
        Path dir = Synthetic.write(10_000);
        List<Snippet> snippets = Synthetic.snippets(dir).subList(0, quick ? 150 : 500);
        Set<String> distinct = new LinkedHashSet<>();
        for (Snippet snippet : snippets) {
            distinct.add(snippet.indexedText());
            distinct.add(snippet.title());
            distinct.addAll(Sentences.split(snippet.text()));
            distinct.addAll(snippet.alsoAsked());
        }
        List<TextSegment> texts = distinct.stream().map(TextSegment::from).toList();
        ExecutorService cores = Executors.newFixedThreadPool(CORES);
        try {
            EmbeddingModel oneByOne = oneTextPerCall(cores);
            MiniLmEmbeddingModel batched = new MiniLmEmbeddingModel(1, CORES, CORES, cores);
            oneByOne.embedAll(texts.subList(0, 50));
            batched.embedAll(texts.subList(0, 50));
            double[] old = timeEmbedAll(oneByOne, texts);
            double[] now = timeEmbedAll(batched, texts);
            double[] oldAgain = timeEmbedAll(oneByOne, texts);
            double[] nowAgain = timeEmbedAll(batched, texts);
            double oldRate = (old[0] + oldAgain[0]) / 2;
            double newRate = (now[0] + nowAgain[0]) / 2;
            report.append("## Ingest: embedding snippets\n\n")
                    .append(String.format("In this process, the %,d distinct texts an index build embeds for the first "
                            + "%,d snippets of the 10k synthetic base (text, title, sentences), each way twice, "
                            + "interleaved:%n%n", texts.size(), snippets.size()))
                    .append("| way | texts/s | CPU per text |\n|---|---|---|\n")
                    .append(String.format("| one text per call, a call per core (before) | %.0f | %.2f ms |%n", oldRate,
                            (old[1] + oldAgain[1]) / 2))
                    .append(String.format("| length-sorted batches of ≤ 512 padded tokens, a batch per core (now) | %.0f | %.2f ms |%n%n",
                            newRate, (now[1] + nowAgain[1]) / 2))
                    .append(String.format("Batches embed **%.2f×** as fast, with %.2f× the CPU per text.%n%n",
                            newRate / oldRate, (now[1] + nowAgain[1]) / (old[1] + oldAgain[1])));
            log("ingest: one by one %.0f/s, batched %.0f/s", oldRate, newRate);
        } finally {
            cores.shutdown();
        }
    }

    /** What the bot did before batching: langchain4j's per-text path, one onnxruntime thread per call. */
    static EmbeddingModel oneTextPerCall(ExecutorService cores) throws Exception {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        OrtSession session;
        try (InputStream model = Bench.class.getResourceAsStream("/all-minilm-l6-v2.onnx")) {
            session = environment.createSession(model.readAllBytes(), options);
        }
        OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, session,
                Bench.class.getResourceAsStream("/all-minilm-l6-v2-tokenizer.json"), PoolingMode.MEAN);
        return new AbstractInProcessEmbeddingModel(cores) {
            @Override
            protected OnnxBertBiEncoder model() {
                return encoder;
            }
        };
    }

    /** Snippets per second and CPU ms per snippet. */
    static double[] timeEmbedAll(EmbeddingModel model, List<TextSegment> texts) {
        long cpu = ownCpuNanos();
        long start = System.nanoTime();
        model.embedAll(texts);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new double[]{texts.size() / seconds, (ownCpuNanos() - cpu) / 1e6 / texts.size()};
    }

    /** Synthetic fact bases: cold and warm ingest, retrieval, answers and memory as the base grows. */
    void scale() throws Exception {
        int[] sizes = quick ? new int[]{1_000} : new int[]{1_000, 10_000, 100_000};
        report.append("## Scale: synthetic fact bases\n\n")
                .append("| snippets | ingest, cold cache | ingest, warm cache | retrieval p50 | retrieval p99 | answer p50 | RSS |\n")
                .append("|---|---|---|---|---|---|---|\n");
        double embedPerSecond = Double.NaN;
        double[] approximateRecall = null;
        Launch java17 = new Launch("Java 17", JAVA_17, BOT, List.of());
        for (int size : sizes) {
            Path dir = Synthetic.write(size);
            Path synthCache = dir.resolveSibling(dir.getFileName() + "-embeddings.bin");
            Files.deleteIfExists(synthCache);
            String coldIngest;
            if (size <= 10_000) {
                App first = App.bot(java17, dir, synthCache);
                coldIngest = String.format("%.1f s", first.readyMillis / 1000.0);
                embedPerSecond = size / (first.readyMillis / 1000.0);
                first.stop();
            } else {
                // Embedding 100k snippets takes longer than the whole benchmark may: extrapolate the cold
                // ingest from the measured rate, and give the app stand-in vectors through its cache file
                // so warm ingest, search, memory and answers are measured for real at this size.
                Synthetic.standInVectors(dir, synthCache);
                coldIngest = String.format("~%.0f s (extrapolated)", size / embedPerSecond);
            }
            App second = App.bot(java17, dir, synthCache);
            long warmIngest = second.readyMillis;
            Stats answer = new Stats();
            int asks = quick ? 100 : 300;
            for (int i = 0; i < asks; i++) {
                String q = Synthetic.question(i);
                long t = System.nanoTime();
                rest(q + " " + i);
                answer.add(System.nanoTime() - t);
            }
            double[] retrieval = retrievalQuantiles();
            report.append(String.format("| %,d | %s | %.1f s | %.2f ms | %.2f ms | %s | %d MiB |%n", size,
                    coldIngest, warmIngest / 1000.0, retrieval[0], retrieval[1], ms(answer.p(50)), second.rssMb()));
            log("%d snippets: cold %s, warm %d ms, retrieval p50 %.2f ms p99 %.2f ms, RSS %d MiB", size,
                    coldIngest, warmIngest, retrieval[0], retrieval[1], second.rssMb());
            second.stop();
            if (size >= 50_000) {
                approximateRecall = recall(synthCache);
            }
        }
        if (approximateRecall != null) {
            report.append(String.format("%nFrom %s snippets on (`retrieval.approximate-from`, default 50,000) the dense "
                            + "search ranks all vectors by a 384-bit sketch and computes exact cosines for the closest 8,000. "
                            + "Measured in-process on the 100k vectors: search p50 %.2f ms against %.2f ms exact, recall@20 "
                            + "%.3f against the exact search, for queries that are stored vectors plus as much noise again "
                            + "(random stand-in vectors have no topic structure, the hardest case for the sketch).%n",
                    "50,000", approximateRecall[1], approximateRecall[2], approximateRecall[0]));
        }
        report.append("\nIngest time includes JVM and Quarkus startup. At 100k the cold ingest is extrapolated from the "
                + "10k rate and the vectors are stand-ins written to the embedding cache; warm ingest, retrieval, "
                + "answers and RSS are measured. Retrieval is dense search + BM25 + fusion, without embedding the "
                + "question (Micrometer `bot.retrieval.latency`).\n\n");
    }

    /** Two replicas sharing state in Redis against one, with the same 32 REST clients. */
    void replicas(Path cache, int seconds) throws Exception {
        Path server = Path.of("/usr/bin/redis-server");
        report.append("## Two replicas against one (state in Redis)\n\n");
        if (!Files.exists(server)) {
            report.append("Skipped: redis-server is not installed.\n\n");
            return;
        }
        int redisPort = PORT + 100;
        Process redis = new ProcessBuilder(server.toString(), "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectOutput(Path.of("target/bench-redis.log").toFile()).start();
        List<String> shared = List.of("-Dstate.store=redis", "-Dquarkus.redis.hosts=redis://127.0.0.1:" + redisPort);
        try {
            Launch redisBacked = new Launch("Java 17, state in Redis", JAVA_17, BOT, shared);
            App one = App.bot(redisBacked, Path.of("knowledge"), cache, PORT);
            load(8, seconds, false, List.of(BASE), List.of(one)); // warm-up
            Load single = load(32, seconds, false, List.of(BASE), List.of(one));
            one.stop();
            App first = App.bot(redisBacked, Path.of("knowledge"), cache, PORT);
            App second = App.bot(redisBacked, Path.of("knowledge"), cache, PORT + 1);
            List<String> bases = List.of(BASE, "http://127.0.0.1:" + (PORT + 1));
            load(8, seconds, false, bases, List.of(first, second)); // warm-up
            Load both = load(32, seconds, false, bases, List.of(first, second));
            first.stop();
            second.stop();
            report.append("| replicas | questions/s | p50 | p99 | errors |\n|---|---|---|---|---|\n")
                    .append(String.format("| 1 | %.0f | %s | %s | %d |%n", single.throughput, ms(single.stats.p(50)),
                            ms(single.stats.p(99)), single.errors))
                    .append(String.format("| 2 | %.0f | %s | %s | %d |%n%n", both.throughput, ms(both.stats.p(50)),
                            ms(both.stats.p(99)), both.errors))
                    .append(String.format("Two replicas give %.2f× the throughput of one. Both run on the same %d "
                                    + "cores here, and answering is CPU-bound (embedding), so a second replica on the same "
                                    + "machine cannot add capacity; on separate machines each brings its own cores.%n%n",
                            both.throughput / single.throughput, CORES));
            log("replicas: one %.0f/s, two %.0f/s", single.throughput, both.throughput);
        } finally {
            redis.destroy();
        }
    }

    /** Recall@20 of the approximate store against the exact one, and both search p50s (ms), in this process. */
    static double[] recall(Path cacheFile) {
        List<Embedding> vectors = new EmbeddingCache(cacheFile, MiniLmEmbeddingModel.MODEL_ID).read().values().stream()
                .map(Embedding::from).toList();
        List<String> ids = IntStream.range(0, vectors.size()).mapToObj(i -> "v" + i).toList();
        FlatEmbeddingStore exact = new FlatEmbeddingStore();
        exact.addAll(ids, vectors, null);
        FlatEmbeddingStore approximate = new FlatEmbeddingStore(50_000);
        approximate.addAll(ids, vectors, null);
        Random random = new Random(5);
        Stats exactTime = new Stats();
        Stats approximateTime = new Stats();
        int found = 0;
        int queries = 200;
        for (int q = 0; q < queries + 50; q++) {
            float[] v = vectors.get(random.nextInt(vectors.size())).vector().clone();
            double scale = 1 / Math.sqrt(v.length);
            for (int d = 0; d < v.length; d++) {
                v[d] += (float) (random.nextGaussian() * scale);
            }
            EmbeddingSearchRequest request = EmbeddingSearchRequest.builder().queryEmbedding(Embedding.from(v))
                    .maxResults(20).build();
            long t0 = System.nanoTime();
            List<String> truth = exact.search(request).matches().stream().map(EmbeddingMatch::embeddingId).toList();
            long t1 = System.nanoTime();
            List<String> got = approximate.search(request).matches().stream().map(EmbeddingMatch::embeddingId).toList();
            long t2 = System.nanoTime();
            if (q >= 50) { // the first 50 warm the JIT
                exactTime.add(t1 - t0);
                approximateTime.add(t2 - t1);
                found += (int) got.stream().filter(truth::contains).count();
            }
        }
        return new double[]{found / (queries * 20.0), approximateTime.p(50) / 1e6, exactTime.p(50) / 1e6};
    }

    /** Repeated questions from four clients for some seconds; over REST and WebSocket when the server has both. */
    void warmUp(int seconds, boolean websocketToo) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            boolean websocket = websocketToo && c % 2 == 1;
            all.add(CompletableFuture.runAsync(() -> {
                try (Wire.Ws ws = websocket ? new Wire.Ws(PORT, "/chat") : null) {
                    for (int i = 0; System.nanoTime() < end; i++) {
                        String question = TOPICS[i % TOPICS.length];
                        if (ws != null) {
                            askOverWebSocket(ws, question);
                        } else {
                            rest(question);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    closeConnections();
                }
            }, pool));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        pool.shutdown();
    }

    static double embedThroughput(EmbeddingModel model, int threads, int seconds, long[] count) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicInteger n = new AtomicInteger(1_000_000);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            all.add(CompletableFuture.runAsync(() -> {
                while (System.nanoTime() < end) {
                    int i = n.getAndIncrement();
                    model.embed((TOPICS[i % TOPICS.length] + " (" + i + ")").toLowerCase(Locale.ROOT));
                    done.incrementAndGet();
                }
            }, pool));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        pool.shutdown();
        count[0] = done.get();
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    static String rest(String question) throws IOException {
        return rest(BASE, question);
    }

    /** One kept-alive connection per thread and server. */
    static final ThreadLocal<Map<String, Wire.Http>> CONNECTIONS = ThreadLocal.withInitial(HashMap::new);

    static String rest(String base, String question) throws IOException {
        Wire.Http http = CONNECTIONS.get().computeIfAbsent(base,
                b -> new Wire.Http(Integer.parseInt(b.substring(b.lastIndexOf(':') + 1))));
        return http.post("/api/ask", JSON.createObjectNode().put("question", question).toString());
    }

    static void closeConnections() {
        CONNECTIONS.get().values().forEach(Wire.Http::close);
        CONNECTIONS.get().clear();
    }

    /** Latencies, answers per second, errors, and CPU: the server's per answer and the load generator's share. */
    record Load(Stats stats, double throughput, int errors, double cpuMsPerAnswer, double clientCores,
                double jitCores) {
    }

    Load load(int clients, int seconds, boolean websocket, App app) throws Exception {
        return load(clients, seconds, websocket, List.of(BASE), List.of(app));
    }

    /** Clients spread round-robin over the given bases (REST only when there are several). */
    Load load(int clients, int seconds, boolean websocket, List<String> bases, List<App> apps) throws Exception {
        Stats stats = new Stats();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<CompletableFuture<Void>> all = new ArrayList<>();
        long serverCpu = apps.stream().mapToLong(App::cpuNanos).sum();
        long jitCpu = apps.stream().mapToLong(App::compilerCpuNanos).sum();
        long ownCpu = ownCpuNanos();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        for (int c = 0; c < clients; c++) {
            String base = bases.get(c % bases.size());
            all.add(CompletableFuture.runAsync(() -> {
                try (Wire.Ws ws = websocket ? new Wire.Ws(PORT, "/chat") : null) {
                    while (System.nanoTime() < end) {
                        long t = System.nanoTime();
                        try {
                            if (ws != null) {
                                askOverWebSocket(ws, freshQuestion());
                            } else {
                                rest(base, freshQuestion());
                            }
                            stats.add(System.nanoTime() - t);
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    closeConnections();
                }
            }, pool));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        serverCpu = apps.stream().mapToLong(App::cpuNanos).sum() - serverCpu;
        jitCpu = apps.stream().mapToLong(App::compilerCpuNanos).sum() - jitCpu;
        ownCpu = ownCpuNanos() - ownCpu;
        pool.shutdown();
        return new Load(stats, stats.count() / elapsed, errors.get(), serverCpu / 1e6 / Math.max(1, stats.count()),
                ownCpu / 1e9 / elapsed, jitCpu / 1e9 / elapsed);
    }

    /** Sends a question and waits for its final frame; deltas before it are read and dropped. */
    static String askOverWebSocket(Wire.Ws ws, String question) throws IOException {
        ws.send(JSON.createObjectNode().put("question", question).toString());
        while (true) {
            String frame = ws.receive();
            if (frame.contains("\"type\":\"answer\"")) {
                return frame;
            }
            if (!frame.contains("\"type\":\"delta\"")) {
                throw new IOException(frame);
            }
        }
    }

    static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static String loadRow(String server, String transport, int clients, Load load, Floor floor, Load peer) {
        return String.format("| %s | %s | %d | %.0f | %.0f%% | %.2f× | %s | %s | %d | %.2f ms (%.2f×) | %.2f | %.2f |%n",
                server, transport, clients, load.throughput, 100 * load.throughput / floor.best(),
                load.throughput / peer.throughput, ms(load.stats.p(50)), ms(load.stats.p(99)), load.errors,
                load.cpuMsPerAnswer, load.cpuMsPerAnswer / floor.cpuMs, load.jitCores, load.clientCores);
    }

    /** p50 and p99 of the bot's retrieval timer, in ms, from the Prometheus endpoint. */
    static double[] retrievalQuantiles() throws Exception {
        String metrics = metrics();
        return new double[]{quantile(metrics, "bot_retrieval_latency", "0.5"), quantile(metrics, "bot_retrieval_latency", "0.99")};
    }

    static String metrics() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (PORT + MANAGEMENT_OFFSET) + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Total seconds and count of one of the bot's timers. */
    static double[] sumAndCount(String metrics, String timer) {
        Matcher sum = Pattern.compile("(?m)^" + timer + "_sum ([0-9.eE-]+)").matcher(metrics);
        Matcher count = Pattern.compile("(?m)^" + timer + "_count ([0-9.eE-]+)").matcher(metrics);
        return new double[]{sum.find() ? Double.parseDouble(sum.group(1)) : Double.NaN,
                count.find() ? Double.parseDouble(count.group(1)) : Double.NaN};
    }

    /** A percentile, in ms, of one of the bot's timers over its recent window. */
    static double quantile(String metrics, String timer, String q) {
        Matcher m = Pattern.compile(timer + "_seconds\\{quantile=\"" + Pattern.quote(q) + "\"} ([0-9.eE-]+)")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) * 1000 : Double.NaN;
    }

    static String ms(double nanos) {
        return String.format("%.2f ms", nanos / 1e6);
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }

    /** Latencies in nanoseconds; thread-safe. */
    static final class Stats {
        private final List<Long> values = Collections.synchronizedList(new ArrayList<>());

        void add(long nanos) {
            values.add(nanos);
        }

        int count() {
            return values.size();
        }

        double p(double percentile) {
            List<Long> sorted;
            synchronized (values) {
                sorted = new ArrayList<>(values);
            }
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            Collections.sort(sorted);
            int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }

    static final class App {
        final Process process;
        final long readyMillis;

        private App(Process process, long readyMillis) {
            this.process = process;
            this.readyMillis = readyMillis;
        }

        static App bot(Launch runtime, Path knowledge, Path cache) throws Exception {
            return bot(runtime, knowledge, cache, PORT);
        }

        static App bot(Launch runtime, Path knowledge, Path cache, int port) throws Exception {
            int management = port + MANAGEMENT_OFFSET;
            List<String> args = new ArrayList<>(List.of("-Xmx1500m",
                    "-Dquarkus.management.port=" + management, "-Dquarkus.management.host=127.0.0.1",
                    "-Dknowledge.dir=" + knowledge.toAbsolutePath(),
                    "-Dembedding.cache-file=" + cache.toAbsolutePath(),
                    "-Dembedding.model-dir=" + Path.of("data").toAbsolutePath(),
                    "-Dfeedback.file=" + Path.of("target/bench-feedback.jsonl").toAbsolutePath(),
                    "-Dquarkus.log.level=WARN",
                    // Every bench client shares one address: measure capacity, not the per-client limits.
                    "-Dlimits.questions-per-minute=1000000", "-Dlimits.burst=1000000",
                    "-Dlimits.max-websocket-connections-per-client=1000000"));
            args.addAll(runtime.flags());
            return start(runtime.java(), runtime.jar(), args, port, management);
        }

        static App peer(Path knowledge) throws Exception {
            return start(JAVA_17, PEER, List.of("-Xmx1500m", "-Dpeer.knowledge-dir=" + knowledge.toAbsolutePath(),
                    "-Dquarkus.log.level=WARN"), PORT, PORT);
        }

        /**
         * Starts a packaged Quarkus app from its own folder (a class-data archive only matches its class
         * path) and waits until {@code /q/health/ready} on {@code healthPort} answers UP.
         */
        static App start(String java, Path jar, List<String> args, int port, int healthPort) throws Exception {
            String health = "http://127.0.0.1:" + healthPort;
            List<String> command = new ArrayList<>(List.of(java, "-Dquarkus.http.port=" + port,
                    "-Dquarkus.http.host=127.0.0.1"));
            command.addAll(args);
            command.addAll(List.of("-jar", jar.getFileName().toString()));
            Path log = Path.of("target/bench-app-" + port + ".log").toAbsolutePath();
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).directory(jar.getParent().toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            long deadline = start + TimeUnit.MINUTES.toNanos(6);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The server exited; see " + log);
                }
                try {
                    HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(URI.create(health + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                    if (ready.statusCode() == 200) {
                        long readyMillis = (System.nanoTime() - start) / 1_000_000;
                        String output = Files.readString(log);
                        if (output.contains("Unable to use shared archive") || output.contains("Unable to use AOT cache")) {
                            throw new IllegalStateException("The JVM refused the class-data archive; see " + log);
                        }
                        return new App(process, readyMillis);
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(20);
            }
            process.destroyForcibly();
            throw new IllegalStateException("The server was not ready within 6 minutes");
        }

        /** CPU time the server has used so far (user + system), from /proc. */
        long cpuNanos() {
            try {
                String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L; // 100 ticks/s
            } catch (IOException e) {
                return 0;
            }
        }

        /** CPU time the server's JIT compiler threads have used so far. */
        long compilerCpuNanos() {
            long total = 0;
            try (var tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    try {
                        String name = Files.readString(task.resolve("comm"));
                        if (name.startsWith("C2 Compiler") || name.startsWith("C1 Compiler")) {
                            String stat = Files.readString(task.resolve("stat"));
                            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L;
                        }
                    } catch (IOException gone) {
                        // the thread ended
                    }
                }
            } catch (IOException e) {
                return 0;
            }
            return total;
        }

        long rssMb() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                    }
                }
            } catch (IOException e) {
                return -1;
            }
            return -1;
        }

        /** Stops the server and waits for it; a JVM writing an AOT cache at exit takes a while. */
        void stop() throws InterruptedException {
            closeConnections(); // kept-alive sockets to this server are dead from here on
            process.destroy();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
