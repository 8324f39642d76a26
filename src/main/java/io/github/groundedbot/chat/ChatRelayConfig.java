package io.github.groundedbot.chat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The worker pool that answers chat-platform questions after the platform has been acknowledged. */
@ConfigMapping(prefix = "chat.relay")
public interface ChatRelayConfig {

    /** Questions answered at once; answering is CPU work (embedding), so about the number of cores. */
    @WithDefault("2")
    int workers();

    /** Questions that may wait for a worker; past this a platform is told the bot is busy. */
    @WithDefault("100")
    int queueSize();
}
