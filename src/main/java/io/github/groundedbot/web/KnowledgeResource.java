package io.github.groundedbot.web;

import io.github.groundedbot.admin.AdminGuard;
import io.github.groundedbot.retrieval.KnowledgeReloader;
import io.github.groundedbot.retrieval.KnowledgeStatus;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Admin endpoints for the fact base. Admin-only, status included: it names files and quotes their
 * problems, which is for curators, not for the public.
 */
@Path("/api/knowledge")
@Produces(MediaType.APPLICATION_JSON)
public class KnowledgeResource {

    private final AdminGuard admin;
    private final KnowledgeReloader reloader;

    public KnowledgeResource(AdminGuard admin, KnowledgeReloader reloader) {
        this.admin = admin;
        this.reloader = reloader;
    }

    @GET
    @Path("/status")
    @Operation(summary = "Loaded files, snippet count, last reload and last error (admin token required)")
    public KnowledgeStatus status(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        admin.check(authorization);
        return reloader.status();
    }

    @POST
    @Path("/reload")
    @Blocking // loading and embedding is slow work
    @Operation(summary = "Reload the fact base now; a broken one keeps the old index and shows in lastError "
            + "(admin token required)")
    public KnowledgeStatus reload(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        admin.check(authorization);
        return reloader.reload("forced through the API");
    }
}
