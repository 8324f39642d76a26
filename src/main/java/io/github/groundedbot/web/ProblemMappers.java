package io.github.groundedbot.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.github.groundedbot.answer.InvalidQuestionException;
import io.github.groundedbot.apikey.ApiKeyException;
import io.github.groundedbot.limits.Admission;
import io.github.groundedbot.limits.RestRateLimit;
import io.github.groundedbot.problem.Problem;
import io.github.groundedbot.problem.ProblemException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into problem JSON; bad input is never a 500 and no stack trace leaves the server. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int FORBIDDEN = 403;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response response = Problem.response(e.status(), e.title(), e.getMessage());
        e.headers().forEach((name, value) -> response.getHeaders().putSingle(name, value));
        return response;
    }

    /** A missing, unknown, revoked or unauthorised API key. */
    @ServerExceptionMapper
    public Response apiKey(ApiKeyException e) {
        Response response = Problem.response(e.status(), e.status() == FORBIDDEN ? "Forbidden" : "Unauthorized",
                e.getMessage());
        response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"api\"");
        return response;
    }

    /** No place to answer in: the bot is overloaded. */
    @ServerExceptionMapper
    public Response busy(Admission.BusyException e) {
        return problem(RestRateLimit.problem(e.decision(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response invalidQuestion(InvalidQuestionException e) {
        return Problem.response(400, "Invalid question", e.getMessage());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return Problem.response(400, "Malformed JSON", "The request body is not the JSON expected" + where + ": "
                + e.getOriginalMessage().lines().findFirst().orElse(""));
    }

    /** Valid JSON of the wrong shape, e.g. an object where a string belongs. Overrides Quarkus's empty 400. */
    @ServerExceptionMapper
    public Response wrongShape(MismatchedInputException e) {
        String field = e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                .reduce((a, b) -> a + "." + b).orElse("the body");
        return Problem.response(400, "Malformed JSON", "Unexpected JSON at " + field
                + ": send an object like {\"question\": \"...\"}.");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return Problem.response(status, "Server error", "The server could not handle this request.");
        }
        Response.StatusType info = e.getResponse().getStatusInfo();
        String detail = switch (status) {
            case 400 -> cause(e);
            case 404 -> "Nothing is here.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "The server cannot produce the media type asked for in Accept.";
            case 415 -> "Send the body as application/json.";
            default -> info.getReasonPhrase();
        };
        return Problem.response(status, info.getReasonPhrase(), detail);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected failure", e);
        return Problem.response(500, "Server error", "The server could not answer; the error is logged.");
    }

    private static String cause(Throwable e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonProcessingException json) {
                return "The body is not valid JSON: " + json.getOriginalMessage().lines().findFirst().orElse("");
            }
        }
        return "The request is malformed.";
    }
}
