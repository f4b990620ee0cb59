package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenax.kernels.KernelCrossCheck.Line;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResizeNearestS16Test {
  @Test
  void copiesWholePixels() {
    ResizeNearestS8.Params p = new ResizeNearestS8.Params(new int[] {1, 0}, new int[] {0, 0, 1});
    // input (1, 2, 2, 2): pixel (y, x) holds 1000 * (2y + x) and its negation minus 1
    short[] in = {0, -1, 1000, -1001, 2000, -2001, 3000, -3001};
    assertArrayEquals(new short[] {2000, -2001, 2000, -2001, 3000, -3001, 0, -1, 0, -1, 1000,
        -1001}, ResizeNearestS16.run(p, new int[] {1, 2, 2, 2}, in));
  }

  @Test
  void doublesWithTheOnnxTables() {
    // asymmetric, floor, x2 of a 1x2 row: columns 0, 0, 1, 1
    ResizeNearestS8.Params p = ResizeNearestS8.forScales(1, 2, 1, 2, "asymmetric", "floor");
    assertArrayEquals(new short[] {-32768, -32768, 32767, 32767},
        ResizeNearestS16.run(p, new int[] {1, 1, 2, 1}, new short[] {-32768, 32767}));
  }

  @Test
  void rejectsIndicesOutsideTheInput() {
    ResizeNearestS8.Params p = new ResizeNearestS8.Params(new int[] {2}, new int[] {0});
    assertThrows(IllegalArgumentException.class,
        () -> ResizeNearestS16.run(p, new int[] {1, 2, 1, 1}, new short[2]));
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_5E52L);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      int[] s = KernelCrossCheck.shape(r, 2, 6, 6, 11);
      ResizeNearestS8.Params p = ResizeNearestS8Test.randomTables(r, s);
      short[] in = RandomS16.shorts(r, (int) Shapes4.size(s));
      check.add(new Line().add(s).add(s[0], p.srcY().length, p.srcX().length, s[3])
          .vector(p.srcY()).vector(p.srcX()).add(in), ResizeNearestS16.run(p, s, in));
    }
    // C rejects what Java rejects: an index outside the input, a channel count mismatch
    check.addError(new Line().add(1, 2, 2, 1).add(1, 1, 1, 1).vector(new int[] {2})
        .vector(new int[] {0}).add(new short[4]));
    check.addError(new Line().add(1, 2, 2, 1).add(1, 1, 1, 2).vector(new int[] {0})
        .vector(new int[] {0}).add(new short[4]));
    check.check(dir, "resize_nearest_s16");
  }
}
