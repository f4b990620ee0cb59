package dev.tenax.kernels;

import dev.tenax.codegen.Msp430FcOperands;
import dev.tenax.quant.QuantizedMultiplier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tx_fully_connected_s8} gives the bits of {@link FullyConnectedS8} on random layers (the
 * MSP430 hardware-multiplier variant from the operands {@link Msp430FcOperands} converts).
 */
class FullyConnectedS8CrossCheckTest {
  private static final long SEED = 0x7E4A_F0C1L;

  @Test
  void cAgreesWithJavaBitForBit(@TempDir Path dir) throws IOException {
    Random r = new Random(SEED);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int k = 0; k < 600; k++) {
      int[] inShape = {1 + r.nextInt(3), 1 + r.nextInt(3), 1 + r.nextInt(3), 1 + r.nextInt(19)};
      int outF = 1 + r.nextInt(13);
      int[] outShape = {inShape[0], 1, 1, outF};
      int inF = inShape[1] * inShape[2] * inShape[3];
      byte[] in = RandomQuant.bytes(r, inShape[0] * inF);
      byte[] w = RandomQuant.bytes(r, outF * inF);
      int[] bias = r.nextInt(5) == 0 ? null : RandomQuant.bias(r, outF);
      QuantizedMultiplier[] q = RandomQuant.multipliers(r, outF, r.nextBoolean());
      int outZp = k % 50 == 31 ? -129 : r.nextInt(256) - 128; // -129 is rejected
      int[] act = RandomQuant.actRange(r);
      FullyConnectedS8.Params p = new FullyConnectedS8.Params(-(r.nextInt(256) - 128), outZp,
          act[0], act[1], RandomQuant.mults(q), RandomQuant.shifts(q));
      if (k % 50 == 7) {
        outShape = new int[] {inShape[0] + 1, 1, 1, outF}; // an inconsistent batch count
      }
      KernelCrossCheck.Line line = new KernelCrossCheck.Line()
          .add(p.inputOffset(), p.outputOffset(), p.actMin(), p.actMax())
          .add(inShape).add(outShape).add(in).vector(w)
          .vector(bias).vector(p.multipliers()).vector(p.shifts());
      // the MSP430 hardware-multiplier variant reads Winograd's operands, as the compiler emits them
      KernelCrossCheck.Line hwmult = new KernelCrossCheck.Line()
          .add(p.inputOffset(), p.outputOffset(), p.actMin(), p.actMax())
          .add(inShape).add(outShape).add(in).vector(Msp430FcOperands.weights(w))
          .vector(Msp430FcOperands.bias(bias, w, inF)).vector(p.multipliers()).vector(p.shifts());
      byte[] expected;
      try {
        expected = FullyConnectedS8.run(p, inShape, in, w, bias, outShape);
      } catch (IllegalArgumentException ex) {
        expected = null;
      }
      check.add(line, "msp430-hwmult/src", hwmult, expected);
    }
    check.check(dir, "fully_connected_s8");
  }
}
