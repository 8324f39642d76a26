package io.github.groundedbot.widget;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

/** Which other sites may embed the chat widget ({@code <script src=".../widget.js">}). */
@ConfigMapping(prefix = "widget")
public interface WidgetConfig {

    /**
     * The origins of the sites whose pages may embed the widget, each {@code scheme://host[:port]}
     * (e.g. {@code https://help.example.com}), comma-separated. Their pages may open the chat
     * WebSocket and load what the widget loads (the chat's modules and markup, {@code /api/limits},
     * {@code /api/suggestions}, {@code /api/feedback}); a browser page from any other site is
     * refused with 403. The bot's own origin is always allowed. None: no other site can embed it.
     */
    Optional<List<String>> allowedOrigins();
}
