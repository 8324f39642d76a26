package io.github.groundedbot.apikey;

/** What a caller may use, anonymously or with an API key; configured in lower case ({@code ask}, {@code chat}). */
public enum Endpoint {
    /** {@code POST /api/ask}, as JSON or as a server-sent event stream. */
    ASK,
    /** The WebSocket chat, {@code /chat}. */
    CHAT
}
