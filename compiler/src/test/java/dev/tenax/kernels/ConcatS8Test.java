package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenax.kernels.KernelCrossCheck.Line;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcatS8Test {
  private static final byte[] A = {1, 2};
  private static final byte[] B = {3, 4, 5, 6};

  private static byte[] concat(int axis, int[] sa, int[] sb) {
    return ConcatS8.run(new ConcatS8.Params(axis, 2), new int[][] {sa, sb}, new byte[][] {A, B});
  }

  @Test
  void interleavesAlongChannels() {
    assertArrayEquals(new byte[] {1, 3, 4, 2, 5, 6}, concat(3, new int[] {1, 1, 2, 1}, new int[] {1, 1, 2, 2}));
  }

  @Test
  void stacksAlongWidthHeightAndBatch() {
    assertArrayEquals(new byte[] {1, 3, 4, 2, 5, 6}, concat(2, new int[] {1, 2, 1, 1}, new int[] {1, 2, 2, 1}));
    assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, concat(1, new int[] {1, 1, 2, 1}, new int[] {1, 2, 2, 1}));
    assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, concat(0, new int[] {1, 1, 1, 2}, new int[] {2, 1, 1, 2}));
  }

  @Test
  void rejectsShapesThatDisagreeOutsideTheAxis() {
    assertThrows(IllegalArgumentException.class,
        () -> concat(3, new int[] {1, 2, 1, 1}, new int[] {1, 1, 2, 2}));
  }

  /** 1 to 5 random shapes that agree outside {@code axis}. */
  static int[][] randomShapes(Random r, int axis) {
    int[] base = KernelCrossCheck.shape(r, 3, 5, 5, 7);
    int[][] shapes = new int[1 + r.nextInt(5)][];
    for (int k = 0; k < shapes.length; k++) {
      shapes[k] = base.clone();
      shapes[k][axis] = 1 + r.nextInt(6);
    }
    return shapes;
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_C0CAL);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      int axis = r.nextInt(4);
      int[][] shapes = randomShapes(r, axis);
      byte[][] ins = new byte[shapes.length][];
      Line line = new Line().add(axis, shapes.length);
      for (int k = 0; k < shapes.length; k++) {
        ins[k] = RandomQuant.bytes(r, (int) Shapes4.size(shapes[k]));
        line.add(shapes[k]).add(ins[k]);
      }
      check.add(line, ConcatS8.run(new ConcatS8.Params(axis, shapes.length), shapes, ins));
    }
    check.check(dir, "concat_s8");
  }
}
