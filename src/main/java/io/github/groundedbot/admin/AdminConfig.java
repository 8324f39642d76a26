package io.github.groundedbot.admin;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/**
 * Who may use the admin endpoints ({@code /api/knowledge/*}, {@code GET /api/feedback},
 * {@code /api/admin/keys}, the curator console's {@code /api/admin/*}).
 */
@ConfigMapping(prefix = "admin")
public interface AdminConfig {

    /**
     * Bearer token for the admin endpoints (env {@code ADMIN_TOKEN}). No default: without a token the
     * admin endpoints answer 404, so a bot deployed without thinking about it exposes nothing.
     */
    Optional<String> token();
}
