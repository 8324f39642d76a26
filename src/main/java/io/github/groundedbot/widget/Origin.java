package io.github.groundedbot.widget;

import io.vertx.core.net.HostAndPort;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A web origin, {@code scheme://host:port}, as browsers send it in the {@code Origin} header. The
 * port is always explicit here (80 or 443 when the text leaves it out), so two spellings of one
 * origin are equal.
 *
 * @param scheme {@code http} or {@code https}, lower case
 * @param host   lower case
 * @param port   the port, defaulted from the scheme
 */
record Origin(String scheme, String host, int port) {

    private static final int HTTP_PORT = 80;
    private static final int HTTPS_PORT = 443;

    /**
     * Reads an {@code Origin} header.
     *
     * @return empty for {@code null} (an opaque origin: a sandboxed frame, a file), another scheme,
     *         or anything that is not a bare {@code scheme://host[:port]}
     */
    static Optional<Origin> parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawQuery() == null
                && uri.getRawFragment() == null && (uri.getRawPath() == null || uri.getRawPath().isEmpty());
        if (!bare || !("http".equals(scheme) || "https".equals(scheme))) {
            return Optional.empty();
        }
        int port = uri.getPort() < 0 ? defaultPort(scheme) : uri.getPort();
        return Optional.of(new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port));
    }

    /**
     * Reads a configured origin.
     *
     * @throws IllegalArgumentException naming the entry when it is not {@code scheme://host[:port]}
     */
    static Origin configured(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("widget.allowed-origins: \"" + text
                + "\" is not an origin; write scheme://host[:port], e.g. https://help.example.com, with no path"));
    }

    /**
     * Whether this is the origin of a request that arrived for {@code authority} (its {@code Host}
     * header): the bot's own page. The scheme is not compared, so a bot behind a proxy that ends
     * TLS still knows its own page; a missing port is this origin's scheme's default.
     */
    boolean isServedAt(HostAndPort authority) {
        if (authority == null || !host.equalsIgnoreCase(authority.host())) {
            return false;
        }
        int served = authority.port() < 0 ? defaultPort(scheme) : authority.port();
        return port == served;
    }

    /** As browsers write it: the port only when it is not the scheme's default. */
    @Override
    public String toString() {
        return port == defaultPort(scheme) ? scheme + "://" + host : scheme + "://" + host + ":" + port;
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? HTTPS_PORT : HTTP_PORT;
    }
}
