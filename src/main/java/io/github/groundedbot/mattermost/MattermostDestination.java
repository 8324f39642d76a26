package io.github.groundedbot.mattermost;

import java.net.URI;

/** A slash command's response URL, where its answer is posted (in the thread the command was typed in). */
record MattermostDestination(URI responseUrl) {

    @Override
    public String toString() {
        return "response URL on " + responseUrl.getHost(); // the path is a credential of sorts: not logged
    }
}
