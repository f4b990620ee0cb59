package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenax.kernels.KernelCrossCheck.Line;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PadS16Test {
  @Test
  void padsWithAnInt16Constant() {
    PadS16.Params p = new PadS16.Params(new int[] {0, 1, 0, 0}, new int[] {0, 0, 1, 0}, -30000);
    assertArrayEquals(new short[] {-30000, -30000, -30000, 1000, -2000, -30000, 32767, -32768,
        -30000}, PadS16.run(p, new int[] {1, 2, 2, 1}, new short[] {1000, -2000, 32767, -32768}));
  }

  @Test
  void padsChannelsAndCrops() {
    PadS16.Params c = new PadS16.Params(new int[] {0, 0, 0, 1}, new int[] {0, 0, 0, 2}, 300);
    assertArrayEquals(new short[] {300, 700, 800, 300, 300},
        PadS16.run(c, new int[] {1, 1, 1, 2}, new short[] {700, 800}));
    PadS16.Params crop = new PadS16.Params(new int[] {0, 0, -1, 0}, new int[] {0, 0, 1, 0}, 9);
    assertArrayEquals(new short[] {2, 3, 9},
        PadS16.run(crop, new int[] {1, 1, 3, 1}, new short[] {1, 2, 3}));
  }

  @Test
  void rejectsAPadValueOutsideInt16AndEmptyOutputs() {
    assertThrows(IllegalArgumentException.class,
        () -> new PadS16.Params(new int[4], new int[4], 32768));
    PadS16.Params empty = new PadS16.Params(new int[] {0, 0, -2, 0}, new int[] {0, 0, -1, 0}, 9);
    assertThrows(IllegalArgumentException.class,
        () -> PadS16.run(empty, new int[] {1, 1, 3, 1}, new short[] {1, 2, 3}));
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_9AD1L);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      int[][] c = PadS8Test.randomPads(r);
      int[] s = c[0];
      PadS16.Params p = new PadS16.Params(c[1], c[2], r.nextInt(1 << 16) - (1 << 15));
      short[] in = RandomS16.shorts(r, (int) Shapes4.size(s));
      check.add(new Line().add(c[1]).add(c[2]).add(p.padValue()).add(s).add(in),
          PadS16.run(p, s, in));
    }
    // C rejects what Java rejects: a pad value outside int16, an empty output
    check.addError(new Line().add(0, 0, 0, 0).add(0, 0, 0, 0).add(40000).add(1, 1, 1, 1).add(5));
    check.addError(new Line().add(0, 0, -1, 0).add(0, 0, 0, 0).add(0).add(1, 1, 1, 1).add(5));
    check.check(dir, "pad_s16");
  }
}
