package io.github.groundedbot.limits;

import io.github.groundedbot.problem.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * The per-client rate of a REST endpoint ({@code limits.questions-per-minute} and {@code limits.burst}
 * per address, each endpoint counted on its own): over it, a 429 problem with {@code Retry-After}.
 */
@ApplicationScoped
public class RestRateLimit {

    private final RateLimiter limiter;
    private final ClientAddress clients;

    public RestRateLimit(RateLimiter limiter, ClientAddress clients) {
        this.limiter = limiter;
        this.clients = clients;
    }

    /**
     * Counts one request for the client that sent {@code request}.
     *
     * @param scope which allowance it draws on, e.g. {@code "rest"} for questions
     * @param what  what the client sent too many of, for the problem's text, e.g. {@code "questions"}
     * @throws ProblemException 429 when the client is over its rate
     */
    public void check(String scope, String what, HttpServerRequest request) {
        RateLimiter.Decision decision = limiter.tryAcquire(scope + ":" + clients.of(request));
        if (!decision.allowed()) {
            long seconds = decision.retryAfterSeconds();
            throw new ProblemException(429, "Too Many Requests", "Too many " + what + " from this client; retry in "
                    + seconds + " s.", Map.of("Retry-After", String.valueOf(seconds)));
        }
    }
}
