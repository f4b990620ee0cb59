package dev.tenax.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenax.kernels.KernelCrossCheck.Line;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcatS16Test {
  private static final short[] A = {1000, -32768};
  private static final short[] B = {3, 32767, 5, -6};

  private static short[] concat(int axis, int[] sa, int[] sb) {
    return ConcatS16.run(new ConcatS8.Params(axis, 2), new int[][] {sa, sb}, new short[][] {A, B});
  }

  @Test
  void interleavesAlongChannels() {
    assertArrayEquals(new short[] {1000, 3, 32767, -32768, 5, -6},
        concat(3, new int[] {1, 1, 2, 1}, new int[] {1, 1, 2, 2}));
  }

  @Test
  void stacksAlongHeightAndBatch() {
    assertArrayEquals(new short[] {1000, -32768, 3, 32767, 5, -6},
        concat(1, new int[] {1, 1, 2, 1}, new int[] {1, 2, 2, 1}));
    assertArrayEquals(new short[] {1000, 3, 32767, -32768, 5, -6},
        concat(2, new int[] {1, 2, 1, 1}, new int[] {1, 2, 2, 1}));
  }

  @Test
  void rejectsShapesThatDisagreeOutsideTheAxisOrMissingData() {
    assertThrows(IllegalArgumentException.class,
        () -> concat(3, new int[] {1, 2, 1, 1}, new int[] {1, 1, 2, 2}));
    assertThrows(IllegalArgumentException.class,
        () -> concat(3, new int[] {1, 1, 1, 1}, new int[] {1, 1, 1, 4}));
  }

  @Test
  void cAgreesWithJava(@TempDir Path dir) throws IOException {
    Random r = new Random(0x7E4A_C0CBL);
    KernelCrossCheck check = new KernelCrossCheck();
    for (int i = 0; i < KernelCrossCheck.CASES; i++) {
      int axis = r.nextInt(4);
      int[][] shapes = ConcatS8Test.randomShapes(r, axis);
      short[][] ins = new short[shapes.length][];
      Line line = new Line().add(axis, shapes.length);
      for (int k = 0; k < shapes.length; k++) {
        ins[k] = RandomS16.shorts(r, (int) Shapes4.size(shapes[k]));
        line.add(shapes[k]).add(ins[k]);
      }
      check.add(line, ConcatS16.run(new ConcatS8.Params(axis, shapes.length), shapes, ins));
    }
    // C rejects shapes that disagree outside the axis
    check.addError(new Line().add(3, 2).add(1, 1, 1, 1).add(7).add(1, 2, 1, 1).add(8, 9));
    check.check(dir, "concat_s16");
  }
}
