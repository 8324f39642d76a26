import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Minimal blocking HTTP/1.1 and WebSocket clients over one kept-alive socket each. The load
 * generator shares the machine's two cores with the bot, so it must cost as little CPU as
 * possible: java.net.http spends several times more per request (selector thread, futures).
 * Only what the benchmark needs: POST with a JSON body, text frames, server frames unmasked.
 */
final class Wire {

    private Wire() {
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) != '\n'; ) {
            if (c < 0) {
                throw new EOFException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** POST requests on one kept-alive connection. */
    static final class Http implements AutoCloseable {
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Http(int port) {
            this.port = port;
        }

        /** Returns the response body; throws on a non-2xx status. */
        String post(String path, String json) throws IOException {
            if (socket == null) {
                socket = connect(port);
                in = new BufferedInputStream(socket.getInputStream(), 16_384);
                out = socket.getOutputStream();
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, request, 0, headBytes.length);
            System.arraycopy(body, 0, request, headBytes.length, body.length);
            try {
                out.write(request);
                out.flush();
                return readResponse();
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        private String readResponse() throws IOException {
            String status = readLine(in);
            int code = Integer.parseInt(status.split(" ")[1]);
            int length = -1;
            boolean chunked = false;
            boolean closes = false;
            for (String line; !(line = readLine(in)).isEmpty(); ) {
                String lower = line.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closes = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (int size; (size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16)) > 0; ) {
                    body.write(in.readNBytes(size));
                    readLine(in);
                }
                readLine(in);
            } else if (length >= 0) {
                body.write(in.readNBytes(length));
            }
            if (closes) {
                close();
            }
            String text = body.toString(StandardCharsets.UTF_8);
            if (code < 200 || code >= 300) {
                throw new IOException("HTTP " + code + ": " + text);
            }
            return text;
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }

    /** One WebSocket connection: send a text frame, read text frames. */
    static final class Ws implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Ws(int port, String path) throws IOException {
            socket = connect(port);
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
            out = socket.getOutputStream();
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String handshake = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                    + Base64.getEncoder().encodeToString(nonce) + "\r\n\r\n";
            out.write(handshake.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = readLine(in);
            if (!status.contains(" 101 ")) {
                throw new IOException("WebSocket upgrade refused: " + status);
            }
            while (!readLine(in).isEmpty()) {
                // skip the response headers
            }
        }

        void send(String text) throws IOException {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
            frame.write(0x81); // FIN + text
            if (payload.length < 126) {
                frame.write(0x80 | payload.length);
            } else if (payload.length < 65_536) {
                frame.write(0x80 | 126);
                frame.write(payload.length >>> 8);
                frame.write(payload.length);
            } else {
                frame.write(0x80 | 127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    frame.write((int) ((long) payload.length >>> shift));
                }
            }
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            frame.write(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.write(payload[i] ^ mask[i & 3]);
            }
            synchronized (out) {
                out.write(frame.toByteArray());
                out.flush();
            }
        }

        /** The next whole text message; answers pings, fails on close. */
        String receive() throws IOException {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            while (true) {
                int first = in.read();
                int second = in.read();
                if (first < 0 || second < 0) {
                    throw new EOFException("WebSocket closed");
                }
                long length = second & 0x7f;
                if (length == 126) {
                    length = (in.read() << 8) | in.read();
                } else if (length == 127) {
                    length = 0;
                    for (int i = 0; i < 8; i++) {
                        length = (length << 8) | in.read();
                    }
                }
                byte[] payload = in.readNBytes((int) length);
                int opcode = first & 0x0f;
                if (opcode == 0x8) {
                    throw new EOFException("WebSocket closed by the server");
                } else if (opcode == 0x9) {
                    pong(payload);
                } else if (opcode == 0x1 || opcode == 0x0) {
                    message.write(payload);
                    if ((first & 0x80) != 0) {
                        return message.toString(StandardCharsets.UTF_8);
                    }
                }
            }
        }

        private void pong(byte[] payload) throws IOException {
            byte[] frame = new byte[payload.length + 6];
            frame[0] = (byte) 0x8A;
            frame[1] = (byte) (0x80 | payload.length);
            for (int i = 0; i < payload.length; i++) {
                frame[6 + i] = payload[i]; // zero mask
            }
            synchronized (out) {
                out.write(frame);
                out.flush();
            }
        }

        @Override
        public void close() {
            try {
                out.write(new byte[]{(byte) 0x88, (byte) 0x80, 0, 0, 0, 0});
                out.flush();
            } catch (IOException ignored) {
                // closing anyway
            }
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
