package io.github.groundedbot.chat;

/** A chat platform the bot can answer on, as the startup line reports it. */
public interface ChatPlatform {

    /** The platform's name as its users know it: "Slack", "Microsoft Teams". */
    String displayName();

    /** True when its secret is set, so its endpoints answer. */
    boolean on();

    /** What to set to turn it on, e.g. "set TEAMS_SECURITY_TOKEN". */
    String howToTurnOn();
}
