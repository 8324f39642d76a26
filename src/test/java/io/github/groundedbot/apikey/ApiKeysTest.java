package io.github.groundedbot.apikey;

import io.github.groundedbot.limits.ClientKey;
import io.github.groundedbot.limits.Rate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who a request is, from its key headers: no Quarkus, just the configuration. */
class ApiKeysTest {

    private static final String PARTNER = ApiKeySecrets.newKey();
    private static final String REVOKED = ApiKeySecrets.newKey();
    private static final String ADDRESS = "203.0.113.7";

    private static ApiKeys keys(Map<String, String> extra) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "api-keys.keys.partner.hash", ApiKeySecrets.hash(PARTNER),
                "api-keys.keys.partner.questions-per-minute", "120",
                "api-keys.keys.partner.burst", "12",
                "api-keys.keys.partner.endpoints", "ask",
                "api-keys.keys.old.hash", ApiKeySecrets.hash(REVOKED).toUpperCase(),
                "api-keys.keys.old.enabled", "false"));
        properties.putAll(extra);
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withMapping(ApiKeyConfig.class);
        properties.forEach(builder::withDefaultValue);
        ApiKeyConfig config = builder.build().unwrap(SmallRyeConfig.class).getConfigMapping(ApiKeyConfig.class);
        return new ApiKeys(config, new SimpleMeterRegistry());
    }

    @Test
    void aKeyInEitherHeaderNamesItsIntegrationWithItsOwnRate() {
        ApiKeys keys = keys(Map.of());
        ClientKey expected = new ClientKey.Integration("partner", new Rate(120, 12));
        assertThat(keys.identify("Bearer " + PARTNER, null, Endpoint.ASK, ADDRESS)).isEqualTo(expected);
        assertThat(keys.identify("bearer  " + PARTNER, null, Endpoint.ASK, ADDRESS)).isEqualTo(expected);
        assertThat(keys.identify(null, PARTNER, Endpoint.ASK, ADDRESS)).isEqualTo(expected);
    }

    @Test
    void withoutAKeyTheCallerIsItsAddress() {
        ApiKeys keys = keys(Map.of());
        assertThat(keys.identify(null, null, Endpoint.ASK, ADDRESS)).isEqualTo(new ClientKey.Address(ADDRESS));
        // Other schemes (a proxy's Basic credentials) are not API keys.
        assertThat(keys.identify("Basic dXNlcjpwYXNz", null, Endpoint.CHAT, ADDRESS))
                .isEqualTo(new ClientKey.Address(ADDRESS));
    }

    @Test
    void unknownAndRevokedKeysAre401AndAnEndpointNotGrantedIs403() {
        ApiKeys keys = keys(Map.of());
        assertThatThrownBy(() -> keys.identify("Bearer " + ApiKeySecrets.newKey(), null, Endpoint.ASK, ADDRESS))
                .isInstanceOfSatisfying(ApiKeyException.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThatThrownBy(() -> keys.identify(null, REVOKED, Endpoint.ASK, ADDRESS))
                .isInstanceOfSatisfying(ApiKeyException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).contains("revoked").doesNotContain(REVOKED);
                });
        assertThatThrownBy(() -> keys.identify(null, PARTNER, Endpoint.CHAT, ADDRESS))
                .isInstanceOfSatisfying(ApiKeyException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void anonymousUseCanBeSwitchedOffPerEndpoint() {
        ApiKeys keys = keys(Map.of("api-keys.anonymous.ask", "false"));
        assertThatThrownBy(() -> keys.identify(null, null, Endpoint.ASK, ADDRESS))
                .isInstanceOfSatisfying(ApiKeyException.class, e -> assertThat(e.status()).isEqualTo(401));
        assertThat(keys.identify(null, null, Endpoint.CHAT, ADDRESS)).isEqualTo(new ClientKey.Address(ADDRESS));
        assertThat(keys.identify(null, PARTNER, Endpoint.ASK, ADDRESS)).isInstanceOf(ClientKey.Integration.class);
    }

    @Test
    void aKeyWrittenInPlaceOfItsHashStopsStartupWithoutEchoingIt() {
        assertThatThrownBy(() -> keys(Map.of("api-keys.keys.careless.hash", PARTNER)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("api-keys.keys.careless.hash must be the key's SHA-256")
                .hasMessageNotContaining(PARTNER);
    }

    @Test
    void newKeysAreLongRandomAndTheirHashIsSha256() {
        String key = ApiKeySecrets.newKey();
        assertThat(key).startsWith("gbk_").hasSize(4 + 43).isNotEqualTo(ApiKeySecrets.newKey());
        assertThat(ApiKeySecrets.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
