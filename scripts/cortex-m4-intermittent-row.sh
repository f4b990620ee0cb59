#!/usr/bin/env bash
# One row of the cortex-m4 intermittent tables of docs/performance.md (sourced by
# scripts/performance.sh and scripts/performance-cortex-overhead.sh, run from the repository root):
#   m4_intermittent_row NAME MODEL PLAIN_DIR WORK_DIR
# compiles MODEL with --intermittent --capacitor 1mF for cortex-m4, takes the plain build's
# instructions from 'tenax bench PLAIN_DIR', runs the intermittent build on a zero input with the
# power failing every 4.2M instructions of on-time (one 1 mF charge) at 32 phases
# (scripts/phased-failures.py; QEMU runs are quick, and eight phases of a few failures each left the
# re-executed work per failure 0.47 to 0.54 of the time-weighted group; 32 put DS-CNN KWS at 0.50)
# and prints
# | name | plain | tiles | groups | uninterrupted | overhead | failures | with failures | re-executed per failure | average group | time-weighted group |
# Plain and uninterrupted count the same span: the inference, without the harness around it. For a
# model of fewer than SPAN_EXACT_BELOW instructions both are counted one by one
# (scripts/cortex-m-span-instructions.sh: NAME_invoke of the plain firmware and NAME_resume of the
# intermittent one, neither with the plain harness's per-layer timer reads, which cost some 27
# instructions a call); above, 'tenax bench' and 'tenax run' count SysTick ticks of 40
# instructions, with the plain build's timer reads in, both under a thousandth of such a run.
# 'failures' and 'with failures' (on-time in ticks) are the means over the phases; re-executed
# work is the on-time's excess over the run's own uninterrupted on-time, per failure (reboots are
# not in the on-time); the time-weighted group, half of which a failure at a random moment loses,
# is scripts/failure-weighted-group.py's from the plain build's measured calls.
SPAN_EXACT_BELOW=2000000
m4_intermittent_row() {
  local name=$1 model=$2 plain=$3 tmp=$4
  local dir="$tmp/int-$name"
  if ! ./tenax compile "$model" --target cortex-m4 --intermittent --capacitor 1mF -o "$dir" > "$tmp/log" 2>&1; then
    echo "| $name | refused: $(grep -o 'TX0[0-9]*.*' "$tmp/log" | head -1 | cut -c1-120) | | | | | | | | | |"
    return
  fi
  local p tiles groups line failures on un phased re boot weighted
  ./tenax bench "$plain" --json > "$tmp/bench-$name.json" 2>/dev/null
  p=$(grep -m1 '"instructions"' "$tmp/bench-$name.json" | grep -o '[0-9]*')
  tiles=$(grep -o '^intermittent: [0-9]*' "$tmp/log" | grep -o '[0-9]*$')
  groups=$(grep -oE '^intermittent: [0-9]+ tiles in [0-9]+' "$tmp/log" | grep -o '[0-9]*$')
  # A zero input in the model's shape (the numbers do not depend on the values much).
  python3 scripts/model-input.py "$dir/memory_map.json" "$tmp/in-$name.npy"
  ./tenax run "$dir" --input "$tmp/in-$name.npy" -o "$tmp/out-$name" --power-failures none > "$tmp/run" 2>&1 || true
  line=$(grep -m1 '^power failures' "$tmp/run" || echo "")
  if [ -z "$line" ] || ! phased=$(python3 scripts/phased-failures.py "$dir" "$tmp/in-$name.npy" 4200000 32 \
      "$(echo "$line" | sed -E 's/.*on-time ([0-9]+) instructions.*/\1/')" 2> "$tmp/run"); then
    echo "| $name | $p | $tiles | $groups | failed: $(grep -m1 -E 'TENAX|error|failed' "$tmp/run" | cut -c1-100) | | | | | | |"
    return
  fi
  read -r failures on re boot <<< "$phased"
  un=$(echo "$line" | sed -E 's/.*on-time ([0-9]+) instructions.*/\1/')
  weighted=$(python3 scripts/failure-weighted-group.py "$tmp/bench-$name.json" "$dir" "$tmp/log" || echo 0)
  local u=$un c
  if [ "$p" -lt "$SPAN_EXACT_BELOW" ]; then
    c=$(sed -n 's/^\(.*\)\.elf: \$(OBJECTS)$/\1/p' "$dir/Makefile")
    p=$(scripts/cortex-m-span-instructions.sh "$plain" "${c}_invoke")
    u=$(scripts/cortex-m-span-instructions.sh "$dir" "${c}_resume")
  fi
  awk -v n="$name" -v p="$p" -v t="$tiles" -v g="$groups" -v u="$u" -v f="$failures" -v o="$on" -v r="$re" \
    -v w="$weighted" 'BEGIN {
    printf "| %s | %d | %d | %d | %d | %+.1f%% | %s | %d | %s | %d | %d |\n", n, p, t, g, u, 100 * (u - p) / p, f, o,
      r, u / g, w }'
}
