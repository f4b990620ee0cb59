package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenax.kernels.KernelCrossCheck.Line;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransposeS8Test {
  @Test
  void nhwcToNchw() {
    byte[] in = {0, 1, 2, 3, 4, 5, 6, 7}; // value = h * 4 + w * 2 + c
    TransposeS8.Params p = new TransposeS8.Params(new int[] {0, 3, 1, 2});
    assertArrayEquals(new byte[] {0, 2, 4, 6, 1, 3, 5, 7}, TransposeS8.run(p, new int[] {1, 2, 2, 2}, in));
  }

  @Test
  void matrixTransposeWithLeadingOnes() {
    TransposeS8.Params p = new TransposeS8.Params(new int[] {0, 1, 3, 2});
    assertArrayEquals(new byte[] {0, 3, 1, 4, 2, 5},
        TransposeS8.run(p, new int[] {1, 1, 2, 3}, new byte[] {0, 1, 2, 3, 4, 5}));
  }

  @Test
  void rejectsWhatIsNotAPermutation() {
    assertThrows(IllegalArgumentException.class, () -> new TransposeS8.Params(new int[] {0, 1, 1, 2}));
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_7A05L);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      int[] perm = {0, 1, 2, 3};
      for (int k = 3; k > 0; k--) {
        int j = r.nextInt(k + 1);
        int t = perm[k];
        perm[k] = perm[j];
        perm[j] = t;
      }
      int[] s = KernelCrossCheck.shape(r, 4, 5, 6, 7);
      byte[] in = RandomQuant.bytes(r, s[0] * s[1] * s[2] * s[3]);
      check.add(new Line().add(perm).add(s).add(in),
          TransposeS8.run(new TransposeS8.Params(perm), s, in));
    }
    check.check(dir, "transpose_s8");
  }
}
