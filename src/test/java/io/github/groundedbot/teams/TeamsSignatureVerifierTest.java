package io.github.groundedbot.teams;

import io.github.groundedbot.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TeamsSignatureVerifierTest {

    /** Computed outside Java: {@code printf '{"text":"hi"}' | openssl dgst -sha256 -hmac 'secret-key' -binary | base64}. */
    private static final String KNOWN_SIGNATURE = "HMAC kKwbPdwtd1TKe+wzCXFnVpzY9AVOA4MQiRsnirlFvMo=";
    private static final String TOKEN = Base64.getEncoder().encodeToString("secret-key".getBytes(StandardCharsets.US_ASCII));
    private static final byte[] BODY = "{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8);

    private final TeamsSignatureVerifier verifier = new TeamsSignatureVerifier(TOKEN);

    @Test
    void aSignatureMadeElsewhereIsAccepted() {
        assertThatCode(() -> verifier.verify(KNOWN_SIGNATURE, BODY)).doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify(KNOWN_SIGNATURE.replace("HMAC", "hmac"), BODY)).doesNotThrowAnyException();
    }

    @Test
    void anyOtherBodyOrKeyIsRefused() {
        assertThatThrownBy(() -> verifier.verify(KNOWN_SIGNATURE, "{\"text\":\"ho\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProblemException.class).hasMessageContaining("does not match");
        TeamsSignatureVerifier other = new TeamsSignatureVerifier(Base64.getEncoder().encodeToString(
                "other-key".getBytes(StandardCharsets.US_ASCII)));
        assertThatThrownBy(() -> other.verify(KNOWN_SIGNATURE, BODY)).isInstanceOf(ProblemException.class);
    }

    @Test
    void aTokenThatIsNotBase64IsATurnOnError() {
        assertThatThrownBy(() -> new TeamsSignatureVerifier("not base64!")).isInstanceOf(IllegalArgumentException.class);
    }
}
