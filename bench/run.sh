#!/usr/bin/env bash
# Benchmark: embedding-only baseline vs. the packaged bot over REST and WebSocket, startup,
# and synthetic fact bases of growing size. Loopback only; bounded in time.
#   bench/run.sh           full run (about 8 minutes on 2 cores)
#   bench/run.sh --quick   a short run that proves the benchmark still works
# Writes docs/benchmarks/results.md and docs/benchmarks/latency.png.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f target/quarkus-app/app-cds.jsa ] || [ -n "$(find src knowledge pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
  ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=true
fi
CP="$(ls target/quarkus-app/lib/boot/*.jar target/quarkus-app/lib/main/*.jar target/quarkus-app/app/*.jar | tr "\n" ":")"
mkdir -p target/bench-classes
javac -q -d target/bench-classes -cp "$CP" bench/src/*.java 2>/dev/null || javac -d target/bench-classes -cp "$CP" bench/src/*.java
exec java -Xmx1g -cp "target/bench-classes:$CP" Bench "$@"
