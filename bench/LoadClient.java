import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WebSocket load for bench/load-and-faults.sh: CLIENTS connections each ask QUESTIONS questions in
 * turn (next question once the answer frame arrived) and checks every answer arrives. JDK only, so
 * it runs as `java bench/LoadClient.java ws://127.0.0.1:PORT/chat CLIENTS QUESTIONS [pauseMs] [deadlineSec]`.
 * Prints one line: clients, questions, answers, errors, lost, p50/p95/p99/max latency in ms.
 * With pauseMs > 0 each client waits between questions (moderate load for the soak).
 */
public class LoadClient {

    static final String[] QUESTIONS = {
            "What is Huawei working on?", "What is Yi-34B?", "Who are Charcoal Typhoon and Salmon Typhoon?",
            "What did Nvidia and AMD do in 2022?", "What did ByteDance use ChatGPT for?", "Who founded Alibaba?",
            "hello", "What is the weather in Beijing tomorrow?", "Who released it?", "tell me more"};

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int clients = Integer.parseInt(args[1]);
        int questions = Integer.parseInt(args[2]);
        long pauseMs = args.length > 3 ? Long.parseLong(args[3]) : 0;
        long deadlineSec = args.length > 4 ? Long.parseLong(args[4]) : 300;

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger answers = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger connectFailures = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        List<WebSocket> sockets = Collections.synchronizedList(new ArrayList<>());

        for (int c = 0; c < clients; c++) {
            int client = c;
            Listener listener = new Listener(client, questions, pauseMs, latencies, answers, errors, done);
            http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20)).buildAsync(uri, listener)
                    .whenComplete((ws, failure) -> {
                        if (failure != null) {
                            connectFailures.incrementAndGet();
                            errors.incrementAndGet();
                            done.countDown();
                        } else {
                            sockets.add(ws);
                            listener.send(ws);
                        }
                    });
        }
        boolean finished = done.await(deadlineSec, TimeUnit.SECONDS);
        synchronized (sockets) {
            for (WebSocket ws : sockets) {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            }
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int expected = clients * questions;
        int lost = expected - answers.get() - errors.get();
        System.out.printf(Locale.ROOT,
                "clients=%d questions=%d answers=%d errors=%d lost=%d connect_failures=%d finished=%s "
                        + "p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f%n",
                clients, expected, answers.get(), errors.get(), Math.max(0, lost), connectFailures.get(), finished,
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
        System.exit(0);
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1e6;
    }

    static final class Listener implements WebSocket.Listener {
        final int client;
        final int questions;
        final long pauseMs;
        final List<Long> latencies;
        final AtomicInteger answers;
        final AtomicInteger errors;
        final CountDownLatch done;
        final StringBuilder partial = new StringBuilder();
        int asked;
        long sentAt;
        boolean finished;

        Listener(int client, int questions, long pauseMs, List<Long> latencies, AtomicInteger answers,
                 AtomicInteger errors, CountDownLatch done) {
            this.client = client;
            this.questions = questions;
            this.pauseMs = pauseMs;
            this.latencies = latencies;
            this.answers = answers;
            this.errors = errors;
            this.done = done;
        }

        synchronized void send(WebSocket ws) {
            String q = QUESTIONS[(client + asked) % QUESTIONS.length];
            asked++;
            sentAt = System.nanoTime();
            ws.sendText("{\"question\": \"" + q + "\"}", true);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                if (frame.contains("\"type\":\"answer\"")) {
                    latencies.add(System.nanoTime() - sentAt);
                    answers.incrementAndGet();
                    next(ws);
                } else if (frame.contains("\"type\":\"error\"")) {
                    errors.incrementAndGet();
                    System.err.println("client " + client + ": " + frame);
                    next(ws);
                }
            }
            ws.request(1);
            return null;
        }

        private void next(WebSocket ws) {
            if (asked >= questions) {
                finish();
            } else if (pauseMs > 0) {
                CompletableFuture.delayedExecutor(pauseMs, TimeUnit.MILLISECONDS).execute(() -> send(ws));
            } else {
                send(ws);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
            if (!finishedAlready()) {
                System.err.println("client " + client + ": closed early " + code + " " + reason);
                errors.incrementAndGet();
                finish();
            }
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            if (!finishedAlready()) {
                System.err.println("client " + client + ": " + error);
                errors.incrementAndGet();
                finish();
            }
        }

        synchronized boolean finishedAlready() {
            return finished;
        }

        synchronized void finish() {
            if (!finished) {
                finished = true;
                done.countDown();
            }
        }
    }
}
