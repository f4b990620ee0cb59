package dev.tenax.kernels;

import dev.tenax.quant.QuantizedMultiplier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tx_fully_connected_s16} gives the bits of {@link FullyConnectedS16} on random layers. */
class FullyConnectedS16CrossCheckTest {
  private static final long SEED = 0x7E4A_F016L;

  @Test
  void cAgreesWithJavaBitForBit(@TempDir Path dir) throws IOException {
    Random r = new Random(SEED);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int k = 0; k < 600; k++) {
      int[] inShape = {1 + r.nextInt(3), 1 + r.nextInt(3), 1 + r.nextInt(3), 1 + r.nextInt(19)};
      int outF = 1 + r.nextInt(13);
      int[] outShape = {inShape[0], 1, 1, outF};
      int inF = inShape[1] * inShape[2] * inShape[3];
      short[] in = RandomS16.shorts(r, inShape[0] * inF);
      byte[] w = RandomQuant.bytes(r, outF * inF);
      long[] bias = r.nextInt(5) == 0 ? null : RandomS16.bias(r, outF);
      QuantizedMultiplier[] q = RandomS16.multipliers(r, outF, r.nextBoolean());
      int[] act = k % 50 == 31 ? new int[] {-32769, 0} : RandomS16.actRange(r); // -32769: rejected
      FullyConnectedS16.Params p = new FullyConnectedS16.Params(act[0], act[1],
          RandomS16.reduced(q), RandomQuant.shifts(q));
      if (k % 50 == 7) {
        outShape = new int[] {inShape[0] + 1, 1, 1, outF}; // an inconsistent batch count
      }
      KernelCrossCheck.Line line = new KernelCrossCheck.Line()
          .add(p.actMin(), p.actMax()).add(inShape).add(outShape).add(in).vector(w)
          .vector(bias).vector(p.multipliers()).vector(p.shifts());
      try {
        check.add(line, FullyConnectedS16.run(p, inShape, in, w, bias, outShape));
      } catch (IllegalArgumentException ex) {
        check.addError(line);
      }
    }
    check.check(dir, "fully_connected_s16");
  }
}
