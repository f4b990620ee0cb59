#!/usr/bin/env bash
# Prints the cortex-m4 intermittent overhead of the smaller shared models (markdown on stdout):
# the models scripts/performance-msp430.sh quantized (WORK_DIR/msp-<model>.onnx), each compiled
# plain and with --intermittent --capacitor 1mF for cortex-m4, the plain build's instructions from
# 'tenax bench', the intermittent build's from 'tenax run --power-failures every:4200000'.
# Usage: scripts/performance-cortex-overhead.sh WORK_DIR   (called by scripts/performance.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$1
echo "## Intermittent overhead of the smaller shared models on cortex-m4"
echo
echo "The models of the MSP430 tables (quantized the same way), compiled for cortex-m4 plain and with"
echo "\`--intermittent --capacitor 1mF\`; plain: \`tenax bench\`'s instructions; uninterrupted: the"
echo "intermittent build's on-time under \`tenax run --power-failures every:4200000\` (no failure: each"
echo "runs well within one charge)."
echo
echo "| model | plain | tiles | groups | uninterrupted | overhead |"
echo "|---|---|---|---|---|---|"
for q in "$tmp"/msp-*.onnx; do
  [ -f "$q" ] || continue
  m=$(basename "$q" .onnx)
  m=${m#msp-}
  plain="$tmp/m4p-$m"
  dir="$tmp/m4i-$m"
  if ! ./tenax compile "$q" --target cortex-m4 -o "$plain" > "$tmp/log" 2>&1 \
      || ! ./tenax compile "$q" --target cortex-m4 --intermittent --capacitor 1mF -o "$dir" > "$tmp/ilog" 2>&1; then
    echo "| $m | refused: $(cat "$tmp/log" "$tmp/ilog" 2>/dev/null | grep -m1 -o 'TX0[0-9]*.*' | cut -c1-120) | | | | |"
    continue
  fi
  p=$(./tenax bench "$plain" --json 2>/dev/null | grep -m1 '"instructions"' | grep -o '[0-9]*')
  tiles=$(grep -o '^intermittent: [0-9]*' "$tmp/ilog" | grep -o '[0-9]*$')
  groups=$(grep -oE '^intermittent: [0-9]+ tiles in [0-9]+' "$tmp/ilog" | grep -o '[0-9]*$')
  python3 scripts/zero-input.py "$dir/memory_map.json" "$tmp/m4in-$m.npy"
  ./tenax run "$dir" --input "$tmp/m4in-$m.npy" -o "$tmp/m4out-$m" --power-failures every:4200000 > "$tmp/run" 2>&1 || true
  line=$(grep -m1 '^power failures' "$tmp/run" || echo "")
  if [ -z "$line" ]; then
    echo "| $m | $p | $tiles | $groups | failed: $(grep -m1 -E 'TENAX|error' "$tmp/run" | cut -c1-100) | |"
    continue
  fi
  un=$(echo "$line" | sed -E 's/.*uninterrupted ([0-9]+).*/\1/')
  awk -v n="$m" -v p="$p" -v t="$tiles" -v g="$groups" -v u="$un" 'BEGIN {
    printf "| %s | %d | %d | %d | %d | %+.1f%% |\n", n, p, t, g, u, 100 * (u - p) / p }'
done
