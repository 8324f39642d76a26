package io.github.groundedbot.slack;

import com.slack.api.model.block.LayoutBlock;

import java.util.List;

/**
 * One Slack message.
 *
 * @param text   the plain fallback Slack shows in notifications and where blocks cannot be shown
 * @param blocks the Block Kit layout
 */
public record SlackReply(String text, List<LayoutBlock> blocks) {
}
