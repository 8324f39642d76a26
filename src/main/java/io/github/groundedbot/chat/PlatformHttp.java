package io.github.groundedbot.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * JSON calls to a platform's HTTP API (Discord's interaction webhook, Mattermost's response URL),
 * with the JDK's HTTP client, built on first use so a bot without these platforms never starts it.
 */
@ApplicationScoped
public class PlatformHttp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final ObjectMapper json;
    private HttpClient client;

    public PlatformHttp(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Sends {@code body} as JSON; any 2xx is success.
     *
     * @param timeout how long the whole call may take: {@link Delivery#attemptTimeout()}
     * @throws DeliveryFailure retryable for a network error, 429 or 5xx; permanent for another status
     */
    public void send(String method, URI uri, Object body, Map<String, String> headers, Duration timeout)
            throws DeliveryFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw DeliveryFailure.retryable(e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down
            throw DeliveryFailure.permanent("interrupted");
        }
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            throw DeliveryFailure.ofStatus(status, response.headers().firstValue("Retry-After").orElse(null),
                    response.body());
        }
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not serialisable as JSON: " + body.getClass(), e);
        }
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        }
        return client;
    }
}
