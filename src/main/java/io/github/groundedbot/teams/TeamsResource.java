package io.github.groundedbot.teams;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The Teams outgoing webhook's callback URL. The request is verified against the raw body before anything in it is read. */
@Path("/teams")
public class TeamsResource {

    private final TeamsMessages messages;

    public TeamsResource(TeamsMessages messages) {
        this.messages = messages;
    }

    @POST
    @Path("/messages")
    @Consumes(MediaType.WILDCARD) // the body is taken raw: it is hashed exactly as sent
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Microsoft Teams outgoing webhook callback URL (HMAC-signed by Teams)")
    public Response messages(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        return messages.onRequest(authorization, body == null ? new byte[0] : body)
                .map(reply -> Response.ok(reply).build())
                .orElseGet(() -> Response.noContent().build());
    }
}
