#!/usr/bin/env python3
"""Runs an intermittent build under periodic power failures with several phases and prints the
averages the performance tables report.

Usage: scripts/phased-failures.py PROJECT INPUT.npy PERIOD PHASES UNINTERRUPTED
A board whose capacitor runs dry every PERIOD cycles (instructions on Cortex-M) of on-time fails
at a phase that depends on when it woke up: run k of PHASES fails at on-times
(k + 0.5) / PHASES * PERIOD + j * PERIOD, j = 0, 1, ... (an `at:` schedule), so the runs sample the
phase evenly instead of always failing at the same points of the inference. Every run's outputs
must equal the uninterrupted run's (`tenax run` says so, and exits non-zero when not).
UNINTERRUPTED is the inference's cycles without failures (tenax_begin to tenax_end). Prints: mean
failures per inference, mean on-time, re-executed work per failure and the reboot it came with.
`tenax run` counts the on-time of a run with failures and of its uninterrupted twin from power-on
(MSP430; on Cortex-M from the start of the inference): their difference, summed over the runs and
divided by the failures, is a failure's cost; the uninterrupted twin's count less UNINTERRUPTED is
one boot's start-up (0 where it is not counted), and the rest is re-executed work ("-" for both
without failures)."""
import re
import subprocess
import sys
import tempfile

project, npy, period, phases, uninterrupted = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
failures = 0
on_total = 0
lost = 0
boot = 0
with tempfile.TemporaryDirectory() as out:
    for k in range(phases):
        first = (2 * k + 1) * period // (2 * phases)
        # enough points for three times the uninterrupted run; later ones are never reached
        points = [first + j * period for j in range(3 * uninterrupted // period + 2)]
        run = subprocess.run(["./tenax", "run", project, "--input", npy, "-o", out, "--power-failures",
                              "at:" + ",".join(str(p) for p in points)], capture_output=True, text=True)
        m = re.search(r"power failures: (\d+),.*on-time (\d+) .*uninterrupted (\d+)", run.stdout)
        if run.returncode != 0 or m is None or "identical to the uninterrupted run" not in run.stdout:
            sys.exit("phase %d of %s failed:\n%s%s" % (k, project, run.stdout, run.stderr))
        failures += int(m.group(1))
        on_total += int(m.group(2))
        lost += int(m.group(2)) - int(m.group(3))
        boot = max(0, int(m.group(3)) - uninterrupted)
# a failure during a boot's start-up costs less than a whole boot, and re-runs no inference work:
# with few failures that can leave the excess per failure below one boot (never below zero work)
print("%.1f %d %s %s" % (failures / phases, on_total // phases, "%d" % max(0, lost // failures - boot) if failures else "-",
                         "%d" % boot if failures else "-"))
