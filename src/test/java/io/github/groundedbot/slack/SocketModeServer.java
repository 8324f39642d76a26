package io.github.groundedbot.slack;

import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Slack's Socket Mode WebSocket on loopback: greets each connection with
 * {@code hello} as Slack does, lets a test send envelopes down the newest connection, and keeps
 * every text frame the bot sends back (its acknowledgements).
 */
final class SocketModeServer extends WebSocketServer {

    private static final String HELLO = "{\"type\":\"hello\",\"num_connections\":1,"
            + "\"debug_info\":{\"host\":\"applink-stand-in\",\"approximate_connection_time\":18060},"
            + "\"connection_info\":{\"app_id\":\"A0APP\"}}";

    private final AtomicInteger opened = new AtomicInteger();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile WebSocket newest;

    private SocketModeServer(ServerSocketChannel channel) {
        super(channel);
    }

    /** Listens on a free loopback port, known as soon as this returns. */
    static SocketModeServer listen() throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open();
        channel.bind(new InetSocketAddress("127.0.0.1", 0));
        SocketModeServer server = new SocketModeServer(channel);
        server.setDaemon(true);
        server.start();
        return server;
    }

    /** The address {@code apps.connections.open} hands out. */
    String url() {
        return "ws://127.0.0.1:" + getPort() + "/link/?ticket=stand-in";
    }

    int connectionsOpened() {
        return opened.get();
    }

    /** True when the bot holds an open connection to send to. */
    boolean connected() {
        WebSocket connection = newest;
        return connection != null && connection.isOpen();
    }

    /** Sends a frame down the newest connection. */
    void send(String frame) {
        newest.send(frame);
    }

    /** Every text frame the bot sent, oldest first. */
    List<String> received() {
        return List.copyOf(received);
    }

    /** Cuts every connection without a close handshake, as a network failure would. */
    void drop() {
        for (WebSocket connection : getConnections()) {
            connection.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the stand-in");
        }
    }

    @Override
    public void onOpen(WebSocket connection, ClientHandshake handshake) {
        opened.incrementAndGet();
        newest = connection;
        connection.send(HELLO);
    }

    @Override
    public void onMessage(WebSocket connection, String message) {
        received.add(message);
    }

    @Override
    public void onClose(WebSocket connection, int code, String reason, boolean remote) {
        // the bot reconnects by itself
    }

    @Override
    public void onError(WebSocket connection, Exception error) {
        // a test sees the effect: no acknowledgement, or no reconnection
    }

    @Override
    public void onStart() {
        // the port is bound before start(): nothing to wait for
    }
}
