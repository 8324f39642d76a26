#!/usr/bin/env bash
# Registers the bot's /ask slash command with a Discord application: a one-off step after creating
# the application (docs/platforms/discord.md). Running it again replaces the command with the same
# definition, so it is safe to repeat.
#   DISCORD_APPLICATION_ID=… DISCORD_BOT_TOKEN=… bench/discord-register-command.sh
# Env: DISCORD_APPLICATION_ID and DISCORD_BOT_TOKEN (Developer Portal: General Information, Bot);
#      DISCORD_GUILD_ID to register in one server only (shows at once; global commands can take
#      up to an hour); DISCORD_API_URL (https://discord.com/api/v10). Needs curl.
set -euo pipefail

: "${DISCORD_APPLICATION_ID:?set DISCORD_APPLICATION_ID to the application id}"
: "${DISCORD_BOT_TOKEN:?set DISCORD_BOT_TOKEN to the bot token of the application}"
API=${DISCORD_API_URL:-https://discord.com/api/v10}
if [[ -n "${DISCORD_GUILD_ID:-}" ]]; then
  URL="$API/applications/$DISCORD_APPLICATION_ID/guilds/$DISCORD_GUILD_ID/commands"
else
  URL="$API/applications/$DISCORD_APPLICATION_ID/commands"
fi

# type 1: a slash command; option type 3: a string. contexts 0, 1, 2: servers, the bot's DM, other DMs.
COMMANDS='[{
  "name": "ask",
  "type": 1,
  "description": "Ask the fact base a question; the answer cites its sources",
  "options": [{"type": 3, "name": "question", "description": "Your question", "required": true, "max_length": 1000}],
  "contexts": [0, 1, 2]
}]'

# PUT replaces the application's commands with this list: the one /ask, however often it runs.
reply=$(mktemp)
trap 'rm -f "$reply"' EXIT
status=$(curl -sS -o "$reply" -w '%{http_code}' -X PUT "$URL" \
  -H "Authorization: Bot $DISCORD_BOT_TOKEN" \
  -H 'Content-Type: application/json' \
  -H 'User-Agent: DiscordBot (https://github.com/groundedbot/grounded-bot, 0.1)' \
  --data "$COMMANDS")
if [[ "$status" != 2* ]]; then
  echo "Discord said HTTP $status: $(cat "$reply")" >&2
  exit 1
fi
echo "Registered /ask${DISCORD_GUILD_ID:+ in server $DISCORD_GUILD_ID} for application $DISCORD_APPLICATION_ID."
