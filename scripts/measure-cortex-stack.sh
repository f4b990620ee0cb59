#!/usr/bin/env bash
# Rewrites the stack frames the Cortex-M fit check adds up (dev.tenax.target.CortexMStackFrames):
# for each runtime kernel and core, the deepest static stack below the kernel's entry point (its
# frame and the deepest chain of its calls, from arm-none-eabi-gcc -fcallgraph-info=su), with the
# source each target links (arm-mve, then arm-dsp, arm-scalar for the cores without the DSP
# extension, then the reference kernel, as codegen.RuntimeSources picks). A DSP kernel is measured
# once per set of paths a call can take (the path macros of tx_arm_dsp_paths.h: only that set
# compiled in, as in a project whose calls all take it) and once with every path. Variable-length
# arrays (the im2col columns, the fully connected row) are not in these figures:
# codegen.DspKernelStack and ScalarKernelStack mirror their sizes per call.
# Two tables, one per level a generated project compiles at: -O2 (cortex-m-stack-bytes.properties)
# and `tenax compile --optimize=size`'s -Os -DTX_SMALL_CODE (cortex-m-stack-bytes-size.properties),
# whose frames differ both ways: on cortex-m0 tx_max_pool_s8 takes 192 bytes at -O2 and 364 at
# -Os, tx_softmax_s8 384 and 200.
# Usage: measure-cortex-stack.sh [DIR] (default: the compiler's resources, where the fit check
# reads them). Run it after changing a kernel; CortexMStackTableTest fails while a table is stale.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
outdir="${1:-$root/compiler/src/main/resources/dev/tenax/target}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
rt="$root/runtime-c"

# The cores and their flags (dev.tenax.target.Targets) and whether they have dsp and mve.
cores=(
  "cortex-m0|-mcpu=cortex-m0 -mthumb -mfloat-abi=soft|"
  "cortex-m3|-mcpu=cortex-m3 -mthumb -mfloat-abi=soft|"
  "cortex-m4|-mcpu=cortex-m4 -mthumb -mfloat-abi=hard -mfpu=fpv4-sp-d16|dsp"
  "cortex-m7|-mcpu=cortex-m7 -mthumb -mfloat-abi=hard -mfpu=fpv5-d16|dsp"
  "cortex-m33|-mcpu=cortex-m33 -mthumb -mfloat-abi=hard -mfpu=fpv5-sp-d16|dsp"
  "cortex-m55|-mcpu=cortex-m55 -mthumb -mfloat-abi=hard|dsp mve"
)

# The path sets one call can take (codegen.DspKernelPaths.paths), per DSP kernel.
conv_sets=(TX_CONV2D_S8_PATH_REFERENCE TX_CONV2D_S8_PATH_DSP TX_CONV2D_S8_PATH_PIXELS)
for fill in POINTWISE 9X3 ROWS GATHER; do
  for blocks in WHOLE PARTIAL; do
    # (9x3 windows run as whole groups: conv_im2col pads their filters)
    [ "$fill+$blocks" = 9X3+PARTIAL ] && continue
    conv_sets+=("TX_CONV2D_S8_PATH_IM2COL_$fill+TX_CONV2D_S8_PATH_IM2COL_$blocks")
  done
done
dw=TX_DEPTHWISE_CONV2D_S8_PATH
dw_sets=("${dw}_REFERENCE" "${dw}_FAST" "${dw}_DSP" "${dw}_DSP+${dw}_FAST")
for planar in DW3 DWS2; do
  for range in CLAMPED FULL_RANGE; do
    # the uniform-shift channel kernels, or the per-channel ones
    dw_sets+=("${dw}_$planar+${dw}_${planar}_$range" "${dw}_$planar+${dw}_${planar}_$range+${dw}_CHANNEL_SHIFTS")
  done
done
fc=TX_FULLY_CONNECTED_S8_PATH
fc_sets=("${fc}_PAIRS" "${fc}_ROW" "${fc}_BLOCKS3+${fc}_ROW" "${fc}_BLOCKS4+${fc}_ROW" "${fc}_BLOCKS4X8+${fc}_ROW"
  "${fc}_BLOCKS3+${fc}_BLOCKS4+${fc}_ROW" "${fc}_WIDE8" "${fc}_WIDE_PAIRS")
all_paths="$(grep -o 'define TX_[A-Z0-9_]*_PATH_[A-Z0-9_]*' "$rt/include/tx_arm_dsp_paths.h" | awk '{print $2}' | sort -u)"

# measure NAME SOURCE FLAGS [PATH+PATH...]: the kernel's deepest static stack at $level, with only
# those paths
measure() {
  local name="$1" src="$2" flags="$3" set="${4:-}" defs=()
  if [ -n "$set" ]; then
    for m in $all_paths; do
      case "+$set+" in *"+$m+"*) defs+=("-D$m=1") ;; *) defs+=("-D$m=0") ;; esac
    done
  fi
  rm -f "$tmp"/k.ci
  # (a uniform depthwise shift, so that the kernels which use one are reachable and measured)
  # shellcheck disable=SC2086
  arm-none-eabi-gcc $flags -std=c99 $level -ffp-contract=off -ffunction-sections -fdata-sections \
    -I"$rt/include" "${defs[@]}" -DTX_DEPTHWISE_CONV2D_S8_UNIFORM_SHIFT=-8 -fcallgraph-info=su \
    -c -o "$tmp/k.o" "$src"
  local chain
  chain="$(python3 "$root/scripts/stack-chain.py" "$name" "$tmp/k.ci")" || return 1
  echo "${chain%% *}"
}

# table LEVEL FILE: every kernel's figures at that optimization level, into FILE
table() {
  local level="$1" out="$2"
  {
  echo "# Deepest static stack in bytes below each runtime kernel (frame + deepest call chain), per core, and per"
  echo "# set of DSP paths (file@core@PATH+PATH). arm-none-eabi-gcc $level -fcallgraph-info=su; variable-length"
  echo "# arrays not included. Written by scripts/measure-cortex-stack.sh; do not edit."
  for core in "${cores[@]}"; do
    IFS='|' read -r cpu flags features <<< "$core"
    for src in "$rt"/src/*.c; do
      file="$(basename "$src")"
      name="${file%.c}"
      folder=src
      if [[ " $features " == *" mve "* ]] && [ -f "$rt/arm-mve/src/$file" ]; then
        folder=arm-mve/src
      elif [[ " $features " == *" dsp "* ]] && [ -f "$rt/arm-dsp/src/$file" ]; then
        folder=arm-dsp/src
      elif [[ " $features " != *" dsp "* ]] && [ -f "$rt/arm-scalar/src/$file" ]; then
        folder=arm-scalar/src
      fi
      # sources without an entry point of their name (tx_math_f32.c, tx_progress.c) hold helpers
      bytes="$(measure "$name" "$rt/$folder/$file" "$flags" 2>/dev/null)" || continue
      echo "$file@$cpu=$bytes"
      if [ "$folder" = arm-dsp/src ]; then
        case "$name" in
          tx_conv2d_s8) sets=("${conv_sets[@]}") ;;
          tx_depthwise_conv2d_s8) sets=("${dw_sets[@]}") ;;
          tx_fully_connected_s8) sets=("${fc_sets[@]}") ;;
          *) sets=() ;;
        esac
        for set in "${sets[@]}"; do
          # the key lists the set's macros sorted, as CortexMStackFrames looks them up
          key="$(tr '+' '\n' <<< "$set" | LC_ALL=C sort | paste -sd+)"
          echo "$file@$cpu@$key=$(measure "$name" "$rt/$folder/$file" "$flags" "$set")"
        done
      fi
    done
  done | LC_ALL=C sort
  } > "$out.tmp"
  mv "$out.tmp" "$out"
  echo "wrote $out"
}

mkdir -p "$outdir"
table -O2 "$outdir/cortex-m-stack-bytes.properties"
table "-Os -DTX_SMALL_CODE" "$outdir/cortex-m-stack-bytes-size.properties"
