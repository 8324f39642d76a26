#!/usr/bin/env bash
# Load and fault run against the packaged bot, on loopback only, bounded in count and time.
#   bench/load-and-faults.sh            full run (soak SOAK_SECONDS, default 600)
#   bench/load-and-faults.sh --quick    short run (soak 60 s, smaller fault corpus)
# Env: PORT (18080), CLIENTS (200), QUESTIONS (20), SOAK_SECONDS, SOAK_CLIENTS (20), SOAK_PAUSE_MS (500),
#      SYNTHETIC_FILES (300, for the cache-write kill), SKIP_PACKAGE=1 to reuse target/quarkus-app.
# Writes docs/benchmarks/load-and-faults.md. Needs java 17 and curl.
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
REPORT=docs/benchmarks/load-and-faults.md
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

# The limits are generous here on purpose: this measures capacity, not the per-client rate limit.
start_server() { # knowledge dir, cache file, log file
  java -Xmx512m -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" \
       -Dquarkus.management.host=127.0.0.1 -Dquarkus.management.port="$MANAGEMENT_PORT" \
       -Dknowledge.dir="$1" -Dembedding.cache-file="$2" \
       -Dlimits.questions-per-minute=100000 -Dlimits.burst=100000 \
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

if [[ "${SKIP_PACKAGE:-0}" != 1 ]]; then
  log "packaging"
  ./mvnw -B -q package -DskipTests
fi

CACHE="$WORK/embeddings.bin"
log "1/4 load: $CLIENTS clients x $QUESTIONS questions"
start_server knowledge "$CACHE" "$WORK/server1.log"
wait_ready 180
RSS_BEFORE=$(rss_mb)
LOAD=$(load "$CLIENTS" "$QUESTIONS" 0 300)
RSS_AFTER=$(rss_mb)
log "$LOAD"
LOAD_ERRORS=$(field errors "$LOAD"); LOAD_LOST=$(field lost "$LOAD")
[[ "$LOAD_ERRORS" == 0 && "$LOAD_LOST" == 0 && "$(field finished "$LOAD")" == true ]] || FAILURES=$((FAILURES + 1))

log "2/4 kill -9 during load"
load 50 200 0 60 >"$WORK/killed-load.txt" &
LOADER=$!
sleep 3
kill9
wait "$LOADER" 2>/dev/null || true
start_server knowledge "$CACHE" "$WORK/server2.log"
if wait_ready 180 && check_answer; then KILL_LOAD="up again, answered correctly"; else KILL_LOAD="FAILED"; FAILURES=$((FAILURES + 1)); fi
AFTER_KILL=$(load 20 5 0 60); log "$AFTER_KILL"
[[ "$(field errors "$AFTER_KILL")" == 0 ]] || { KILL_LOAD="$KILL_LOAD; but errors after restart"; FAILURES=$((FAILURES + 1)); }
kill9

log "3/4 kill -9 during an embedding-cache write ($SYNTHETIC_FILES synthetic files)"
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
SYN_CACHE="$WORK/synthetic-embeddings.bin"
start_server "$SYN" "$SYN_CACHE" "$WORK/server3.log"
# The cache is written once every snippet is embedded: kill as soon as its temporary file appears.
deadline=$((SECONDS + 300)); KILLED_IN_WRITE=no
while ((SECONDS < deadline)) && kill -0 "$SERVER_PID" 2>/dev/null; do
  if compgen -G "$WORK/synthetic-embeddings.bin*.tmp" >/dev/null; then kill9; KILLED_IN_WRITE=yes; break; fi
  sleep 0.02
done
[[ -n "$SERVER_PID" ]] && kill9
CACHE_STATE=$([[ -f "$SYN_CACHE" ]] && echo "a complete cache file" || echo "no cache file (the write never finished)")
start_server "$SYN" "$SYN_CACHE" "$WORK/server4.log"
if wait_ready 600 && check_answer; then KILL_CACHE="up again, answered correctly"; else KILL_CACHE="FAILED"; FAILURES=$((FAILURES + 1)); fi
EMBEDDED=$(grep -o 'Embedded [0-9]* of [0-9]* snippets; [0-9]* came from the embedding cache' "$WORK/server4.log" | head -1 || true)
kill9
start_server "$SYN" "$SYN_CACHE" "$WORK/server5.log"
wait_ready 300 || FAILURES=$((FAILURES + 1))
REUSED=$(grep -o 'Embedded [0-9]* of [0-9]* snippets; [0-9]* came from the embedding cache' "$WORK/server5.log" | head -1 || true)
IGNORED=$(cat "$WORK/server4.log" "$WORK/server5.log" | grep -c 'Ignoring the embedding cache' || true)
kill9

log "4/4 soak: $SOAK_CLIENTS clients, a question every ${SOAK_PAUSE_MS} ms each, $SOAK_SECONDS s"
start_server knowledge "$CACHE" "$WORK/server6.log"
wait_ready 180
load 20 20 0 120 >/dev/null # warm up
SOAK_RSS_START=$(rss_mb)
PER_CLIENT=$(( SOAK_SECONDS * 1000 / (SOAK_PAUSE_MS + 20) ))
SOAK=$(load "$SOAK_CLIENTS" "$PER_CLIENT" "$SOAK_PAUSE_MS" $((SOAK_SECONDS + 120)))
SOAK_RSS_END=$(rss_mb)
log "$SOAK"
[[ "$(field errors "$SOAK")" == 0 && "$(field lost "$SOAK")" == 0 ]] || FAILURES=$((FAILURES + 1))
SOAK_SERVER="still running at the end"
if ! kill "$SERVER_PID" 2>/dev/null; then SOAK_SERVER="GONE before the end (see server6.log)"; FAILURES=$((FAILURES + 1)); fi
wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""

mkdir -p "$(dirname "$REPORT")"
cat >"$REPORT" <<MD
# Load and fault run

\`bench/load-and-faults.sh$([[ $QUICK == 1 ]] && echo " --quick")\` on $(date -u +%Y-%m-%d), $(nproc) cores ($(uname -m)), $(java -version 2>&1 | head -1),
packaged app on loopback (\`-Xmx512m\`, per-client rate limit raised for the run; every other limit at its default).

| step | result |
|---|---|
| load: $CLIENTS WebSocket clients x $QUESTIONS questions | $(field answers "$LOAD") answers, **$(field errors "$LOAD") errors, $(field lost "$LOAD") lost**; p50 $(field p50_ms "$LOAD") ms, p95 $(field p95_ms "$LOAD") ms, **p99 $(field p99_ms "$LOAD") ms**, max $(field max_ms "$LOAD") ms |
| RSS before / after the load | ${RSS_BEFORE} MB / ${RSS_AFTER} MB |
| \`kill -9\` during load, restart | $KILL_LOAD; then 20 clients x 5 questions: $(field errors "$AFTER_KILL") errors |
| \`kill -9\` during the embedding-cache write ($SYNTHETIC_FILES synthetic files) | killed while the temporary file was being written: $KILLED_IN_WRITE; left $CACHE_STATE; restart: $KILL_CACHE |
| first restart after that kill | ${EMBEDDED:-?} |
| second restart | ${REUSED:-?} |
| cache files ignored as corrupt | ${IGNORED:-0} |
| soak: $SOAK_CLIENTS clients, one question every $SOAK_PAUSE_MS ms each, $SOAK_SECONDS s | $(field answers "$SOAK") answers, **$(field errors "$SOAK") errors, $(field lost "$SOAK") lost**; p99 $(field p99_ms "$SOAK") ms |
| RSS at soak start / end | **${SOAK_RSS_START} MB / ${SOAK_RSS_END} MB** (server $SOAK_SERVER) |

Failed checks: **$FAILURES**.
MD
log "report written to $REPORT; failed checks: $FAILURES"
exit $((FAILURES > 0))
