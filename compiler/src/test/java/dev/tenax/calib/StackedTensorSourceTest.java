package dev.tenax.calib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.io.Npy;
import dev.tenax.ir.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A stack in memory gives the samples the same stack written as a .npy file gives. */
class StackedTensorSourceTest {
  @Test
  void givesTheSamplesOfTheSameStackAsANpyFile(@TempDir Path tmp) throws Exception {
    Tensor stack = Tensor.ofFloats(new int[] {3, 1, 2}, new float[] {1, 2, 3, 4, 5, 6});
    Path file = tmp.resolve("stack.npy");
    Files.write(file, Npy.write(stack));
    SampleSource fromFile = NpyStackSource.open(file);
    SampleSource inMemory = new StackedTensorSource(stack);
    assertEquals(fromFile.count(), inMemory.count());
    assertArrayEquals(fromFile.sampleShape(), inMemory.sampleShape());
    try (SampleSource.Reader a = fromFile.open(1); SampleSource.Reader b = inMemory.open(1)) {
      for (int i = 1; i < 3; i++) {
        Tensor want = a.next();
        Tensor got = b.next();
        assertArrayEquals(want.shape(), got.shape(), "sample " + i);
        assertArrayEquals(want.floats(), got.floats(), "sample " + i);
      }
    }
  }
}
