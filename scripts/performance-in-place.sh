#!/usr/bin/env bash
# Prints the MLPerf Tiny models on cortex-m4 compiled with --in-place=smallest beside the default
# builds that scripts/performance.sh benched (markdown on stdout; reads WORK_DIR/bench-<target>-<name>.txt).
# Usage: scripts/performance-in-place.sh SHARED_DIR WORK_DIR MODELS...   (called by scripts/performance.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=$1
tmp=$2
shift 2
echo "## The smallest arena on cortex-m4"
echo
echo "The same models compiled with \`--in-place=smallest\`: every call that can runs in row tiles that"
echo "write its output over the input rows it no longer needs (docs/c-generation.md). The default"
echo "(\`auto\`) does this only when a model does not fit the target otherwise, since every tile is one"
echo "more kernel call and a band of rows can lose a layer's fastest kernel path (DS-CNN KWS's depthwise"
echo "layers take a kernel fixed to their whole shape). Peak SRAM is the arena, the stack used and the"
echo "other data, as above (MobileNet VWW's 110 KB of float32 input among them: \`--io=quantized\`"
echo "passes it int8)."
echo
echo "| model | arena, default (bytes) | arena, smallest (bytes) | peak SRAM, smallest (bytes) | instructions, default | instructions, smallest | kernel calls, smallest |"
echo "|---|---|---|---|---|---|---|"
field() { # pattern, file
  grep -o "$1 [0-9]*" "$2" | grep -o '[0-9]*$' | head -1
}
target=cortex-m4
for model in "$@"; do
  name=$(basename "$model" .onnx)
  default="$tmp/bench-$target-$name.txt"
  dir="$tmp/in-place-$target-$name"
  if [ ! -s "$default" ] || ! ./tenax compile "$shared/models/$model" --target "$target" --in-place=smallest \
    -o "$dir" > "$tmp/log-in-place" 2>&1; then
    echo "| $name | not compiled | | | | | |"
    continue
  fi
  ./tenax bench "$dir" > "$tmp/bench-in-place-$target-$name.txt" 2>/dev/null
  small="$tmp/bench-in-place-$target-$name.txt"
  echo "| $name | $(field '(arena' "$default") | $(field '(arena' "$small") | $(field '^peak SRAM:' "$small") |" \
    "$(field '^total:' "$default") | $(field '^total:' "$small") | $(field '^kernel calls' "$tmp/log-in-place") |"
done
