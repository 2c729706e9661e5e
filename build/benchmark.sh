#!/usr/bin/env bash
# Measures the main job's wall time: through Maven (the README's command) and as a plain JVM on the compiled
# classes (what the jsii runtime and synthesis cost without Maven). Usage: build/benchmark.sh [runs, default 3]
# Prints the median of each. Writes only the project's normal outputs (cdktf.out/, modules/redis, docs/).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=1 JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1 CHECKPOINT_DISABLE=1

mvn -q -B compile >/dev/null
mvn -q -B dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt >/dev/null
classpath="target/classes:$(cat target/runtime-classpath.txt)"

median() { sort -n | awk '{a[NR]=$1} END {printf "%.1f", (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
measure() {
  local label="$1"; shift
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}')")
  done
  printf '| %s | %s s | %s |\n' "$label" "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}"
}

echo "| how ($runs runs) | median wall | each run (s) |"
echo "|---|---|---|"
measure "java -cp ... io.platform.redis.Main" java -cp "$classpath" io.platform.redis.Main
measure "mvn -q compile exec:java (README main command)" mvn -q -B compile exec:java
