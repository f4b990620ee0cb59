#!/usr/bin/env bash
# Rewrites the MSP430 kernel cycles the intermittent power model sizes tiles with
# (dev.tenax.intermittent.KernelCycles): every kernel call of the shared models that fit the
# msp430fr5994 measured by `tenax bench` under mspdebug sim (scripts/msp430-kernel-samples.sh), and
# per kernel the cheapest line above them (scripts/fit-kernel-cycles.py). Run it after changing an
# MSP430 kernel; KernelCyclesBoundTest fails while the table no longer bounds the kernels.
# Usage: scripts/measure-msp430-kernel-cycles.sh SHARED_DIR   (about half a minute)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/compiler/src/main/resources/dev/tenax/intermittent/msp430fr5994-kernel-cycles.properties"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$root/scripts/msp430-kernel-samples.sh" "$1" "$tmp" > "$tmp/samples.tsv"
python3 "$root/scripts/fit-kernel-cycles.py" "$tmp/samples.tsv" > "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out"
