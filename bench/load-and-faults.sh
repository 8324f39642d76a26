#!/usr/bin/env bash
# Load and fault run against the packaged bot, on loopback only, bounded in count and time.
#   bench/load-and-faults.sh            full run (soak SOAK_SECONDS, default 600)
#   bench/load-and-faults.sh --quick    short run (soak 60 s, smaller fault corpus)
# Env: PORT (18080), CLIENTS (200), QUESTIONS (20), SOAK_SECONDS, SOAK_CLIENTS (20), SOAK_PAUSE_MS (500),
#      SYNTHETIC_FILES (300, for the cache faults), SKIP_PACKAGE=1 to reuse target/quarkus-app,
#      STEPS (default "load kill cache soak": run only some, e.g. STEPS=cache for the cache faults).
# Writes docs/benchmarks/load-and-faults.md (REPORT=... to write elsewhere). Needs java 17 and curl.
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=0
[[ "${1:-}" == "--quick" ]] && QUICK=1
PORT=${PORT:-18080}
CLIENTS=${CLIENTS:-200}
QUESTIONS=${QUESTIONS:-20}
SOAK_SECONDS=${SOAK_SECONDS:-$([[ $QUICK == 1 ]] && echo 60 || echo 600)}
SOAK_CLIENTS=${SOAK_CLIENTS:-20}
SOAK_PAUSE_MS=${SOAK_PAUSE_MS:-500}
SYNTHETIC_FILES=${SYNTHETIC_FILES:-$([[ $QUICK == 1 ]] && echo 150 || echo 300)}
WORK=$(mktemp -d /tmp/groundedbot-bench.XXXXXX)
STEPS=${STEPS:-load kill cache soak}
REPORT=${REPORT:-docs/benchmarks/load-and-faults.md}
URL="http://127.0.0.1:$PORT"
# Health and metrics are on the packaged app's management port.
MANAGEMENT_PORT=$((PORT + 1000))
MANAGEMENT_URL="http://127.0.0.1:$MANAGEMENT_PORT"
SERVER_PID=""
FAILURES=0

cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; fi
  # Server logs are kept when a check failed, to find out why.
  if [[ -n "${KEEP_WORK:-}" || $FAILURES -gt 0 ]]; then echo "[bench] work files kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

log() { echo "[bench] $*" >&2; }
trap 'log "stopped by a failed command at line $LINENO"' ERR
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$SERVER_PID/status" 2>/dev/null || echo "?"; }

# The limits are generous here on purpose: this measures capacity, not the per-client limits
# (every load client connects from the same address).
start_server() { # knowledge dir, cache file, log file
  java -Xmx512m -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" \
       -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="$MANAGEMENT_PORT" \
       -Dknowledge.dir="$1" -Dembedding.cache-file="$2" \
       -Dlimits.questions-per-minute=100000 -Dlimits.burst=100000 \
       -Dlimits.max-websocket-connections-per-client=100000 \
       -jar target/quarkus-app/quarkus-run.jar >"$3" 2>&1 &
  SERVER_PID=$!
}
wait_ready() { # seconds
  local deadline=$((SECONDS + $1))
  until curl -sf "$MANAGEMENT_URL/q/health/ready" >/dev/null 2>&1; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then log "server exited"; return 1; fi
    if ((SECONDS > deadline)); then log "not ready within $1 s"; return 1; fi
    sleep 0.5
  done
}
kill9() { kill -9 "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }
check_answer() { # a grounded answer about Huawei
  curl -s -m 30 "$URL/api/ask" -H 'Content-Type: application/json' -d '{"question": "What is Huawei working on?"}' \
    | grep -q '"grounded":true'
}
load() { # clients questions pause deadline
  java bench/LoadClient.java "ws://127.0.0.1:$PORT/chat" "$@" 2>"$WORK/load-errors.txt"
}
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2"; }
step() { [[ " $STEPS " == *" $1 "* ]]; }
ROWS=()
row() { ROWS+=("| $1 | $2 |"); }
embedded() { grep -o 'Embedded [0-9]* of [0-9]* snippets; [0-9]* came from the embedding cache' "$1" | head -1 || true; }
flip_count_bit() { # sets bit 29 of an embedding cache's entry count, as one flipped bit on disk would
  local id_bytes=$(( $(od -An -tu1 -j8 -N1 "$1") * 256 + $(od -An -tu1 -j9 -N1 "$1") ))
  local at=$((4 + 4 + 2 + id_bytes + 4)) # magic, version, model id, dimension
  local byte; byte=$(od -An -tu1 -j"$at" -N1 "$1")
  printf "$(printf '\\%03o' $((byte ^ 0x20)))" | dd of="$1" bs=1 seek="$at" conv=notrunc status=none
}

if [[ "${SKIP_PACKAGE:-0}" != 1 ]]; then
  log "packaging"
  ./mvnw -B -q package -DskipTests
fi

CACHE="$WORK/embeddings.bin"
if step load; then
  log "load: $CLIENTS clients x $QUESTIONS questions"
  start_server knowledge "$CACHE" "$WORK/server-load.log"
  wait_ready 180
  RSS_BEFORE=$(rss_mb)
  LOAD=$(load "$CLIENTS" "$QUESTIONS" 0 300)
  RSS_AFTER=$(rss_mb)
  log "$LOAD"
  [[ "$(field errors "$LOAD")" == 0 && "$(field lost "$LOAD")" == 0 && "$(field finished "$LOAD")" == true ]] || FAILURES=$((FAILURES + 1))
  row "load: $CLIENTS WebSocket clients x $QUESTIONS questions" "$(field answers "$LOAD") answers, **$(field errors "$LOAD") errors, $(field lost "$LOAD") lost**; p50 $(field p50_ms "$LOAD") ms, p95 $(field p95_ms "$LOAD") ms, **p99 $(field p99_ms "$LOAD") ms**, max $(field max_ms "$LOAD") ms"
  row "RSS before / after the load" "${RSS_BEFORE} MB / ${RSS_AFTER} MB"
  kill9
fi

if step kill; then
  log "kill -9 during load"
  start_server knowledge "$CACHE" "$WORK/server-kill.log"
  wait_ready 180
  load 50 200 0 60 >"$WORK/killed-load.txt" &
  LOADER=$!
  sleep 3
  kill9
  wait "$LOADER" 2>/dev/null || true
  start_server knowledge "$CACHE" "$WORK/server-kill-restart.log"
  if wait_ready 180 && check_answer; then KILL_LOAD="up again, answered correctly"; else KILL_LOAD="FAILED"; FAILURES=$((FAILURES + 1)); fi
  AFTER_KILL=$(load 20 5 0 60); log "$AFTER_KILL"
  [[ "$(field errors "$AFTER_KILL")" == 0 ]] || { KILL_LOAD="$KILL_LOAD; but errors after restart"; FAILURES=$((FAILURES + 1)); }
  row "\`kill -9\` during load, restart" "$KILL_LOAD; then 20 clients x 5 questions: $(field errors "$AFTER_KILL") errors"
  kill9
fi

if step cache; then
  SYN="$WORK/synthetic"; mkdir -p "$SYN"; cp knowledge/*.md "$SYN/"
  for i in $(seq 1 "$SYNTHETIC_FILES"); do
    {
      printf -- '---\nsource: "Synthetic %d"\n---\n# Synthetic topic %d\n\n' "$i" "$i"
      for j in 1 2 3 4; do
        printf '## Synthetic fact %d-%d\nThe synthetic widget number %d-%d weighs %d grams and was catalogued in the year %d.\n\n' \
          "$i" "$j" "$i" "$j" $((i * 7 + j)) $((1900 + (i + j) % 120))
      done
    } >"$SYN/synthetic-$i.md"
  done
  SNIPPETS=$(cat "$SYN"/*.md | grep -c '^## ')
  SYN_CACHE="$WORK/synthetic-embeddings.bin"
  log "kill -9 during an embedding-cache write ($SNIPPETS snippets)"
  start_server "$SYN" "$SYN_CACHE" "$WORK/server-cache-1.log"
  # The cache is written once every snippet is embedded, to a temporary file then renamed over the
  # cache. KillInWrite hears of that file from inotify (no polling gap) and kill -9s the server as
  # soon as it holds data; then it checks that the rename never happened.
  KILL_WRITE=$(java bench/KillInWrite.java kill "$SERVER_PID" "$SYN_CACHE" 900 | grep -v '^watching$' || true)
  log "$KILL_WRITE"
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
  KILLED_IN_WRITE=$(field killed_in_write "$KILL_WRITE")
  [[ "$KILLED_IN_WRITE" == yes ]] || { KILLED_IN_WRITE="no ($KILL_WRITE)"; FAILURES=$((FAILURES + 1)); }
  LEFT="$([[ -f "$SYN_CACHE" ]] && echo "a cache file" || echo "no cache file") and a temporary file of $(field temp_bytes_left "$KILL_WRITE") bytes"
  # The restart writes the cache again: time that write, to show how wide the window is.
  java bench/KillInWrite.java time "$SYN_CACHE" 900 >"$WORK/write-time.txt" &
  TIMER=$!
  until grep -q watching "$WORK/write-time.txt" 2>/dev/null; do sleep 0.2; done
  start_server "$SYN" "$SYN_CACHE" "$WORK/server-cache-2.log"
  if wait_ready 900 && check_answer; then KILL_CACHE="up again, answered correctly"; else KILL_CACHE="FAILED"; FAILURES=$((FAILURES + 1)); fi
  wait "$TIMER" || true
  WRITE_TIME=$(grep -v '^watching$' "$WORK/write-time.txt" || true)
  row "\`kill -9\` during the embedding-cache write ($SNIPPETS snippets, $SYNTHETIC_FILES synthetic files)" "killed while the temporary file was being written: **$KILLED_IN_WRITE** (it held $(field temp_bytes_seen "$KILL_WRITE") bytes when seen); left $LEFT; restart: $KILL_CACHE"
  IGNORED=$(grep -c 'Ignoring the embedding cache' "$WORK/server-cache-2.log" || true)
  LEFTOVERS=$(compgen -G "$SYN_CACHE*.tmp" | wc -l || true)
  [[ "$LEFTOVERS" == 0 ]] || FAILURES=$((FAILURES + 1))
  row "first restart after that kill" "$(embedded "$WORK/server-cache-2.log") (cache files ignored as damaged: $IGNORED); its own cache write took $(field write_ms "$WRITE_TIME") ms for $(field target_bytes "$WRITE_TIME") bytes; temporary files left over afterwards: $LEFTOVERS"
  kill9
  start_server "$SYN" "$SYN_CACHE" "$WORK/server-cache-3.log"
  wait_ready 300 || FAILURES=$((FAILURES + 1))
  row "second restart" "$(embedded "$WORK/server-cache-3.log")"
  kill9

  log "one flipped bit in the cache's entry count"
  flip_count_bit "$SYN_CACHE"
  start_server "$SYN" "$SYN_CACHE" "$WORK/server-cache-4.log"
  if wait_ready 900 && check_answer; then FLIPPED="up again, answered correctly"; else FLIPPED="FAILED"; FAILURES=$((FAILURES + 1)); fi
  FLIPPED_LINES=$(grep -c 'Ignoring the embedding cache' "$WORK/server-cache-4.log" || true)
  [[ "$FLIPPED_LINES" == 1 ]] || FAILURES=$((FAILURES + 1))
  row "one bit flipped in the cache's entry count (half a billion entries claimed), restart" "$FLIPPED; $FLIPPED_LINES log line: \"$(grep -o 'because its length .* entries' "$WORK/server-cache-4.log" | head -1 || true)\"; $(embedded "$WORK/server-cache-4.log")"
  kill9
  start_server "$SYN" "$SYN_CACHE" "$WORK/server-cache-5.log"
  wait_ready 300 || FAILURES=$((FAILURES + 1))
  row "restart after that" "$(embedded "$WORK/server-cache-5.log")"
  kill9
fi

if step soak; then
  log "soak: $SOAK_CLIENTS clients, a question every ${SOAK_PAUSE_MS} ms each, $SOAK_SECONDS s"
  start_server knowledge "$CACHE" "$WORK/server-soak.log"
  wait_ready 180
  load 20 20 0 120 >/dev/null # warm up
  SOAK_RSS_START=$(rss_mb)
  PER_CLIENT=$(( SOAK_SECONDS * 1000 / (SOAK_PAUSE_MS + 20) ))
  SOAK=$(load "$SOAK_CLIENTS" "$PER_CLIENT" "$SOAK_PAUSE_MS" $((SOAK_SECONDS + 120)))
  SOAK_RSS_END=$(rss_mb)
  log "$SOAK"
  [[ "$(field errors "$SOAK")" == 0 && "$(field lost "$SOAK")" == 0 ]] || FAILURES=$((FAILURES + 1))
  SOAK_SERVER="still running at the end"
  if ! kill "$SERVER_PID" 2>/dev/null; then SOAK_SERVER="GONE before the end (see server-soak.log)"; FAILURES=$((FAILURES + 1)); fi
  wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
  row "soak: $SOAK_CLIENTS clients, one question every $SOAK_PAUSE_MS ms each, $SOAK_SECONDS s" "$(field answers "$SOAK") answers, **$(field errors "$SOAK") errors, $(field lost "$SOAK") lost**; p99 $(field p99_ms "$SOAK") ms"
  row "RSS at soak start / end" "**${SOAK_RSS_START} MB / ${SOAK_RSS_END} MB** (server $SOAK_SERVER)"
fi

mkdir -p "$(dirname "$REPORT")"
{
  cat <<MD
# Load and fault run

\`$([[ "$STEPS" != "load kill cache soak" ]] && echo "STEPS=\"$STEPS\" ")bench/load-and-faults.sh$([[ $QUICK == 1 ]] && echo " --quick")\` on $(date -u +%Y-%m-%d), $(nproc) cores ($(uname -m)), $(java -version 2>&1 | head -1),
packaged app on loopback (\`-Xmx512m\`, per-client rate limit and connection share raised for the run; every other limit at its default).

| step | result |
|---|---|
MD
  printf '%s\n' "${ROWS[@]}"
  cat <<MD

Failed checks: **$FAILURES**.

## How the faults are made

- **\`kill -9\` during load**: 50 WebSocket clients ask questions; the server is killed 3 s in and restarted
  on the same embedding cache.
- **\`kill -9\` during the embedding-cache write**: the server starts on the shipped facts plus synthetic fact
  files and no cache, so it embeds every snippet and then writes the cache: to a temporary file beside it
  (\`<cache>*.tmp\`), synced, then renamed over the cache. \`bench/KillInWrite.java\` is told by the kernel
  (inotify, through Java's WatchService) when that temporary file is created and written to, and kills the
  server with SIGKILL as soon as the file holds data. "yes" is checked, not assumed: after the process is gone
  the temporary file must still be there and the cache must not have been replaced, so the rename never
  happened. "held N bytes when seen" shows how early in the write the kill came; the next restart's own
  write is timed the same way, and that is the window the kill has to land in. That restart's write also
  removes the temporary file the killed one left. Nothing in the bot knows about any of this: the only
  lever is the size of the fact base (\`SYNTHETIC_FILES\`).
- **A flipped bit in the cache**: bit 29 of the cache's entry count is set with \`dd\`, so the file claims
  half a billion entries; with \`-Xmx512m\`, believing it would fail the start with an out-of-memory error.
  The count is checked against the file's length first, and the file ignored and rewritten.
MD
} >"$REPORT"
log "report written to $REPORT; failed checks: $FAILURES"
exit $((FAILURES > 0))
