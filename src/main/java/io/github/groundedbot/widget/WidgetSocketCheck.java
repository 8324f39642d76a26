package io.github.groundedbot.widget;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses the chat WebSocket's handshake with 403 to a browser page from a site that may not embed
 * the widget. A browser lets a page on any site open a WebSocket to any server and only says which
 * site it is, in {@code Origin}: the handshake is the one place to say no. Clients that send no {@code Origin}
 * (servers, command-line tools) are not browsers and pass; their API key or address limits them.
 */
@ApplicationScoped
public class WidgetSocketCheck implements HttpUpgradeCheck {

    private static final int FORBIDDEN = 403;

    private final WidgetOrigins origins;

    public WidgetSocketCheck(WidgetOrigins origins) {
        this.origins = origins;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        return origins.judge(context.httpRequest()) == OriginVerdict.REFUSED
                ? CheckResult.rejectUpgrade(FORBIDDEN)
                : CheckResult.permitUpgrade();
    }
}
