# Sourced by the project's scripts (build/synth, build/benchmark.sh, build/generate-provider-random.sh, .ci/run):
# the environment of a quiet, offline jsii/cdktf run. jsii prints a 15-line banner on every run when the machine's
# Node major is end-of-life for it (Node 20 since 2026-10-30); its switch takes the majors to silence, so the one
# running here. A value already set wins (set the variable empty to see the banner).
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION="${JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION-$(node -v 2>/dev/null | sed -n 's/^v\([0-9]*\)\..*/\1/p')}"
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION="${JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION:-1}"
export CHECKPOINT_DISABLE="${CHECKPOINT_DISABLE:-1}"
