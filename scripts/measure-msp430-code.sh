#!/usr/bin/env bash
# Rewrites the MSP430 code sizes the fit check adds up (dev.tenax.target.Msp430CodeSize): the bytes
# of code and constants (.text + .rodata) of each runtime source as the generated Makefile compiles
# it (clang-19 at -Os, and at -Oz with TX_SMALL_CODE, which the compiler picks when -Os does not fit; the
# hardware-multiplier variant where there is one). Run it after changing a
# kernel; Msp430CodeSizeTest fails while the table is stale.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/compiler/src/main/resources/dev/tenax/target/msp430-code-bytes.properties"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
{
  echo "# Bytes of .text + .rodata per runtime source for the MSP430 (clang-19 -Os and -Oz, hwmult variants)."
  echo "# Written by scripts/measure-msp430-code.sh; do not edit."
  for src in "$root"/runtime-c/src/*.c "$root"/runtime-c/msp430/src/*.c "$root"/runtime-c/msp430-hwmult/src/*.c \
      "$root"/runtime-c/platform/direct/*.c; do
    name="$(basename "$src")"
    if [ "$src" = "$root/runtime-c/src/$name" ] && [ -f "$root/runtime-c/msp430-hwmult/src/$name" ]; then
      continue # the MSP430 projects take the hardware-multiplier variant
    fi
    if [ "$src" = "$root/runtime-c/msp430/src/$name" ] && [ -f "$root/runtime-c/msp430-hwmult/src/$name" ]; then
      continue
    fi
    for opt in Os Oz; do
      clang-19 --target=msp430 -mhwmult=none -D__MSP430FR5994__ -std=c99 -ffreestanding -ffp-contract=off \
        -ffunction-sections -fdata-sections -I"$root/runtime-c/include" -DTX_MSP430_HWMULT_BASE=0x0130 -$opt $([ "$opt" = Oz ] && echo -DTX_SMALL_CODE) \
        -c -o "$tmp/$name.o" "$src"
      bytes="$(llvm-size-19 -A "$tmp/$name.o" | awk '$1 ~ /^\.(text|rodata)/ {s += $2} END {print s + 0}')"
      echo "$name@$opt=$bytes"
    done
  done | sort
} > "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out"
