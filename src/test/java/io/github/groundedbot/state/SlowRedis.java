package io.github.groundedbot.state;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Redis that answers, but slowly: Debian's redis-server behind a loopback proxy that holds every
 * reply for {@link #DELAY}. That is well under the Redis client's own timeout, so without a short
 * timeout of its own the bot would wait on every call and never fall back. The bot is pointed at
 * the proxy with {@code state.store=redis}.
 */
public class SlowRedis implements QuarkusTestResourceLifecycleManager {

    static final Duration DELAY = Duration.ofSeconds(1);

    /** Marks the test's {@link AtomicLong} field: bytes the bot has sent to Redis so far. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface BytesSent {
    }

    private final AtomicLong bytesSent = new AtomicLong();
    private final ExecutorService pumps = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "slow-redis");
        thread.setDaemon(true);
        return thread;
    });
    private Process redis;
    private ServerSocket proxy;

    @Override
    public Map<String, String> start() {
        try {
            Path server = Path.of("/usr/bin/redis-server");
            if (!Files.exists(server)) {
                throw new IllegalStateException("redis-server is needed (.ci/run installs Debian's redis-server)");
            }
            int redisPort = freePort();
            Files.createDirectories(Path.of("target"));
            redis = new ProcessBuilder(server.toString(), "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true).redirectOutput(Path.of("target/slow-redis.log").toFile()).start();
            awaitListening(redisPort);
            proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            pumps.execute(() -> accept(redisPort));
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the slow Redis", e);
        }
        return Map.of(
                "state.store", "redis",
                "quarkus.redis.hosts", "redis://127.0.0.1:" + proxy.getLocalPort(),
                // Two calls are enough to judge, and the breaker stays open for the whole test.
                "state.breaker-window", "2",
                "state.retry-after", "10m");
    }

    private void accept(int redisPort) {
        while (!proxy.isClosed()) {
            try {
                Socket bot = proxy.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), redisPort);
                pumps.execute(() -> pump(bot, server, Duration.ZERO, bytesSent));
                pumps.execute(() -> pump(server, bot, DELAY, new AtomicLong()));
            } catch (IOException e) {
                return; // closed by stop()
            }
        }
    }

    /** Copies one direction of a connection, holding each chunk for {@code delay}. */
    private static void pump(Socket from, Socket to, Duration delay, AtomicLong count) {
        byte[] buffer = new byte[8192];
        try (from; to) {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                count.addAndGet(n);
                Thread.sleep(delay.toMillis());
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException | InterruptedException e) {
            // one side went away: closing both ends (above) ends the other direction too
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(bytesSent, new TestInjector.AnnotatedAndMatchesType(BytesSent.class, AtomicLong.class));
    }

    @Override
    public void stop() {
        try {
            if (proxy != null) {
                proxy.close();
            }
        } catch (IOException e) {
            // stopping anyway
        }
        pumps.shutdownNow();
        if (redis != null) {
            redis.destroyForcibly();
        }
    }

    private static void awaitListening(int port) throws IOException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (true) {
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                try {
                    TimeUnit.MILLISECONDS.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", interrupted);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
