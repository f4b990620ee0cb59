#!/usr/bin/env bash
# Measures what the progress machinery (runtime-c/src/tx_progress.c) costs per call on the
# MSP430FR5994 under mspdebug's simulator: MCLK cycles of tx_progress_load (both slots valid, as at
# a boot), tx_progress_count_boot and tx_progress_commit (a tile's, which carries the latest
# sequence, and a restart's, which does not), each bracketed by tenax_begin/tenax_end
# (the brackets' own cost, measured empty, is taken off). Built as the generated Makefile builds
# the runtime (clang-19, -Os and -Oz, the hardware-multiplier helpers), once with the direct
# platform's tx_nvm_write16 and once with one that counts writes as the power harness does
# (templates/msp430/main.c.ftl). The source of PowerModel's MSP430 commit and boot cycles.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cflags=(--target=msp430 -mhwmult=none -D__MSP430FR5994__ -std=c99 -ffreestanding -ffunction-sections
  -fdata-sections -DTX_MSP430_HWMULT_BASE=0x0130 -I"$root/qemu/msp430-common" -I"$root/runtime-c/include")
for writes in direct counting; do
  for opt in Os Oz; do
    define=()
    [ "$writes" = counting ] && define=(-DCOUNTING)
    objs=()
    for src in "$root/scripts/msp430-progress-cost.c" "$root/runtime-c/src/tx_progress.c" \
        "$root/qemu/msp430-common/crt0.c" "$root/runtime-c/msp430-hwmult/src/tx_mspabi_mpy.c" \
        "$root/runtime-c/msp430/src/tx_mspabi_int.c"; do
      o="$tmp/$(basename "$src" .c).o"
      clang-19 "${cflags[@]}" "${define[@]}" -"$opt" -c -o "$o" "$src"
      objs+=("$o")
    done
    ld.lld-19 --gc-sections -L"$root/qemu/msp430-common" -T"$root/qemu/msp430fr5994/msp430fr5994.ld" \
      "${objs[@]}" -o "$tmp/cost.elf"
    script=("simio add tracer t" "simio add hwmult m" "prog $tmp/cost.elf" "setbreak tenax_begin"
      "setbreak tenax_end" "setbreak tenax_exit")
    for _ in 1 2 3 4 5 6 7 8 9 10; do
      script+=(run "simio info t")
    done
    script+=(run)
    mspdebug -q sim "${script[@]}" 2>&1 | awk -v what="$writes writes, -$opt" '
      /^MCLK:/ { t[n++] = $NF }
      END {
        if (n < 10) { print what ": the simulator run did not reach every bracket" > "/dev/stderr"; exit 1 }
        e = t[1] - t[0]
        printf "%s: tx_progress_load %d, tx_progress_count_boot %d, tx_progress_commit %d (restart %d) MCLK cycles\n",
          what, t[3] - t[2] - e, t[5] - t[4] - e, t[7] - t[6] - e, t[9] - t[8] - e
      }'
  done
done
