package io.github.groundedbot.discord;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import static io.github.groundedbot.discord.DiscordSignatureVerifier.SIGNATURE_HEADER;
import static io.github.groundedbot.discord.DiscordSignatureVerifier.TIMESTAMP_HEADER;

/** The Discord application's Interactions Endpoint URL. The request is verified against the raw body before anything in it is read. */
@Path("/discord")
public class DiscordResource {

    private final DiscordInteractions interactions;

    public DiscordResource(DiscordInteractions interactions) {
        this.interactions = interactions;
    }

    @POST
    @Path("/interactions")
    @Consumes(MediaType.WILDCARD) // the body is taken raw: it is verified exactly as sent
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Discord interactions endpoint (Ed25519-signed by Discord)")
    public DiscordInteractions.Response interactions(@HeaderParam(SIGNATURE_HEADER) String signature,
                                                     @HeaderParam(TIMESTAMP_HEADER) String timestamp, byte[] body) {
        return interactions.onRequest(signature, timestamp, body == null ? new byte[0] : body);
    }
}
