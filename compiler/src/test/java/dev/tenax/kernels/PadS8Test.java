package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenax.kernels.KernelCrossCheck.Line;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PadS8Test {
  @Test
  void padsRowsAndColumnsWithTheConstant() {
    PadS8.Params p = new PadS8.Params(new int[] {0, 1, 0, 0}, new int[] {0, 0, 1, 0}, -5);
    assertArrayEquals(new byte[] {-5, -5, -5, 1, 2, -5, 3, 4, -5},
        PadS8.run(p, new int[] {1, 2, 2, 1}, new byte[] {1, 2, 3, 4}));
  }

  @Test
  void padsChannelsAndBatch() {
    PadS8.Params c = new PadS8.Params(new int[] {0, 0, 0, 1}, new int[] {0, 0, 0, 2}, 0);
    assertArrayEquals(new byte[] {0, 7, 8, 0, 0}, PadS8.run(c, new int[] {1, 1, 1, 2}, new byte[] {7, 8}));
    PadS8.Params n = new PadS8.Params(new int[] {1, 0, 0, 0}, new int[] {0, 0, 0, 0}, 127);
    assertArrayEquals(new byte[] {127, 127, 7, 8}, PadS8.run(n, new int[] {1, 1, 1, 2}, new byte[] {7, 8}));
  }

  @Test
  void negativePadsCrop() {
    PadS8.Params p = new PadS8.Params(new int[] {0, 0, -1, 0}, new int[] {0, 0, 1, 0}, 9);
    assertArrayEquals(new byte[] {2, 3, 9}, PadS8.run(p, new int[] {1, 1, 3, 1}, new byte[] {1, 2, 3}));
    PadS8.Params empty = new PadS8.Params(new int[] {0, 0, -2, 0}, new int[] {0, 0, -1, 0}, 9);
    assertThrows(IllegalArgumentException.class,
        () -> PadS8.run(empty, new int[] {1, 1, 3, 1}, new byte[] {1, 2, 3}));
  }

  /** Random pads (-1 to 3 per side) of a random shape: {shape, before, after}, output non-empty. */
  static int[][] randomPads(Random r) {
    while (true) {
      int[] s = KernelCrossCheck.shape(r, 3, 5, 5, 7);
      int[] before = new int[4];
      int[] after = new int[4];
      boolean ok = true;
      for (int d = 0; d < 4; d++) {
        before[d] = r.nextInt(5) - 1;
        after[d] = r.nextInt(5) - 1;
        ok &= s[d] + before[d] + after[d] > 0;
      }
      if (ok) {
        return new int[][] {s, before, after};
      }
    }
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_9AD0L);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      int[][] c = randomPads(r);
      int[] s = c[0];
      PadS8.Params p = new PadS8.Params(c[1], c[2], r.nextInt(256) - 128);
      byte[] in = RandomQuant.bytes(r, s[0] * s[1] * s[2] * s[3]);
      check.add(new Line().add(c[1]).add(c[2]).add(p.padValue()).add(s).add(in),
          PadS8.run(p, s, in));
    }
    check.check(dir, "pad_s8");
  }
}
