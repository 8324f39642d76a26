package io.github.groundedbot.chat;

import io.github.groundedbot.concurrent.DaemonThreads;
import io.github.groundedbot.limits.ClientKey;
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
 * The open chat connections: caps how many there are in all and per client, and closes those idle
 * past {@code limits.websocket-idle-timeout}, so neither many clients, one greedy client nor
 * forgotten tabs hold the slots and memory forever.
 */
@ApplicationScoped
public class ChatConnections {

    private static final Logger LOG = Logger.getLogger(ChatConnections.class);
    /** RFC 6455 "Try Again Later": the server is at its connection limit. */
    static final int TRY_AGAIN_LATER = 1013;
    /** RFC 6455 "Policy Violation": this client holds as many connections as it may. */
    static final int POLICY_VIOLATION = 1008;

    private final int max;
    private final int maxPerClient;
    private final long idleNanos;
    private final Map<String, Tracked> open = new ConcurrentHashMap<>();
    /** Open connections per client ({@link ClientKey#id()}); a client with none has no entry. */
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    private final OpenConnections connections;

    public ChatConnections(LimitsConfig config, OpenConnections connections) {
        this.connections = connections;
        this.max = config.maxWebsocketConnections();
        this.maxPerClient = config.maxWebsocketConnectionsPerClient();
        Duration idle = config.websocketIdleTimeout();
        this.idleNanos = idle.toNanos();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(DaemonThreads.factory("chat-idle-sweeper"));
        long every = Math.max(100, Math.min(30_000, idle.toMillis() / 4));
        sweeper.scheduleWithFixedDelay(this::closeIdle, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Registers a new connection of {@code client}; false (and the connection is being closed) when
     * over the cap: 1013 when every slot is taken, 1008 when this client holds its share.
     */
    boolean opened(WebSocketConnection connection, ClientKey client) {
        // Counted before the checks, so concurrent opens can never overshoot a cap.
        open.put(connection.id(), new Tracked(System.nanoTime(), client.id(), false));
        int ofClient = perClient.merge(client.id(), 1, Integer::sum);
        if (open.size() > max) {
            release(connection.id());
            LOG.warnf("Refusing a chat connection: %d are open, the limit (limits.max-websocket-connections)", max);
            refuse(connection, new CloseReason(TRY_AGAIN_LATER, "Too many connections; try again later"));
            return false;
        }
        if (ofClient > maxPerClient) {
            release(connection.id());
            LOG.debugf("Refusing a chat connection: %s holds %d, the limit (limits.max-websocket-connections-per-client)",
                    client.id(), maxPerClient);
            refuse(connection, new CloseReason(POLICY_VIOLATION,
                    "Too many connections from this client; close one and try again"));
            return false;
        }
        return true;
    }

    private static void refuse(WebSocketConnection connection, CloseReason reason) {
        connection.close(reason).subscribe().with(ok -> { }, failure -> { });
    }

    /** The connection asked a question: it is not idle while it is being answered. */
    void asking(String id) {
        open.computeIfPresent(id, (k, tracked) -> new Tracked(System.nanoTime(), tracked.client(), true));
    }

    /** The connection's question is answered (or refused): idle from now on until it asks again. */
    void answered(String id) {
        open.computeIfPresent(id, (k, tracked) -> new Tracked(System.nanoTime(), tracked.client(), false));
    }

    void closed(String id) {
        release(id);
    }

    /** Forgets a connection once, whoever sees it go first (its close, or the idle sweep). */
    private void release(String id) {
        Tracked tracked = open.remove(id);
        if (tracked != null) {
            perClient.computeIfPresent(tracked.client(), (client, count) -> count == 1 ? null : count - 1);
        }
    }

    public int count() {
        return open.size();
    }

    private void closeIdle() {
        try {
            long now = System.nanoTime();
            open.forEach((id, tracked) -> {
                if (tracked.answering() || now - tracked.lastActive() < idleNanos) {
                    return;
                }
                release(id);
                LOG.debugf("Closing idle chat connection %s", id);
                // The connection handed to @OnOpen belongs to that callback's context; outside it, look it up.
                connections.findByConnectionId(id).ifPresent(connection -> connection
                        .close(new CloseReason(CloseReason.NORMAL.getCode(), "Idle for too long"))
                        .subscribe().with(ok -> { }, failure -> LOG.debugf("Closing %s failed: %s", id, failure)));
            });
        } catch (RuntimeException e) { // a failed sweep must not cancel the next ones
            LOG.warnf("Closing idle chat connections failed: %s", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
    }

    /**
     * @param client    the {@link ClientKey#id()} the connection counts against
     * @param answering a question of this connection is being answered: never idle then
     */
    private record Tracked(long lastActive, String client, boolean answering) {
    }
}
