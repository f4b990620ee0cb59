#!/usr/bin/env bash
# Prints the MLPerf Tiny models on cortex-m4 and cortex-m3 compiled with --optimize=size beside the
# default (-O2) builds that scripts/performance.sh benched (markdown on stdout; reads
# WORK_DIR/bench-<target>-<name>.txt).
# Usage: scripts/performance-size.sh SHARED_DIR WORK_DIR MODELS...   (called by scripts/performance.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=$1
tmp=$2
shift 2
echo "## Compiled for size"
echo
echo "The same models compiled with \`--optimize=size\` (the project's C with -Os -DTX_SMALL_CODE instead"
echo "of -O2: TX_SMALL_CODE leaves out the cortex-m3 kernels' assembly output stages and unrolled 3x3"
echo "depthwise rows) and measured with \`tenax bench\` like the default builds above: model code is the"
echo "kernels, the generated invoke function and the C library routines they pull in."
echo
echo "| model | target | instructions, -O2 | instructions, -Os | model code -O2 (bytes) | model code -Os (bytes) |"
echo "|---|---|---|---|---|---|"
field() { # pattern, bench output file
  grep -o "$1 [0-9]*" "$2" | grep -o '[0-9]*$'
}
for target in cortex-m4 cortex-m3; do
  for model in "$@"; do
    name=$(basename "$model" .onnx)
    speed="$tmp/bench-$target-$name.txt"
    dir="$tmp/size-$target-$name"
    if [ ! -s "$speed" ] || ! ./tenax compile "$shared/models/$model" --target "$target" --optimize=size -o "$dir" \
      > "$tmp/log" 2>&1; then
      echo "| $name | $target | not compiled | | | |"
      continue
    fi
    ./tenax bench "$dir" > "$tmp/bench-size-$target-$name.txt" 2>/dev/null
    size="$tmp/bench-size-$target-$name.txt"
    echo "| $name | $target | $(field '^total:' "$speed") | $(field '^total:' "$size") |" \
      "$(field 'model code' "$speed") | $(field 'model code' "$size") |"
  done
done
