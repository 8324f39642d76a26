package io.github.groundedbot.slack;

import io.github.groundedbot.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackSignatureVerifierTest {

    // The worked example in Slack's "Verifying requests from Slack".
    private static final String DOC_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String DOC_TS = "1531420618";
    private static final String DOC_BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private static final String DOC_SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static SlackSignatureVerifier at(long epochSecond) {
        return new SlackSignatureVerifier(DOC_SECRET, Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static byte[] docBody() {
        return DOC_BODY.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void slacksWorkedExampleVerifies() {
        SlackSignatureVerifier verifier = at(1531420618);
        assertEquals(DOC_SIGNATURE, verifier.sign(DOC_TS, docBody()));
        assertDoesNotThrow(() -> verifier.verify(DOC_TS, DOC_SIGNATURE, docBody()));
    }

    @Test
    void fiveMinutesEitherWayIsTheLimit() {
        long sent = 1531420618;
        assertDoesNotThrow(() -> at(sent + 300).verify(DOC_TS, DOC_SIGNATURE, docBody()));
        assertDoesNotThrow(() -> at(sent - 300).verify(DOC_TS, DOC_SIGNATURE, docBody()));
        assertRejected(() -> at(sent + 301).verify(DOC_TS, DOC_SIGNATURE, docBody()), "5 minutes");
        // A timestamp from the future is a replay prepared in advance, or a broken clock: refused too.
        assertRejected(() -> at(sent - 301).verify(DOC_TS, DOC_SIGNATURE, docBody()), "5 minutes");
    }

    @Test
    void anyChangeToSignatureOrBodyIsRefused() {
        SlackSignatureVerifier verifier = at(1531420618);
        String flipped = DOC_SIGNATURE.substring(0, DOC_SIGNATURE.length() - 1) + "4";
        assertRejected(() -> verifier.verify(DOC_TS, flipped, docBody()), "does not match");
        assertRejected(() -> verifier.verify(DOC_TS, DOC_SIGNATURE.substring(0, 20), docBody()), "does not match");
        assertRejected(() -> verifier.verify(DOC_TS, DOC_SIGNATURE.toUpperCase(), docBody()), "does not match");
        assertRejected(() -> verifier.verify(DOC_TS, DOC_SIGNATURE, (DOC_BODY + " ").getBytes(StandardCharsets.UTF_8)),
                "does not match");
    }

    @Test
    void missingOrMalformedHeadersAreRefused() {
        SlackSignatureVerifier verifier = at(1531420618);
        assertRejected(() -> verifier.verify(null, DOC_SIGNATURE, docBody()), "X-Slack-Request-Timestamp");
        assertRejected(() -> verifier.verify(DOC_TS, null, docBody()), "X-Slack-Signature");
        assertRejected(() -> verifier.verify(" ", DOC_SIGNATURE, docBody()), "X-Slack-Request-Timestamp");
        assertRejected(() -> verifier.verify("-1531420618", DOC_SIGNATURE, docBody()), "Unix time");
        assertRejected(() -> verifier.verify("99999999999999999999", DOC_SIGNATURE, docBody()), "Unix time");
    }

    @Test
    void theRawBytesAreHashedNotAReencodedString() {
        // Not valid UTF-8: decoding and re-encoding it would change the bytes, and the signature with them.
        byte[] body = {'{', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        SlackSignatureVerifier verifier = at(1531420618);
        String signature = verifier.sign(DOC_TS, body);
        assertDoesNotThrow(() -> verifier.verify(DOC_TS, signature, body));
        byte[] reencoded = new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        assertNotEquals(signature, verifier.sign(DOC_TS, reencoded));
    }

    private static void assertRejected(Executable check, String detail) {
        ProblemException e = assertThrows(ProblemException.class, check);
        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains(detail), e.getMessage());
    }
}
