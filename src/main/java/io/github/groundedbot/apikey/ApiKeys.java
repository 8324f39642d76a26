package io.github.groundedbot.apikey;

import io.github.groundedbot.limits.ClientKey;
import io.github.groundedbot.limits.Rate;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells integrations apart by their API key ({@code Authorization: Bearer <key>} or
 * {@code X-API-Key: <key>}) and decides what each caller may use. Only hashes are held; a key
 * presented is hashed and looked up, and it is never logged or kept. Built at startup, so a
 * misconfigured key stops the bot with a clear message instead of failing its first caller.
 */
@Startup
@ApplicationScoped
public class ApiKeys {

    public static final String HEADER = "X-API-Key";
    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    private static final String BEARER = "Bearer ";
    /** Names end up in metric tags, logs and property names: keep them plain. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    /** The metrics' key tag when the key presented matches none configured. */
    private static final String UNKNOWN = "(unknown)";

    private record Configured(String name, ApiKeyConfig.Key key, ClientKey.Integration client) {
    }

    private final Map<String, Configured> byHash;
    private final ApiKeyConfig.Anonymous anonymous;
    private final MeterRegistry registry;

    public ApiKeys(ApiKeyConfig config, MeterRegistry registry) {
        this.anonymous = config.anonymous();
        this.registry = registry;
        Map<String, Configured> keys = new HashMap<>();
        List<String> problems = new ArrayList<>();
        config.keys().forEach((name, key) -> {
            String hash = key.hash().strip().toLowerCase(Locale.ROOT);
            if (!validName(name)) {
                problems.add("the key name '" + name + "' must be lower-case letters, digits and hyphens (at most 40)");
            } else if (!HASH.matcher(hash).matches()) {
                problems.add("api-keys.keys." + name + ".hash must be the key's SHA-256 as 64 hex digits, never the key");
            } else if (keys.containsKey(hash)) {
                problems.add("api-keys.keys." + name + " has the same hash as api-keys.keys." + keys.get(hash).name());
            } else {
                keys.put(hash, new Configured(name, key,
                        new ClientKey.Integration(name, new Rate(key.questionsPerMinute(), key.burst()))));
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("API keys: " + String.join("; ", problems) + ".");
        }
        this.byHash = Map.copyOf(keys);
        LOG.infof("API keys: %d configured; anonymous REST questions %s, anonymous chat %s", byHash.size(),
                anonymous.ask() ? "on" : "off", anonymous.chat() ? "on" : "off");
    }

    /** Whether {@code name} may name a key: lower-case letters, digits and hyphens, at most 40. */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * Who is calling {@code endpoint}: the integration whose key the request carries, or else the
     * anonymous client at {@code address}.
     *
     * @param authorization the {@code Authorization} header, or null; only a Bearer credential is read
     * @param apiKey        the {@code X-API-Key} header, or null; it wins over {@code Authorization}
     * @throws ApiKeyException 401 for a missing key where anonymous use is off, an unknown or a revoked
     *                         key; 403 for a key not allowed on {@code endpoint}
     */
    public ClientKey identify(String authorization, String apiKey, Endpoint endpoint, String address) {
        Optional<String> presented = presented(authorization, apiKey);
        if (presented.isEmpty()) {
            if (!anonymousMay(endpoint)) {
                throw ApiKeyException.unauthorized("This endpoint needs an API key: send it as 'Authorization: Bearer "
                        + "<key>' or 'X-API-Key: <key>'.");
            }
            return new ClientKey.Address(address);
        }
        Configured key = byHash.get(ApiKeySecrets.hash(presented.get()));
        if (key == null) {
            refused(UNKNOWN, "unknown");
            throw ApiKeyException.unauthorized("The API key is not valid.");
        }
        if (!key.key().enabled()) {
            refused(key.name(), "revoked");
            LOG.debugf("Refused the revoked API key '%s'", key.name());
            throw ApiKeyException.unauthorized("The API key '" + key.name() + "' has been revoked.");
        }
        if (!key.key().endpoints().contains(endpoint)) {
            refused(key.name(), "forbidden");
            throw ApiKeyException.forbidden("The API key '" + key.name() + "' may not use "
                    + endpoint.name().toLowerCase(Locale.ROOT) + ".");
        }
        return key.client();
    }

    private boolean anonymousMay(Endpoint endpoint) {
        return switch (endpoint) {
            case ASK -> anonymous.ask();
            case CHAT -> anonymous.chat();
        };
    }

    private static Optional<String> presented(String authorization, String apiKey) {
        if (apiKey != null && !apiKey.isBlank()) {
            return Optional.of(apiKey.strip());
        }
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(authorization.substring(BEARER.length()).strip()).filter(key -> !key.isEmpty());
        }
        return Optional.empty();
    }

    private void refused(String key, String reason) {
        registry.counter("bot.api.key.refused", "key", key, "reason", reason).increment();
    }
}
