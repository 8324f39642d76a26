package io.github.groundedbot.chat;

import io.github.groundedbot.concurrent.DaemonThreads;
import io.github.groundedbot.limits.LimitsConfig;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The open chat connections: caps how many there are and closes those idle past
 * {@code limits.websocket-idle-timeout}, so neither many clients nor forgotten tabs hold memory forever.
 */
@ApplicationScoped
public class ChatConnections {

    private static final Logger LOG = Logger.getLogger(ChatConnections.class);
    /** RFC 6455 "Try Again Later": the server is at its connection limit. */
    static final int TRY_AGAIN_LATER = 1013;

    private final int max;
    private final long idleNanos;
    private final Map<String, Tracked> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    private final OpenConnections connections;

    public ChatConnections(LimitsConfig config, OpenConnections connections) {
        this.connections = connections;
        this.max = config.maxWebsocketConnections();
        Duration idle = config.websocketIdleTimeout();
        this.idleNanos = idle.toNanos();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("chat-idle-sweeper"));
        long every = Math.max(100, Math.min(30_000, idle.toMillis() / 4));
        sweeper.scheduleWithFixedDelay(this::closeIdle, every, every, TimeUnit.MILLISECONDS);
    }

    /** Registers a new connection; false (and the connection is being closed with 1013) when over the cap. */
    boolean opened(WebSocketConnection connection) {
        // Counted before the check, so concurrent opens can never overshoot the cap.
        open.put(connection.id(), new Tracked(System.nanoTime()));
        if (open.size() > max) {
            open.remove(connection.id());
            LOG.warnf("Refusing a chat connection: %d are open, the limit (limits.max-websocket-connections)", max);
            connection.close(new CloseReason(TRY_AGAIN_LATER, "Too many connections; try again later"))
                    .subscribe().with(ok -> { }, failure -> { });
            return false;
        }
        return true;
    }

    void touched(String id) {
        open.computeIfPresent(id, (k, tracked) -> new Tracked(System.nanoTime()));
    }

    void closed(String id) {
        open.remove(id);
    }

    public int count() {
        return open.size();
    }

    private void closeIdle() {
        try {
            long now = System.nanoTime();
            open.entrySet().removeIf(entry -> {
                if (now - entry.getValue().lastActive() < idleNanos) {
                    return false;
                }
                LOG.debugf("Closing idle chat connection %s", entry.getKey());
                // The connection handed to @OnOpen belongs to that callback's context; outside it, look it up.
                connections.findByConnectionId(entry.getKey()).ifPresent(connection -> connection
                        .close(new CloseReason(CloseReason.NORMAL.getCode(), "Idle for too long"))
                        .subscribe().with(ok -> { }, failure -> LOG.debugf("Closing %s failed: %s", entry.getKey(), failure)));
                return true;
            });
        } catch (RuntimeException e) { // a failed sweep must not cancel the next ones
            LOG.warnf("Closing idle chat connections failed: %s", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
    }

    private record Tracked(long lastActive) {
    }
}
