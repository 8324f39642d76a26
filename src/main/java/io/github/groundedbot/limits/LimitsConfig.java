package io.github.groundedbot.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How much one client, and everyone together, may ask of the bot. */
@ConfigMapping(prefix = "limits")
public interface LimitsConfig {

    /**
     * Questions one client may ask per minute, sustained. A client is an address (its REST and
     * WebSocket questions together, however often it reconnects) or a chat-platform user; an API
     * key has its own rate ({@code api-keys.keys.*}).
     */
    @WithDefault("30")
    int questionsPerMinute();

    /** Questions a client may ask at once before the per-minute rate applies (the bucket's size). */
    @WithDefault("10")
    int burst();

    /**
     * Clients remembered by the in-memory rate limiter. Past it Caffeine forgets those least likely
     * to ask again (by how often and how recently they asked); a forgotten client starts afresh.
     */
    @WithDefault("100000")
    int maxClients();

    /**
     * Take a client's address (REST and WebSocket) from the last {@code X-Forwarded-For} entry (the
     * address the proxy saw). Only behind exactly one reverse proxy that appends to the header: otherwise anyone
     * could pick an address and escape the limit.
     */
    @WithDefault("false")
    boolean trustForwardedFor();

    /**
     * Questions answered at once over every channel together (REST, WebSocket, chat platforms).
     * Answering is CPU work: more only adds latency.
     */
    @WithDefault("64")
    int maxInFlight();

    /** How long a question may wait for one of {@code max-in-flight} places before it is shed (503). */
    @WithDefault("2s")
    Duration inFlightWait();

    /** Open WebSocket connections; one more is closed at once with 1013 (try again later). */
    @WithDefault("1000")
    int maxWebsocketConnections();

    /**
     * Open WebSocket connections one client (an address, or an API key) may hold; one more is closed
     * at once with 1008 (policy violation), so one client cannot take every slot.
     */
    @WithDefault("20")
    int maxWebsocketConnectionsPerClient();

    /** A WebSocket connection that asks nothing for this long is closed (1000), freeing its slot. */
    @WithDefault("15m")
    Duration websocketIdleTimeout();
}
