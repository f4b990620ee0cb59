package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.kernels.AddS8;
import dev.tenax.qemu.BareFirmware;
import dev.tenax.target.Target;
import dev.tenax.target.Targets;
import dev.tenax.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Cortex-M int8 Add kernels under QEMU, called directly with random parameters: the DSP one
 * (runtime-c/arm-dsp/src/tx_add_s8.c) on cortex-m4, the Helium one (arm-mve) on cortex-m55 and the
 * scalar one (arm-scalar) on cortex-m3 and cortex-m0.
 * Models' Adds (DspElementwiseRunTest) come with TFLite-style parameters whose input stages rarely
 * show a rounding error in the int8 output; here multipliers, shifts, offsets and activation
 * ranges span the fast paths' ranges (and, in one case in eight, leave them for the reference
 * loop), the inputs every int8 value, and element counts every residue modulo 4. Each case must
 * give AddS8's bits. Breaking either kernel's input rounding (VRMULH or SMMULR to a truncating
 * multiply) fails it.
 */
class CortexMAddRunTest {
  record Case(AddS8.Params p, byte[] in1, byte[] in2) {}

  @ParameterizedTest(name = "{0} ({1})")
  @CsvSource({"cortex-m4, arm-dsp, 51", "cortex-m55, arm-mve, 52", "cortex-m3, arm-scalar, 53",
      "cortex-m0, arm-scalar, 54"})
  void givesTheJavaBits(String target, String folder, long seed, @TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    Target t = Targets.find(target).orElseThrow();
    assertEquals(folder + "/src/tx_add_s8.c", RuntimeSources.resourcePath("tx_add_s8.c", t));
    Random r = new Random(seed);
    List<Case> cases = new ArrayList<>();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    for (int i = 0; i < 200; i++) {
      Case c = random(r, i % 8 == 7);
      cases.add(c);
      ByteBuffer head = ByteBuffer.allocate(52).order(ByteOrder.LITTLE_ENDIAN);
      AddS8.Params p = c.p();
      head.putInt(p.input1Offset()).putInt(p.input1Multiplier()).putInt(p.input1Shift())
          .putInt(p.input2Offset()).putInt(p.input2Multiplier()).putInt(p.input2Shift())
          .putInt(p.leftShift()).putInt(p.outputOffset()).putInt(p.outputMultiplier())
          .putInt(p.outputShift()).putInt(p.actMin()).putInt(p.actMax()).putInt(c.in1().length);
      file.write(head.array());
      file.write(c.in1());
      file.write(c.in2());
    }
    Files.write(dir.resolve("cases.bin"), file.toByteArray());

    ByteBuffer results = BareFirmware.runCases(t.qemuMachine(), "add_s8_cortex_m.c",
        SharedData.repoRoot().resolve("runtime-c/" + folder + "/src/tx_add_s8.c"), dir, cases.size());
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      assertEquals(0, results.getInt(), target + " case " + i + ": status");
      byte[] got = new byte[c.in1().length];
      results.get(got);
      assertArrayEquals(AddS8.run(c.p(), c.in1(), c.in2()), got, target + " case " + i + ": " + c.p());
    }
    assertEquals(0, results.remaining(), "results.bin is longer than the cases");
  }

  /**
   * Parameters inside the fast paths' ranges (input stage 2 and output stage 1 of
   * tx_arm_dsp_requant.h: left shift 20, input shifts -1 to -20, output shifts -2 to -23, half of
   * them -2 to -4, whose outputs an input stage's rounding error changes most often, any
   * multiplier of [2^30, 2^31)), or with {@code outside} an output shift of -1 or 0, which they
   * leave to the reference loop.
   */
  private static Case random(Random r, boolean outside) {
    int count = 1 + r.nextInt(r.nextBoolean() ? 8 : 300);
    int zp = -128 + r.nextInt(256);
    int lo = r.nextBoolean() ? -128 : Math.max(-128, zp);
    int hi = r.nextInt(4) == 0 ? Math.max(lo, 6 + zp / 2) : 127;
    AddS8.Params p = new AddS8.Params(-128 + r.nextInt(257), multiplier(r), -1 - r.nextInt(20),
        -128 + r.nextInt(257), multiplier(r), -1 - r.nextInt(20), AddS8.LEFT_SHIFT, zp, multiplier(r),
        outside ? -r.nextInt(2) : -2 - r.nextInt(r.nextBoolean() ? 3 : 22), lo, Math.min(127, hi));
    byte[] in1 = new byte[count];
    byte[] in2 = new byte[count];
    r.nextBytes(in1);
    r.nextBytes(in2);
    return new Case(p, in1, in2);
  }

  private static int multiplier(Random r) {
    return (1 << 30) + r.nextInt(1 << 30);
  }
}
