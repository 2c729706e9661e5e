#!/usr/bin/env bash
# Generates the Java bindings of the random provider from its npm package (pinned in package-lock.json).
# Called by Maven in generate-sources; does nothing when the lockfile has not changed since the last run.
set -euo pipefail
out="$1"
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[provider-random] npm ci (package-lock.json changed or node_modules missing)"
  npm ci --no-audit --no-fund --loglevel=error
fi

stamp="$out/.generated-from-package-lock"
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "[provider-random] jsii-pacmak: @cdktf/provider-random -> Java sources"
  rm -rf "$out"
  . build/quiet-jsii.sh
  npx --no-install jsii-pacmak --code-only --target java -o "$out" node_modules/@cdktf/provider-random >/dev/null
  cp package-lock.json "$stamp"
fi
