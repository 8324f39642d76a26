package io.github.groundedbot.widget;

/** What a browser request's {@code Origin} header makes of it, for what the widget uses. */
public enum OriginVerdict {

    /** No {@code Origin} header (not a cross-origin browser request), or the bot's own origin. */
    OWN,

    /** A site in {@code widget.allowed-origins}: answered, with the CORS headers its browser needs. */
    ALLOWED,

    /** Any other site, or an opaque origin ({@code null}): refused with 403. */
    REFUSED
}
