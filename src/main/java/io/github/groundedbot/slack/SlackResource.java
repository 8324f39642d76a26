package io.github.groundedbot.slack;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.slash_commands.SlashCommandPayloadParser;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.util.json.GsonFactory;
import io.github.groundedbot.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import static io.github.groundedbot.slack.SlackSignatureVerifier.SIGNATURE_HEADER;
import static io.github.groundedbot.slack.SlackSignatureVerifier.TIMESTAMP_HEADER;

/**
 * Slack's two request URLs. Every request is verified against the raw body before anything in it
 * is read; answers go out asynchronously, so Slack always gets its acknowledgement in time.
 */
@Path("/slack")
public class SlackResource {

    private static final Logger LOG = Logger.getLogger(SlackResource.class);

    private final Optional<SlackSignatureVerifier> verifier;
    private final SlackEvents events;
    private final SlackCommands commands;
    private final Gson gson = GsonFactory.createSnakeCase();

    public SlackResource(SlackSettings settings, SlackEvents events, SlackCommands commands, Clock clock) {
        this.verifier = settings.secret().map(secret -> new SlackSignatureVerifier(secret, clock));
        this.events = events;
        this.commands = commands;
    }

    @POST
    @Path("/events")
    @Consumes(MediaType.WILDCARD) // the body is taken raw: it is hashed exactly as sent
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Slack Events API request URL (signed by Slack)")
    public Response events(@HeaderParam(TIMESTAMP_HEADER) String timestamp,
                           @HeaderParam(SIGNATURE_HEADER) String signature,
                           @HeaderParam("X-Slack-Retry-Num") String retryNum,
                           byte[] body) {
        verify(timestamp, signature, body);
        JsonObject envelope = parse(body);
        String type = SlackEvents.string(envelope, "type");
        if ("url_verification".equals(type)) {
            return Response.ok(Map.of("challenge", Optional.ofNullable(SlackEvents.string(envelope, "challenge"))
                    .orElse(""))).build();
        }
        if (!"event_callback".equals(type)) {
            LOG.debugf("Ignoring a Slack request of type %s", type);
            return Response.ok().build();
        }
        SlackEvents.Outcome outcome;
        try {
            outcome = events.onEventCallback(envelope);
        } catch (JsonParseException e) { // a field of an unexpected JSON type
            throw new ProblemException(400, "Malformed Slack event", "The event does not have the shape Slack sends.");
        }
        if (retryNum != null) {
            LOG.debugf("Slack retry %s of event %s: %s", retryNum, SlackEvents.string(envelope, "event_id"), outcome);
        }
        if (outcome == SlackEvents.Outcome.BUSY) {
            // Not acknowledged, so Slack delivers the event again later.
            throw new ProblemException(503, "Busy", "Too many questions are waiting; retry later.");
        }
        return Response.ok().build();
    }

    @POST
    @Path("/commands")
    @Consumes(MediaType.WILDCARD) // form-encoded, but taken raw: it is hashed exactly as sent
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Slack slash command request URL (signed by Slack)")
    public Response commands(@HeaderParam(TIMESTAMP_HEADER) String timestamp,
                             @HeaderParam(SIGNATURE_HEADER) String signature,
                             byte[] body) {
        verify(timestamp, signature, body);
        SlashCommandPayload command;
        try {
            command = new SlashCommandPayloadParser().parse(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) { // broken percent-encoding: a client error, not ours
            throw new ProblemException(400, "Malformed Slack command", "The body is not a valid form.");
        }
        return Response.ok(gson.toJson(commands.onCommand(command)), MediaType.APPLICATION_JSON).build();
    }

    private void verify(String timestamp, String signature, byte[] body) {
        verifier.orElseThrow(() -> new ProblemException(503, "Slack is not configured",
                        "Set SLACK_SIGNING_SECRET (slack.signing-secret) to the Slack app's signing secret to turn on "
                                + "the Slack endpoints."))
                .verify(timestamp, signature, body == null ? new byte[0] : body);
    }

    private static JsonObject parse(byte[] body) {
        try {
            JsonElement json = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            if (json.isJsonObject()) {
                return json.getAsJsonObject();
            }
        } catch (JsonParseException e) {
            // reported below
        }
        throw new ProblemException(400, "Malformed Slack event", "The body is not a JSON object.");
    }
}
