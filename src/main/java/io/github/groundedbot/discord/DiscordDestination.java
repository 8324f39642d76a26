package io.github.groundedbot.discord;

/** An interaction's deferred reply, edited through {@code /webhooks/{applicationId}/{token}/messages/@original}. */
record DiscordDestination(String applicationId, String token) {

    @Override
    public String toString() {
        return "interaction reply of application " + applicationId; // the token is a credential: never logged
    }
}
