package io.github.groundedbot.mattermost;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.groundedbot.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;

/** Mattermost's request URLs: the slash command, and the outgoing webhook (form-encoded or JSON, as it is set up). */
@Path("/mattermost")
public class MattermostResource {

    private final MattermostMessages messages;
    private final ObjectMapper json;

    public MattermostResource(MattermostMessages messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    @POST
    @Path("/commands")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mattermost slash command request URL (token-checked)")
    public MattermostPost command(String form) {
        return messages.onCommand(parse(form));
    }

    @POST
    @Path("/webhook")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mattermost outgoing webhook callback URL, form-encoded (token-checked)")
    public MattermostPost webhookForm(String form) {
        return messages.onWebhook(parse(form));
    }

    @POST
    @Path("/webhook")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mattermost outgoing webhook callback URL, JSON (token-checked)")
    public MattermostPost webhookJson(byte[] body) {
        return messages.onWebhook(read(body));
    }

    /** Read here rather than by the REST layer, so every malformed body gets the same problem JSON. */
    private MattermostRequest read(byte[] body) {
        MattermostRequest request;
        try {
            request = json.readValue(body == null ? new byte[0] : body, MattermostRequest.class);
        } catch (IOException e) { // not JSON, or a field of the wrong JSON type
            throw new ProblemException(400, "Malformed Mattermost request", "The body is not the JSON of an outgoing webhook.");
        }
        return request == null ? parse("") : request;
    }

    /** The form read by Netty's decoder; broken percent-encoding is the client's error. */
    private static MattermostRequest parse(String form) {
        try {
            return MattermostRequest.fromForm(form == null ? "" : form);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "Malformed Mattermost request", "The body is not a valid form.");
        }
    }
}
