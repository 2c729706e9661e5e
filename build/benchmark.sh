#!/usr/bin/env bash
# Times the main command against the floor, side by side in one run, alternating the variants run by run:
#   floor      a minimal cdktf app: JVM + jsii runtime + AWS assembly + one empty stack (src/test/.../FloorApp)
#   main       the README's main command, build/synth --force (the build is current: plain java)
#   after an edit  build/synth after a stack file changed (a comment added to stacks/dev.yaml, put back at the end):
#                the module's files are the last run's, since the code did not change
#   java       the app started directly: java -cp ... io.platform.redis.app.Main
#   no-op      build/synth with nothing changed since the last run
#   55 stacks  the app on a copy of the project with 55 environment stack files (the module rendered)
#   55 stacks, after an edit  build/synth in that copy after one of its stack files changed (the module's files are
#                the last run's, as for an operator of 55 environments)
#   first build  a fresh clone's first build/synth: Maven build, npm ci, random provider bindings, synthesis
#                (warm Maven and npm caches, as on a developer's machine after the first project)
#   tests      the README's test command's test run, mvn -q test
#   fast tests the fast tier's test run, mvn -q test -Pfast (the pure-Java checks)
# Prints the median of each and its ratio to the floor, then each figure of the README's Speed table beside today's.
# Usage: build/benchmark.sh [runs, default 5] [heavy runs of first build and tests, default 1]
# Writes only the project's normal outputs (cdktf.out/, modules/redis, docs/) and a scratch folder it deletes.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
heavy_runs="${2:-1}"
. build/quiet-jsii.sh

mvn -q -B test-compile >/dev/null
build/synth >/dev/null 2>&1   # builds the launcher's state if needed, and leaves a run to compare against
classpath="$(pwd)/target/classes:$(cat target/synth/classpath.txt)"
scratch="$(mktemp -d)"
cp stacks/dev.yaml "$scratch/dev.yaml"
trap 'cp "$scratch/dev.yaml" stacks/dev.yaml; build/synth >/dev/null 2>&1; rm -rf "$scratch"' EXIT

# 55 stacks: the dev stack file, 55 times under other names.
mkdir -p "$scratch/many/stacks"
for i in $(seq -w 1 55); do
  sed -e "s/^stack: dev/stack: env-$i/" -e "s/name: lightwave-django-dev/name: lightwave-django-e$i/" stacks/dev.yaml \
    > "$scratch/many/stacks/env-$i.yaml"
done
# ... with the launcher and the build beside them, for build/synth; its first run renders the module
mkdir -p "$scratch/many/build" "$scratch/many/target/synth"
cp build/synth build/quiet-jsii.sh "$scratch/many/build/"
cp -r target/classes "$scratch/many/target/classes"
cp target/synth/classpath.txt "$scratch/many/target/synth/"
touch "$scratch/many/target/synth/built"
(cd "$scratch/many" && build/synth >/dev/null 2>&1)

seconds() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || { echo "benchmark: '$*' failed" >&2; return 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
declare -A times
variants=(floor main "after an edit" java no-op "55 stacks" "55 stacks, after an edit" "first build" tests "fast tests")
for _ in $(seq "$runs"); do
  times[floor]+="$(seconds java -cp "$classpath:target/test-classes" io.platform.redis.bench.FloorApp "$scratch/floor-out") "
  times[main]+="$(seconds build/synth --force) "
  echo "# benchmark edit $RANDOM" >> stacks/dev.yaml
  times["after an edit"]+="$(seconds build/synth) "
  cp "$scratch/dev.yaml" stacks/dev.yaml
  times[java]+="$(seconds java -cp "$classpath" io.platform.redis.app.Main) "
  build/synth --force >/dev/null 2>&1
  times[no-op]+="$(seconds build/synth) "
  times["55 stacks"]+="$(seconds bash -c "cd '$scratch/many' && java -cp '$classpath' io.platform.redis.app.Main") "
  echo "# benchmark edit $RANDOM" >> "$scratch/many/stacks/env-01.yaml"
  times["55 stacks, after an edit"]+="$(seconds bash -c "cd '$scratch/many' && build/synth") "
done

for i in $(seq "$heavy_runs"); do
  rm -rf "$scratch/clone"
  git clone -q . "$scratch/clone"
  times["first build"]+="$(seconds bash -c "cd '$scratch/clone' && build/synth") "
  times[tests]+="$(seconds mvn -q test) "
  times["fast tests"]+="$(seconds mvn -q test -Pfast) "
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
floor=$(echo "${times[floor]}" | median)
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "| variant ($runs runs, alternating) | median | x floor | each run (ms) |"
echo "|---|---|---|---|"
for variant in "${variants[@]}"; do
  m=$(echo "${times[$variant]}" | median)
  printf '| %s | %d.%02d s | %s | %s|\n' "$variant" $((m / 1000)) $(((m % 1000) / 10)) "$(awk -v a="$m" -v b="$floor" 'BEGIN {printf "%.2f", a / b}')" "${times[$variant]}"
done

# The README's figures beside today's: a slower machine shows as seconds, a regression as a multiple of the floor.
echo
echo "| variant | README: median, x floor | today: median, x floor |"
echo "|---|---|---|"
for variant in "${variants[@]}"; do
  m=$(echo "${times[$variant]}" | median)
  readme=$(awk -F'|' -v v="$variant" '/<!-- benchmark -->/ {on=1} /<!-- \/benchmark -->/ {on=0}
    on && $2 ~ "^ *" v " *$" {gsub(/^ +| +$/, "", $4); gsub(/^ +| +$/, "", $5); print $4 ", " $5}' README.md)
  printf '| %s | %s | %d.%02d s, %s |\n' "$variant" "${readme:-not in the README}" $((m / 1000)) $(((m % 1000) / 10)) \
    "$(awk -v a="$m" -v b="$floor" 'BEGIN {printf "%.2f", a / b}')"
done
