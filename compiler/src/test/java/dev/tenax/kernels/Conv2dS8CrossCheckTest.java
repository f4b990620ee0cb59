package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.codegen.Msp430FcOperands;
import dev.tenax.quant.QuantizedMultiplier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tx_conv2d_s8} gives the bits of {@link Conv2dS8} on random layers. */
class Conv2dS8CrossCheckTest {
  private static final long SEED = 0x7E4A_C0_2DL;

  @Test
  void cAgreesWithJavaBitForBit(@TempDir Path dir) throws IOException {
    Random r = new Random(SEED);
    KernelCrossCheck check = new KernelCrossCheck();
    int errors = 0;
    while (check.size() < 700) {
      int groups = r.nextInt(4) == 0 ? 2 + r.nextInt(2) : 1;
      // now and then a wide window: beyond the MSP430 variant's Winograd patch for large kernels
      int fc = r.nextInt(8) == 0 ? 17 + r.nextInt(8) : 1 + r.nextInt(7);
      int outC = groups * (1 + r.nextInt(6));
      RandomWindow w = RandomWindow.next(r);
      if (w == null) {
        continue;
      }
      int[] stride = w.stride();
      int[] k = w.k();
      int[] padBegin = w.padBegin();
      int batches = 1 + r.nextInt(2);
      int[] inShape = {batches, w.in()[0], w.in()[1], fc * groups};
      int[] filterShape = {outC, k[0], k[1], fc};
      int[] outShape = {batches, w.out()[0], w.out()[1], outC};
      if (check.size() % 40 == 13) {
        errors++;
        switch (r.nextInt(3)) {
          case 0 -> outShape[3] += 1;
          case 1 -> inShape[3] += 1;
          default -> outShape[1] = Math.max(0, outShape[1] - 1 - stride[0]);
        }
      }
      byte[] input = RandomQuant.bytes(r, (int) Shapes4.size(inShape));
      byte[] filter = RandomQuant.bytes(r, (int) Shapes4.size(filterShape));
      int[] bias = r.nextInt(5) == 0 ? null : RandomQuant.bias(r, outC);
      QuantizedMultiplier[] q = RandomQuant.multipliers(r, outC, r.nextInt(4) == 0);
      int[] act = RandomQuant.actRange(r);
      int outZp = r.nextInt(256) - 128;
      if (check.size() % 40 == 27) {
        errors++;
        outZp = 128; // outside int8: rejected
      }
      Conv2dS8.Params p = new Conv2dS8.Params(stride[0], stride[1], w.dilation()[0],
          w.dilation()[1], padBegin[0], padBegin[1], groups, -(r.nextInt(256) - 128), outZp,
          act[0], act[1], RandomQuant.mults(q), RandomQuant.shifts(q));
      KernelCrossCheck.Line line = new KernelCrossCheck.Line()
          .add(p.strideH(), p.strideW(), p.dilationH(), p.dilationW(), p.padTop(), p.padLeft(),
              p.groups(), p.inputOffset(), p.outputOffset(), p.actMin(), p.actMax())
          .add(inShape).add(filterShape).add(outShape).add(input).add(filter)
          .vector(bias).vector(p.multipliers()).vector(p.shifts());
      // the MSP430 hardware-multiplier variant reads Winograd's operands for windows within its
      // patch, as the compiler emits them
      int window = k[0] * k[1] * fc;
      boolean winograd = window <= Msp430FcOperands.CONV_WINDOW_MAX;
      KernelCrossCheck.Line hwmult = new KernelCrossCheck.Line()
          .add(p.strideH(), p.strideW(), p.dilationH(), p.dilationW(), p.padTop(), p.padLeft(),
              p.groups(), p.inputOffset(), p.outputOffset(), p.actMin(), p.actMax())
          .add(inShape).add(filterShape).add(outShape).add(input)
          .add(winograd ? Msp430FcOperands.weights(filter) : filter)
          .vector(winograd ? Msp430FcOperands.bias(bias, filter, window) : bias)
          .vector(p.multipliers()).vector(p.shifts());
      byte[] expected;
      try {
        expected = Conv2dS8.run(p, inShape, input, filterShape, filter, bias, outShape);
      } catch (IllegalArgumentException ex) {
        expected = null;
      }
      check.add(line, "msp430-hwmult/src", hwmult, expected);
    }
    assertTrue(errors > 10, "too few rejected shapes: " + errors);
    check.check(dir, "conv2d_s8");
  }
}
