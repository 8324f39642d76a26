package io.github.groundedbot.limits;

import io.github.groundedbot.apikey.ApiKeySecrets;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Small limits, a few API keys, and everything of ours logged, so tests can look for keys in the log. */
public class SmallLimits implements QuarkusTestProfile {
    /** Fixed, not random: the profile and the tests may be loaded by different class loaders. */
    public static final String PARTNER_KEY = "gbk_partner-0123456789abcdefghijklmnopqrstuvwxyz0";
    public static final String REVOKED_KEY = "gbk_revoked-0123456789abcdefghijklmnopqrstuvwxyz0";
    public static final String ASK_ONLY_KEY = "gbk_askonly-0123456789abcdefghijklmnopqrstuvwxyz0";
    public static final String ADMIN_TOKEN = "limits-test-admin-token";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(Map.entry("limits.questions-per-minute", "1"),
                Map.entry("limits.burst", "2"),
                // Each test speaks from its own address, so the tests do not share a bucket.
                Map.entry("limits.trust-forwarded-for", "true"),
                Map.entry("limits.max-in-flight", "2"),
                Map.entry("limits.in-flight-wait", "50ms"),
                Map.entry("limits.max-websocket-connections", "4"),
                Map.entry("limits.max-websocket-connections-per-client", "2"),
                Map.entry("limits.websocket-idle-timeout", "3s"),
                Map.entry("api-keys.keys.partner.hash", ApiKeySecrets.hash(PARTNER_KEY)),
                Map.entry("api-keys.keys.partner.burst", "20"),
                Map.entry("api-keys.keys.revoked.hash", ApiKeySecrets.hash(REVOKED_KEY)),
                Map.entry("api-keys.keys.revoked.enabled", "false"),
                Map.entry("api-keys.keys.ask-only.hash", ApiKeySecrets.hash(ASK_ONLY_KEY)),
                Map.entry("api-keys.keys.ask-only.endpoints", "ask"),
                Map.entry("admin.token", ADMIN_TOKEN),
                Map.entry("quarkus.log.category.\"io.github.groundedbot\".level", "DEBUG"));
    }
}
