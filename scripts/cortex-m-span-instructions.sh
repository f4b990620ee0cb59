#!/usr/bin/env bash
# Instructions one inference of a Cortex-M project runs, counted one by one (not in SysTick ticks,
# which are 40 instructions on mps2-an386), for the small models whose intermittent overhead is a
# few hundred instructions:
#   scripts/cortex-m-span-instructions.sh PROJECT_DIR FUNCTION
# links the project's firmware without the per-layer profiling calls (make NAME-size.elf: the
# plain harness's profile_step reads the timer after every kernel call, some 27 instructions each,
# which the intermittent harness does not), runs it under QEMU with the board's flags (-icount
# shift=0) plus -singlestep -d exec,nochain (one trace line per instruction executed), with zero
# inputs, and prints the number of instructions from the first entry into FUNCTION until the trace
# is back in main: NAME_invoke for a plain build, NAME_resume for an intermittent one (its first
# boot: the progress load, the boot count, the calls and their commits).
set -euo pipefail
dir=$(cd "$1" && pwd)
fn=$2
name=$(sed -n 's/^\(.*\)\.elf: \$(OBJECTS)$/\1/p' "$dir/Makefile")
make -s -C "$dir" "$name-size.elf" > /dev/null
qemu=$(sed -n 's/^TENAX_QEMU := //p' "$dir/board/board.mk")
run=$(mktemp -d)
trap 'rm -rf "$run"' EXIT
# shellcheck disable=SC2086
(cd "$run" && timeout 300 $qemu -singlestep -d exec,nochain -D "$run/trace" -kernel "$dir/$name-size.elf" > "$run/console" 2>&1)
awk -v fn="$fn" '
  /^Trace/ { name = $NF
    if (!inside) { if (name != fn) next; inside = 1 }
    else if (name == "main") { print n; found = 1; exit }
    n++ }
  END { if (!found) { print "no complete call of " fn " in the trace" > "/dev/stderr"; exit 1 } }' "$run/trace"
