#!/usr/bin/env bash
# Prints the cortex-m4 intermittent builds of the smaller shared models (markdown on stdout): the
# models scripts/performance-msp430.sh quantized (WORK_DIR/msp-<model>.onnx), each compiled plain
# for 'tenax bench' and measured like the MLPerf Tiny rows (scripts/cortex-m4-intermittent-row.sh).
# Usage: scripts/performance-cortex-overhead.sh WORK_DIR   (called by scripts/performance.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$1
# shellcheck source=scripts/cortex-m4-intermittent-row.sh
source scripts/cortex-m4-intermittent-row.sh
echo "## Intermittent builds of the smaller shared models on cortex-m4"
echo
echo "The models of the MSP430 tables (quantized the same way), compiled for cortex-m4 plain and with"
echo "\`--intermittent --capacitor 1mF\`, measured like the MLPerf Tiny models above (each runs well"
echo "within one charge: a phase whose first failure comes after the end sees none), except that below 2M instructions plain and"
echo "uninterrupted are counted instruction by instruction over the same span (the inference without"
echo "the harness: \`scripts/cortex-m-span-instructions.sh\`) instead of in SysTick ticks of 40"
echo "instructions with the plain harness's per-layer timer reads in."
echo
echo "| model | plain | tiles | groups | uninterrupted | overhead | failures | with failures | re-executed per failure | average group | time-weighted group |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for q in "$tmp"/msp-*.onnx; do
  [ -f "$q" ] || continue
  m=$(basename "$q" .onnx)
  m=${m#msp-}
  if ! ./tenax compile "$q" --target cortex-m4 -o "$tmp/m4p-$m" > "$tmp/log" 2>&1; then
    echo "| $m | refused: $(grep -m1 -o 'TX0[0-9]*.*' "$tmp/log" | cut -c1-120) | | | | | | | | | |"
    continue
  fi
  m4_intermittent_row "$m" "$q" "$tmp/m4p-$m" "$tmp"
done
