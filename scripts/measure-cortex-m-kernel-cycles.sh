#!/usr/bin/env bash
# Rewrites the Cortex-M kernel instructions the intermittent power model sizes tiles with
# (dev.tenax.intermittent.KernelCycles; PowerModel multiplies them by a cycles-per-instruction
# bound): for each core, every kernel call of the shared models that fit it measured by `tenax
# bench` under QEMU (scripts/cortex-m-kernel-samples.sh), and per kernel the cheapest line above
# them (scripts/fit-kernel-cycles.py). Run it after changing a Cortex-M kernel;
# CortexMKernelCyclesBoundTest (thorough profile) fails while a table no longer bounds the kernels.
# Usage: scripts/measure-cortex-m-kernel-cycles.sh SHARED_DIR [CORE ...]   (default: every core;
# two to three minutes per core on two busy cores)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared=$1
shift
cores=${*:-cortex-m0 cortex-m3 cortex-m4 cortex-m7 cortex-m33 cortex-m55}
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for core in $cores; do
  out="$root/compiler/src/main/resources/dev/tenax/intermittent/$core-kernel-instructions.properties"
  "$root/scripts/cortex-m-kernel-samples.sh" "$shared" "$tmp" "$core" > "$tmp/samples.tsv"
  python3 "$root/scripts/fit-kernel-cycles.py" "$tmp/samples.tsv" "$core instructions per kernel call under QEMU" \
    scripts/measure-cortex-m-kernel-cycles.sh > "$out.tmp"
  mv "$out.tmp" "$out"
  echo "wrote $out"
done
