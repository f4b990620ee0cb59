package dev.tenax.intermittent;

import dev.tenax.lower.Step;
import dev.tenax.target.Target;

/**
 * What one cycle of a target costs in energy, what a reboot and a progress commit cost in
 * cycles, and how many cycles a kernel call spends per unit of its work (Tiling.work: MACs, or
 * elements for calls without). Every number is a conservative round-up, with its source:
 * <ul>
 *   <li>MSP430FR5994: 118 uA/MHz active current (TI datasheet SLASE54, "Active mode: 118
 *       uA/MHz"), at the middle of a 1.8-2.4 V charge; reboot: reset, crt0 and harness start-up
 *       (Msp430PowerFailureTest: a boot finishes within 10K cycles). Commit: 2,000 cycles, above
 *       the 1,100 MCLK cycles a tile's commit takes with the power harness's counting NVM writes
 *       (506 with plain FRAM stores; a boot's load and boot count add 367 + 179), measured by
 *       scripts/measure-msp430-progress.sh at -Os.
 *   <li>Cortex-M: 100 uA/MHz, the run-mode current of low-power Cortex-M4 parts (e.g. ST
 *       STM32L476, datasheet DS10198: "down to 100 uA/MHz"), at 3.0 V.
 *   <li>Cortex-M kernels: {@link KernelCycles} per core, a line per kernel fitted above the
 *       instructions tenax bench counts for every call of the shared models that fit the core under
 *       QEMU -icount (&lt;core&gt;-kernel-instructions.properties,
 *       scripts/measure-cortex-m-kernel-cycles.sh), times {@link #CORTEX_M_CYCLES_PER_INSTRUCTION}.
 *       Kernels a core's table does not list fall back to the per-work numbers below.
 *   <li>MSP430 kernels: {@link KernelCycles}, a line per kernel fitted above the cycles tenax bench
 *       measures for every call of the shared models under mspdebug sim
 *       (msp430fr5994-kernel-cycles.properties, scripts/measure-msp430-kernel-cycles.sh), doubled
 *       for the FRAM wait states at 16 MHz that the simulator does not count; kernels it does not
 *       list fall back to the per-work numbers below.
 *   <li>Cycles per work unit: the instructions per MAC and per element tenax bench measures on
 *       the shared models (docs/performance.md), rounded up, counting a cycle per instruction
 *       (MSP430: FRAM wait states at 16 MHz included by doubling). MSP430 float elements: 6,000
 *       cycles, measured under mspdebug sim (deepc-asl-gesture-mlp quantized its 714 float inputs
 *       in 4.1M MCLK cycles with software floating point, qemu/msp430.md). MSP430 int8 quantize
 *       elements: 2,000 cycles, the ~850 its integer-only division takes under mspdebug sim
 *       (qemu/msp430.md) doubled and rounded up; on Cortex-M a quantize is a float element.
 * </ul>
 */
public record PowerModel(String target, double joulesPerCycle, long bootCycles, long commitCycles,
    double macCycles, double elementCycles, double floatElementCycles, double quantizeElementCycles,
    KernelCycles measured) {
  /** A model without measured kernels: every call costed by its work. */
  public PowerModel(String target, double joulesPerCycle, long bootCycles, long commitCycles, double macCycles,
      double elementCycles, double floatElementCycles, double quantizeElementCycles) {
    this(target, joulesPerCycle, bootCycles, commitCycles, macCycles, elementCycles, floatElementCycles,
        quantizeElementCycles, KernelCycles.NONE);
  }

  /** A model whose float-to-int8 quantize costs what any float element does. */
  public PowerModel(String target, double joulesPerCycle, long bootCycles, long commitCycles, double macCycles,
      double elementCycles, double floatElementCycles) {
    this(target, joulesPerCycle, bootCycles, commitCycles, macCycles, elementCycles, floatElementCycles,
        floatElementCycles);
  }

  /** Share of each charge kept in reserve (model error, capacitor leakage, voltage sag). */
  public static final double MARGIN = 0.25;

  /** MSP430FR5994 active current per hertz of MCLK (SLASE54: 118 uA/MHz). */
  static final double MSP430_AMPS_PER_HZ = 118e-12;
  /** Low-power Cortex-M4 run-mode current per hertz (STM32L476, DS10198: down to 100 uA/MHz). */
  static final double CORTEX_M_AMPS_PER_HZ = 100e-12;

  /**
   * Core cycles per instruction QEMU counts, a bound for the Cortex-M kernels (QEMU counts
   * instructions, not cycles): on the Cortex-M0, M3 and M4 most instructions take one cycle, a
   * load two, a taken branch two to four and a load or store of N registers N + 1 (ARM DDI 0432C
   * and DDI 0439B, "Instruction set summary" / "Processor instruction timings"); the kernels' loops
   * are mostly single-cycle multiply-accumulates and widenings around a load, and the M7's dual
   * issue only lowers the figure. Two also covers a flash wait state at the clocks an energy
   * harvester runs at. Not measured on hardware: the power profile file overrides it
   * (docs/guide/concepts.md).
   */
  public static final double CORTEX_M_CYCLES_PER_INSTRUCTION = 2.0;

  /** The MSP430 kernels' measured cycles, doubled for FRAM wait states at 16 MHz. */
  private static final KernelCycles MSP430_KERNELS = KernelCycles.load("msp430fr5994-kernel-cycles.properties", 2);

  public static PowerModel of(Target t) {
    if (t.family().equals("msp430")) {
      return new PowerModel(t.name(), MSP430_AMPS_PER_HZ * 2.1, 20_000, 2_000, 80, 120, 6_000, 2_000,
          MSP430_KERNELS);
    }
    boolean dsp = t.hasFeature("dsp");
    boolean fpu = t.hasFeature("fpu");
    return new PowerModel(t.name(), CORTEX_M_AMPS_PER_HZ * 3.0, 10_000, 600, dsp ? 6 : 16, 30, fpu ? 60 : 400,
        fpu ? 60 : 400, cortexMKernels(t));
  }

  /**
   * The kernel table measured on {@code t}'s core (scripts/measure-cortex-m-kernel-cycles.sh); none
   * for the host, whose calls are costed by work.
   */
  private static KernelCycles cortexMKernels(Target t) {
    if (!t.family().equals("cortex-m")) {
      return KernelCycles.NONE;
    }
    return CORTEX_M_KERNELS.computeIfAbsent(t.name(), core -> KernelCycles.load(core
        + "-kernel-instructions.properties", CORTEX_M_CYCLES_PER_INSTRUCTION));
  }

  private static final java.util.Map<String, KernelCycles> CORTEX_M_KERNELS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The active current per hertz of core clock on {@code t} (the source of joulesPerCycle). */
  public static double activeAmpsPerHz(Target t) {
    return t.family().equals("msp430") ? MSP430_AMPS_PER_HZ : CORTEX_M_AMPS_PER_HZ;
  }

  /** The estimated cycles of one call (or tile) on the part: measured where the table has its kernel. */
  public double cycles(Step s) {
    return measured.covers(s) ? measured.cycles(s) : Math.ceil(Tiling.work(s) * cyclesPerWork(s));
  }

  /** The part of {@link #cycles} that a call pays whatever its size (0 for calls costed by work). */
  public double fixedCycles(Step s) {
    return measured.covers(s) ? measured.fixedCycles(s) : 0;
  }

  /** This model without the measured table: every call costed by the per-work numbers. */
  public PowerModel perWorkOnly() {
    return new PowerModel(target, joulesPerCycle, bootCycles, commitCycles, macCycles, elementCycles,
        floatElementCycles, quantizeElementCycles);
  }

  /** Cycles per unit of {@link Tiling#work} for a call the measured table does not cover. */
  public double cyclesPerWork(Step s) {
    if (s.kernel().equals("tx_quantize_f32_s8") || s.kernel().equals("tx_quantize_transpose_f32_s8")) {
      return quantizeElementCycles;
    }
    if (s.kernel().contains("f32")) {
      return floatElementCycles;
    }
    return s.macs() > 0 ? macCycles : elementCycles;
  }

  /** Cycles of tile work one charge of {@code c} pays for, after the reboot, the commit and the margin. */
  public long tileCycles(Capacitor c) {
    double cycles = c.joulesPerCharge() * (1 - MARGIN) / joulesPerCycle;
    return (long) Math.floor(cycles) - bootCycles - commitCycles;
  }

  /** The charge a tile of {@code cycles} needs, with the reboot, the commit and the margin. */
  public double joulesFor(long cycles) {
    return (cycles + bootCycles + commitCycles) * joulesPerCycle / (1 - MARGIN);
  }
}
