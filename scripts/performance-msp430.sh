#!/usr/bin/env bash
# Prints the MSP430 part of docs/performance.md (markdown on stdout): MCLK cycles per inference
# and per MAC, SRAM and FRAM bytes, for each shared model that fits the msp430fr5994, measured
# under mspdebug sim; then the intermittent builds' overhead on continuous power and their cycles
# under power failures every 500k MCLK cycles (about one 100 uF charge on the FR5994).
# Usage: scripts/performance-msp430.sh SHARED_DIR WORK_DIR   (called by scripts/performance.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=$1
tmp=$2
source scripts/msp430-models.sh

# A zero input in the model's shape, from the project's memory map (the cycles hardly depend on it).
zero_input() {
  python3 scripts/model-input.py "$1/memory_map.json" "$2"
}

# The optimization level make linked at, from tenax compile's summary in $1 ("-Os", "-Oz", ...).
code_level() {
  grep -m1 -o '^code compiled with [^:(]*' "$1" | sed -e 's/^code compiled with //' -e 's/ *$//'
}

# Bytes of the ELF's sections in FRAM (at or above 0x4000) and in SRAM (0x1C00-0x3BFF).
memory() {
  llvm-size-19 -A "$1" | awk '$3 >= 16384 { fram += $2 } $3 >= 7168 && $3 < 15360 { sram += $2 }
    END { printf "%d %d", fram, sram }'
}

echo "## msp430fr5994"
echo
echo "The float models are quantized with \`tenax quantize --calib random\` (cycles do not depend"
echo "on the calibration), compiled with \`tenax compile --target msp430fr5994\` and run once by"
echo "\`tenax run\` under \`mspdebug sim\`, whose tracer counts MCLK cycles from the tenax_begin to"
echo "the tenax_end breakpoint. FRAM: the linked sections at or above 0x4000 (code, weights, I/O"
echo "tensors, and the arena when the compiler put it there); SRAM: the sections the link placed in"
echo "SRAM (arena, runtime data) plus the stack the inference used (stack painting)."
echo
echo "| model | MACs | MCLK cycles | cycles/MAC | FRAM bytes | SRAM bytes (data + stack) | arena | code level |"
echo "|---|---|---|---|---|---|---|---|"
for m in $msp430_models; do
  f=$(ls "$shared/models/$m/"*.onnx | head -1)
  q="$tmp/msp-$m.onnx"
  dir="$tmp/msp-$m"
  # shellcheck disable=SC2086
  if ! ./tenax quantize "$f" ${msp430_dims[$m]:-} --calib random -o "$q" > "$tmp/log" 2>&1; then
    echo "| $m | not quantized: $(grep -m1 -o 'TX0[0-9]*.*' "$tmp/log" | cut -c1-120) | | | | | | |"
    continue
  fi
  if ! ./tenax compile "$q" --target msp430fr5994 -o "$dir" > "$tmp/log" 2>&1; then
    echo "| $m | refused: $(grep -o 'TX0[0-9]*.*' "$tmp/log" | head -1 | cut -c1-120) | | | | | | |"
    continue
  fi
  level=$(code_level "$tmp/log")
  macs=$(grep -o 'MACs [0-9]*' "$tmp/log" | grep -o '[0-9]*')
  where=$(grep -o '^arena in [A-Z]*' "$tmp/log" | sed 's/arena in //')
  arena=$(grep -o '^arena [0-9]* bytes' "$tmp/log" | grep -o '[0-9]*')
  zero_input "$dir" "$tmp/msp-in-$m.npy"
  ./tenax run "$dir" --input "$tmp/msp-in-$m.npy" -o "$tmp/msp-out-$m" > "$tmp/run" 2>&1 || true
  ./tenax bench "$dir" --input "$tmp/msp-in-$m.npy" --json > "$tmp/msp-bench-$m.json" 2> /dev/null || true
  line=$(grep -m1 '^MCLK cycles' "$tmp/run" || echo "")
  if [ -z "$line" ]; then
    echo "| $m | $macs | failed: $(grep -m1 -iE 'error|fault' "$tmp/run" | cut -c1-100) | | | | | |"
    continue
  fi
  cycles=$(echo "$line" | sed -E 's/MCLK cycles: ([0-9]+).*/\1/')
  echo "$cycles" > "$tmp/msp-cycles-$m"
  stack=$(echo "$line" | sed -E 's/.*stack: ([0-9]+) bytes.*/\1/')
  read -r fram sram <<< "$(memory "$dir"/*.elf)"
  awk -v m="$m" -v macs="$macs" -v c="$cycles" -v f="$fram" -v s="$sram" -v st="$stack" -v a="$arena" -v w="$where" \
    -v l="$level" 'BEGIN { printf "| %s | %d | %d | %s | %d | %d + %d | %d B in %s | %s |\n", m, macs, c,
      (macs > 0 ? sprintf("%.1f", c / macs) : "-"), f, s, st, a, w, l }'
done

echo
echo "## Intermittent builds on msp430fr5994"
echo
echo "Compiled with \`--intermittent --capacitor 100uF\` (or 1mF when a layer cannot be split to fit"
echo "100 uF), run without failures (overhead: the commits and the smaller calls, against the plain"
echo "build above) and with the power failing every 500k MCLK cycles of on-time (about one 100 uF"
echo "charge between 2.4 V and 1.8 V at 16 MHz; every 5M for the 1 mF builds), at 32 phases"
echo "(scripts/phased-failures.py: the first failure 1/32 of a period apart; failures and on-time"
echo "are the means of the 32 runs). Tiles are packed into groups of about one charge's work that"
echo "share a progress commit (a failure re-runs the group in flight), so the re-executed work (the"
echo "on-time a failure cost, from power-on, less the reboot: start-up to the inference, measured as"
echo "the uninterrupted run's on-time from power-on less its tenax_begin-to-end cycles) compares with"
echo "half the group a failure lands in: the"
echo "time-weighted group, sum(g^2)/sum(g) over the groups' cycles as the plain build's kernel calls"
echo "measure them (scripts/failure-weighted-group.py), which equals the average group only when all"
echo "groups are equal."
echo "Code level: the optimization level make linked at (-Os, else -Oz keeping the kernels' assembly loops,"
echo "else -Oz -DTX_SMALL_CODE; qemu/msp430.md), which the intermittent build's call tables can push down."
echo
echo "| model | capacitor | code level | tiles | groups | plain cycles | uninterrupted | overhead | failures | with failures | re-executed per failure | reboot | average group | time-weighted group |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for m in $msp430_models; do
  q="$tmp/msp-$m.onnx"
  [ -f "$q" ] || continue
  dir="$tmp/msp-int-$m"
  cap=""
  for c in 100uF 1mF; do
    if ./tenax compile "$q" --target msp430fr5994 --intermittent --capacitor "$c" -o "$dir" > "$tmp/log" 2>&1; then
      cap=$c
      break
    fi
  done
  if [ -z "$cap" ]; then
    # a TX diagnostic from the fit check, or the linker's complaint when the code outgrew its budget
    echo "| $m | refused: $(grep -m1 -oE 'TX0[0-9]*.*|ld.lld-19: error: .*' "$tmp/log" | cut -c1-120) | | | | | | | | | | | | |"
    continue
  fi
  tiles=$(grep -o '^intermittent: [0-9]*' "$tmp/log" | grep -o '[0-9]*$')
  groups=$(grep -oE '^intermittent: [0-9]+ tiles in [0-9]+' "$tmp/log" | grep -o '[0-9]*$')
  level=$(code_level "$tmp/log")
  plain=$(cat "$tmp/msp-cycles-$m" 2>/dev/null || echo 0)
  ./tenax run "$dir" --input "$tmp/msp-in-$m.npy" -o "$tmp/msp-int-out-$m" > "$tmp/run" 2>&1 || true
  un=$(grep -m1 -o '^MCLK cycles: [0-9]*' "$tmp/run" | grep -o '[0-9]*' || echo 0)
  period=500000
  [ "$cap" = 1mF ] && period=5000000 # one charge of the capacitor the tiles were sized for
  weighted=$(python3 scripts/failure-weighted-group.py "$tmp/msp-bench-$m.json" "$dir" "$tmp/log" || echo 0)
  if ! phased=$(python3 scripts/phased-failures.py "$dir" "$tmp/msp-in-$m.npy" "$period" 32 "$un" 2> "$tmp/run"); then
    awk -v m="$m" -v cap="$cap" -v l="$level" -v t="$tiles" -v g="$groups" -v p="$plain" -v u="$un" -v why="$(grep -m1 -iE 'TENAX|error|failed' "$tmp/run" | cut -c1-90)" \
      'BEGIN { printf "| %s | %s | %s | %d | %d | %d | %d | %+.1f%% | with failures: %s | | | | | |\n", m, cap, l, t, g, p, u,
        (p > 0 ? 100 * (u - p) / p : 0), why }'
    continue
  fi
  read -r failures on re boot <<< "$phased"
  awk -v m="$m" -v cap="$cap" -v l="$level" -v t="$tiles" -v g="$groups" -v p="$plain" -v u="$un" -v f="$failures" -v o="$on" \
    -v r="$re" -v b="$boot" -v w="$weighted" 'BEGIN {
    printf "| %s | %s | %s | %d | %d | %d | %d | %+.1f%% | %s | %d | %s | %s | %d | %d |\n", m, cap, l, t, g, p, u,
      (p > 0 ? 100 * (u - p) / p : 0), f, o, r, b, u / g, w }'
done
