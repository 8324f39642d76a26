#!/usr/bin/env bash
# Benchmark: the bot against the easy-RAG peer (bench/peer) and the embedding alone, one at a time on
# the same questions; startup and warm-up with AppCDS (Java 17) and the AOT cache (Java 25); answer
# quality of bot and peer; ingest; synthetic fact bases of growing size. Loopback only.
#   bench/run.sh           full run (about 20 minutes on 2 busy cores)
#   bench/run.sh --quick   a short run that proves the benchmark still works
#   --no-scale             skip the synthetic fact bases and the replicas; --starts=N timed starts each
#   --ingest               only the in-process ingest comparison (one text per call against batches), printed
# Writes docs/benchmarks/results.md and docs/benchmarks/latency.png (--quick: under target/).
# EVAL_DIR points at the shared evaluation set (default ../shared/eval).
set -euo pipefail
cd "$(dirname "$0")/.."

stale() { # stale MARKER: MARKER is missing or older than the bot's sources
  [ ! -f "$1" ] || [ -n "$(find src knowledge pom.xml -newer "$1" -print -quit)" ]
}
if stale target/quarkus-app/app-cds.jsa; then
  ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=true
fi
# The Java 25 AOT cache (JEP 483/514/515) needs Quarkus's aot-jar packaging, built by Java 25.
JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64
if [ -x "$JAVA25/bin/java" ] && stale target/quarkus-app-aot/app.aot; then
  JAVA_HOME="$JAVA25" ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.aot.enabled=true \
    -Dquarkus.package.jar.aot.type=AOT -Dquarkus.package.jar.aot.phase=BUILD \
    -Dquarkus.package.output-directory=quarkus-app-aot
fi
if [ ! -f bench/peer/target/quarkus-app/quarkus-run.jar ] \
   || [ -n "$(find bench/peer/src bench/peer/pom.xml -newer bench/peer/target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
  ./mvnw -B -q -f bench/peer/pom.xml package -DskipTests
fi
CP="$(ls target/quarkus-app/lib/boot/*.jar target/quarkus-app/lib/main/*.jar target/quarkus-app/app/*.jar | tr "\n" ":")"
mkdir -p target/bench-classes
javac -q -d target/bench-classes -cp "$CP" bench/src/*.java 2>/dev/null || javac -d target/bench-classes -cp "$CP" bench/src/*.java
exec java -Xmx1g -Deval.dir="${EVAL_DIR:-../shared/eval}" -cp "target/bench-classes:$CP" Bench "$@"
