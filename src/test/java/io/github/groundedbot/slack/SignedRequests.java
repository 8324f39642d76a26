package io.github.groundedbot.slack;

import com.slack.api.app_backend.SlackSignature;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static io.restassured.RestAssured.given;

/**
 * Requests as Slack sends them, signed with the SDK's own generator so the app's verifier is
 * checked against an independent implementation of the scheme.
 */
final class SignedRequests {

    private SignedRequests() {
    }

    static String sign(String timestamp, String body) {
        return new SlackSignature.Generator(SlackApiStub.SIGNING_SECRET).generate(timestamp, body);
    }

    static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    /** A JSON body signed now. */
    static RequestSpecification signedJson(String body) {
        String ts = now();
        return json(body).header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, ts)
                .header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, sign(ts, body));
    }

    /** A form body signed now. */
    static RequestSpecification signedForm(String body) {
        String ts = now();
        return given().contentType("application/x-www-form-urlencoded; charset=utf-8").body(body)
                .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, ts)
                .header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, sign(ts, body));
    }

    /** An unsigned JSON body, for tests that set the headers themselves. */
    static RequestSpecification json(String body) {
        return given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
    }
}
