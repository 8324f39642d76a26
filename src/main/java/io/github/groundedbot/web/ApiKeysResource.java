package io.github.groundedbot.web;

import io.github.groundedbot.admin.AdminGuard;
import io.github.groundedbot.apikey.ApiKeySecrets;
import io.github.groundedbot.apikey.ApiKeys;
import io.github.groundedbot.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Makes API keys for integrations (admin token required). The bot keeps no key: the response shows
 * it once, with the configuration line that holds its hash; add that line and restart (or roll) the
 * bot to turn the key on.
 */
@Path("/api/admin/keys")
public class ApiKeysResource {

    /** @param name what the key is for, e.g. {@code helpdesk}: lower-case letters, digits, hyphens */
    public record NewKeyRequest(String name) {
    }

    /**
     * @param name     the key's name, as its metrics and logs show it
     * @param key      the key: shown this once, and never stored by the bot
     * @param hash     its SHA-256, the only thing the configuration holds
     * @param property the configuration line that turns the key on
     */
    public record NewKey(String name, String key, String hash, String property) {
    }

    private final AdminGuard admin;

    public ApiKeysResource(AdminGuard admin) {
        this.admin = admin;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make an API key; the key is in this response only (admin token required)")
    public Response create(NewKeyRequest request, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        admin.check(authorization);
        if (request == null || !ApiKeys.validName(request.name())) {
            throw new ProblemException(400, "Invalid key name", "Send {\"name\": \"...\"} with lower-case letters, "
                    + "digits and hyphens, at most 40, e.g. {\"name\": \"helpdesk\"}.");
        }
        String key = ApiKeySecrets.newKey();
        String hash = ApiKeySecrets.hash(key);
        return Response.status(Response.Status.CREATED)
                .entity(new NewKey(request.name(), key, hash, "api-keys.keys." + request.name() + ".hash=" + hash))
                .build();
    }
}
