package io.github.groundedbot.limits;

import io.github.groundedbot.problem.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Refusals in REST's shape, and the per-client rate of REST endpoints that are not questions
 * (feedback): {@code limits.questions-per-minute} and {@code limits.burst} per address, each
 * endpoint counted on its own. Questions go through {@link Admission}.
 */
@ApplicationScoped
public class RestRateLimit {

    private static final int TOO_MANY_REQUESTS = 429;
    private static final int SERVICE_UNAVAILABLE = 503;
    private static final String RETRY_AFTER = "Retry-After";

    private final RateLimiter limiter;
    private final ClientAddress clients;
    private final Rate rate;

    public RestRateLimit(RateLimiter limiter, ClientAddress clients, LimitsConfig config) {
        this.limiter = limiter;
        this.clients = clients;
        this.rate = Rate.anonymous(config);
    }

    /**
     * Counts one request for the client that sent {@code request}.
     *
     * @param scope which allowance it draws on, e.g. {@code "feedback"}
     * @param what  what the client sent too many of, for the problem's text, e.g. {@code "feedback reports"}
     * @throws ProblemException 429 when the client is over its rate
     */
    public void check(String scope, String what, HttpServerRequest request) {
        if (limiter.tryAcquire(scope + ":" + clients.of(request), rate) instanceof Decision.Refusal refusal) {
            throw problem(refusal, "Too many " + what + " from this client; retry in " + refusal.retryAfterSeconds()
                    + " s.");
        }
    }

    /** A refusal as problem JSON: 429 over a client's rate, 503 when the bot is overloaded; both with Retry-After. */
    public static ProblemException problem(Decision.Refusal refusal) {
        return problem(refusal, refusal.message());
    }

    /** As {@link #problem(Decision.Refusal)}, with {@code detail} saying what was refused. */
    public static ProblemException problem(Decision.Refusal refusal, String detail) {
        Map<String, String> retryAfter = Map.of(RETRY_AFTER, String.valueOf(refusal.retryAfterSeconds()));
        return refusal instanceof Decision.RateLimited
                ? new ProblemException(TOO_MANY_REQUESTS, "Too Many Requests", detail, retryAfter)
                : new ProblemException(SERVICE_UNAVAILABLE, "Service Unavailable", detail, retryAfter);
    }
}
