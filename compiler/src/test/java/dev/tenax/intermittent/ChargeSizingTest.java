package dev.tenax.intermittent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.diag.UsageException;
import dev.tenax.frontend.ImportOptions;
import dev.tenax.frontend.ModelImporter;
import dev.tenax.lower.Lowering;
import dev.tenax.lower.Program;
import dev.tenax.lower.Step;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.passes.Pipeline;
import dev.tenax.target.Targets;
import dev.tenax.testing.SharedData;
import org.junit.jupiter.api.Test;

class ChargeSizingTest {
  @Test
  void aChargeHoldsHalfCTimesTheVoltageWindow() throws UsageException {
    Capacitor c = Capacitor.parse("100uF", "2.4:1.8");
    assertEquals(126e-6, c.joulesPerCharge(), 1e-12);
    assertEquals(100e-6, c.faradsFor(126e-6), 1e-12);
    assertEquals(1e-3, Capacitor.parse("1mF", "3:2").farads(), 1e-15);
    for (String[] bad : new String[][] {{"100", "2.4:1.8"}, {"100uF", "1.8:2.4"}, {"-1uF", "2.4:1.8"}, {"1uF", "2.4"}}) {
      assertThrows(UsageException.class, () -> Capacitor.parse(bad[0], bad[1]), String.join(" ", bad));
    }
    assertEquals(47e-6, Capacitor.parse("47UF", "2.4:1.8").farads(), 1e-18);
    assertEquals(47e-6, Capacitor.parse("47µF", "2.4:1.8").farads(), 1e-18);
    assertEquals(1e-12, Capacitor.parse("1pF", "2.4:1.8").farads(), 1e-24);
  }

  /** Each flag's mistake is named as that flag's, with the units or the form it takes. */
  @Test
  void aBadCapacitanceOrVoltageSaysWhichAndWhatToGive() {
    String unit = assertThrows(UsageException.class, () -> Capacitor.parse("47", "2.4:1.8")).getMessage();
    assertTrue(unit.startsWith("--capacitor 47 is not a capacitance") && unit.contains("pF, nF, uF")
        && !unit.contains("--voltage"), unit);
    String volts = assertThrows(UsageException.class, () -> Capacitor.parse("47uF", "2.4")).getMessage();
    assertTrue(volts.startsWith("--voltage 2.4 is not a voltage window") && !volts.contains("--capacitor"), volts);
    String order = assertThrows(UsageException.class, () -> Capacitor.parse("47uF", "1.8:2.4")).getMessage();
    assertTrue(order.contains("turn-on voltage must be above the brown-out"), order);
  }

  /** The example: 100 uF between 2.4 and 1.8 V is about half a million MSP430 cycles. */
  @Test
  void everyTileFitsOneChargeOrTheModelIsRefusedWithTheCapacitorThatWorks() throws Exception {
    Program p = kws();
    PowerModel m4 = PowerModel.of(Targets.find("cortex-m4").orElseThrow());
    // large enough for every tile, small enough that DS-CNN KWS's largest calls need splitting
    // (at 470 uF they fit whole since the kernel tables' fit for tx_conv2d_s8 came down)
    Capacitor big = Capacitor.parse("330uF", "2.4:1.8");
    long budget = m4.tileCycles(big);
    Tiling t = Tiling.forCharge(p, m4, big);
    for (Step tile : t.program().steps()) {
      assertTrue(m4.cycles(tile) <= budget, tile.node() + ": " + m4.cycles(tile) + " cycles > " + budget);
    }
    assertTrue(t.program().steps().size() > p.steps().size());

    Capacitor small = Capacitor.parse("22uF", "2.4:1.8");
    Tiling.ChargeTooSmall e = assertThrows(Tiling.ChargeTooSmall.class, () -> Tiling.forCharge(p, m4, small));
    assertTrue(e.getMessage().contains("at least"), e.getMessage());
    Capacitor enough = new Capacitor(e.faradsNeeded * 1.001, 2.4, 1.8);
    Tiling.forCharge(p, m4, enough); // the capacitance the message names is enough
  }

  /**
   * A model that does not fit the target even on continuous power (DS-CNN KWS on the FR5994's 48 KB
   * below 64 KB) is refused with that TX090 first: the larger capacitor TX091 names would not help.
   */
  @Test
  void aModelTooBigForTheTargetSaysSoBeforeTheCapacitor() throws Exception {
    dev.tenax.diag.ModelRejectedException e = assertThrows(dev.tenax.diag.ModelRejectedException.class,
        () -> dev.tenax.codegen.ModelCompiler.compile(kws(), new dev.tenax.codegen.EmitOptions("kws", "msp430fr5994",
            null, "test", "kws.onnx", "0", 0, Capacitor.parse("100uF", "2.4:1.8"))));
    var d = e.diagnostics();
    assertEquals(2, d.size(), d.toString());
    assertEquals(dev.tenax.diag.Code.TX090, d.get(0).code());
    assertTrue(d.get(0).message().startsWith("even without --intermittent the model does not fit"), d.get(0).message());
    assertEquals(dev.tenax.diag.Code.TX091, d.get(1).code());
  }

  /**
   * Without a measured table the MSP430's int8 quantize, which divides in integers, is costed
   * apart from the other float work.
   */
  @Test
  void msp430QuantizeIsCostedAsItsOwnKernel() throws Exception {
    Program p = kws();
    PowerModel msp = PowerModel.of(Targets.find("msp430fr5994").orElseThrow()).perWorkOnly();
    PowerModel m4 = PowerModel.of(Targets.find("cortex-m4").orElseThrow());
    int checked = 0;
    for (Step s : p.steps()) {
      if (s.kernel().equals("tx_quantize_f32_s8")) {
        assertEquals(msp.quantizeElementCycles(), msp.cyclesPerWork(s));
        assertEquals(m4.floatElementCycles(), m4.cyclesPerWork(s), "a quantize is a float element on Cortex-M");
        checked++;
      } else if (s.kernel().contains("f32")) {
        assertEquals(msp.floatElementCycles(), msp.cyclesPerWork(s), s.kernel());
        checked++;
      }
    }
    assertTrue(checked >= 2, checked + " float calls");
    assertTrue(msp.quantizeElementCycles() < msp.floatElementCycles());
  }

  /**
   * The MSP430 costs the kernels of its measured table by their lines, doubled for the FRAM wait
   * states, with the fixed part in every tile; the others by their work.
   */
  @Test
  void msp430CostsMeasuredKernelsByTheirLines() throws Exception {
    Program p = kws();
    PowerModel msp = PowerModel.of(Targets.find("msp430fr5994").orElseThrow());
    int measured = 0;
    for (Step s : p.steps()) {
      KernelCycles.Line line = msp.measured().rows().get(s.kernel());
      if (line == null) {
        assertEquals(Math.ceil(Tiling.work(s) * msp.cyclesPerWork(s)), msp.cycles(s), s.kernel());
        continue;
      }
      measured++;
      assertEquals(Math.ceil(2 * line.cycles(s.write().elements(), s.macs())), msp.cycles(s), s.kernel());
      assertEquals(Math.ceil(2 * line.call()), msp.fixedCycles(s), s.kernel());
    }
    assertTrue(measured >= 3, measured + " measured calls");
    // a tile of a measured call pays the fixed part again: two halves cost more than the whole
    Tiling halves = Tiling.split(p, s -> Math.max(1, Tiling.work(s) / 2));
    double whole = p.steps().stream().mapToDouble(msp::cycles).sum();
    double tiled = halves.program().steps().stream().mapToDouble(msp::cycles).sum();
    assertTrue(tiled > whole, tiled + " <= " + whole);
  }

  /** DS-CNN KWS, lowered. */
  private static Program kws() throws Exception {
    return Lowering.lower(Pipeline.standard().run(ModelImporter.load(
        SharedData.require("models/mlperf-tiny-kws-dscnn-int8-qdq/kws_ref_model.onnx"), ImportOptions.defaults())),
        OperatorRegistry.standard());
  }
}
