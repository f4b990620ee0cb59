package dev.tenax.calib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.diag.UsageException;
import dev.tenax.io.Npy;
import dev.tenax.io.TensorFiles;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationDataTest {
  @TempDir
  Path dir;

  private static TensorType f32(int... shape) {
    return new TensorType(DType.FLOAT32, shape);
  }

  private static List<Tensor> all(CalibrationData d) {
    List<Tensor> out = new ArrayList<>();
    d.forEach(out::add);
    return out;
  }

  private static float[] seq(int n, float from) {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = from + i;
    }
    return f;
  }

  @Test
  void stackedNpySlicesGetTheBatchDimensionBack() throws Exception {
    Path f = dir.resolve("x.npy");
    Files.write(f, Npy.write(Tensor.ofFloats(new int[] {3, 2, 2}, seq(12, 0))));
    CalibrationData d = CalibrationData.open(f, "x", f32(1, 2, 2), SampleRange.ALL, Preprocessing.IDENTITY);
    assertEquals(3, d.size());
    List<Tensor> s = all(d);
    assertEquals(3, s.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(Tensor.ofFloats(new int[] {1, 2, 2}, seq(4, 4 * i)), s.get(i));
    }
    // Iteration can be repeated, and a sub-range starts at the right slice.
    assertEquals(s, all(d));
    CalibrationData last = CalibrationData.open(f, "x", f32(4), SampleRange.parse("2..2"), Preprocessing.IDENTITY);
    assertEquals(List.of(Tensor.ofFloats(new int[] {4}, seq(4, 8))), all(last));
  }

  @Test
  void stackedUint8NpyIsConvertedAndScaled() throws Exception {
    Path f = dir.resolve("u8.npy");
    Files.write(f, Npy.write(Tensor.ofLongs(DType.UINT8, new int[] {2, 3}, new long[] {0, 51, 255, 1, 2, 3})));
    CalibrationData d = CalibrationData.open(f, "x", f32(1, 3), SampleRange.ALL, Preprocessing.scaled(1 / 255.0));
    List<Tensor> s = all(d);
    assertArrayEquals(new float[] {0f, 0.2f, 1f}, s.get(0).floats());
    assertArrayEquals(new float[] {(float) (1 / 255.0), (float) (2 / 255.0), (float) (3 / 255.0)}, s.get(1).floats());
  }

  private Path npz(String name, String[] keys, Tensor... arrays) throws Exception {
    Path f = dir.resolve(name);
    try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(f))) {
      for (int i = 0; i < keys.length; i++) {
        zip.putNextEntry(new java.util.zip.ZipEntry(keys[i] + ".npy"));
        zip.write(Npy.write(arrays[i]));
        zip.closeEntry();
      }
    }
    return f;
  }

  /** An .npz archive (numpy.savez): the array named after the input, stacked; or the only array. */
  @Test
  void npzTakesTheArrayNamedAfterTheInputOrItsOnlyOne() throws Exception {
    Tensor other = Tensor.ofFloats(new int[] {1, 3}, new float[] {9, 9, 9});
    Tensor x = Tensor.ofLongs(DType.UINT8, new int[] {2, 3}, new long[] {0, 51, 255, 1, 2, 3});
    Path two = npz("two.npz", new String[] {"other", "x"}, other, x);
    List<Tensor> s = all(CalibrationData.open(two, "x", f32(1, 3), SampleRange.ALL, Preprocessing.scaled(1 / 255.0)));
    assertEquals(2, s.size());
    assertArrayEquals(new float[] {0f, 0.2f, 1f}, s.get(0).floats());
    Path one = npz("one.npz", new String[] {"data"}, Tensor.ofFloats(new int[] {3, 2}, seq(6, 0)));
    List<Tensor> t = all(CalibrationData.open(one, "input_1", f32(1, 2), SampleRange.ALL, Preprocessing.IDENTITY));
    assertEquals(List.of(Tensor.ofFloats(new int[] {1, 2}, seq(2, 0)), Tensor.ofFloats(new int[] {1, 2}, seq(2, 2)),
        Tensor.ofFloats(new int[] {1, 2}, seq(2, 4))), t);
    UsageException none = assertThrows(UsageException.class,
        () -> CalibrationData.open(two, "input_1", f32(1, 3), SampleRange.ALL, Preprocessing.IDENTITY));
    assertTrue(none.getMessage().contains("holds 2 arrays (other, x) and none is named after the model input "
        + "'input_1'"), none.getMessage());
  }

  @Test
  void folderOfTensorFilesIsReadInNameOrderIgnoringOtherFiles() throws Exception {
    Files.write(dir.resolve("b_1.npy"), Npy.write(Tensor.ofFloats(new int[] {2}, new float[] {3, 4})));
    Files.write(dir.resolve("a_0.pb"), TensorFiles.toPb(Tensor.ofFloats(new int[] {1, 2}, new float[] {1, 2}), "x"));
    Files.write(dir.resolve("c_2.pb"), TensorFiles.toPb(Tensor.ofFloats(new int[] {2}, new float[] {5, 6}), ""));
    Files.writeString(dir.resolve("README.txt"), "not a sample");
    CalibrationData d = CalibrationData.open(dir, "x", f32(1, 2), SampleRange.ALL, Preprocessing.IDENTITY);
    assertEquals(3, d.size());
    List<Tensor> s = all(d);
    for (int i = 0; i < 3; i++) {
      assertEquals(Tensor.ofFloats(new int[] {1, 2}, new float[] {2 * i + 1, 2 * i + 2}), s.get(i));
    }
  }

  @Test
  void aGlobTakesOnlyTheFilesItMatches() throws Exception {
    Files.write(dir.resolve("digit-0.npy"), Npy.write(Tensor.ofFloats(new int[] {1, 2}, new float[] {1, 2})));
    Files.write(dir.resolve("digit-1.npy"), Npy.write(Tensor.ofFloats(new int[] {1, 2}, new float[] {3, 4})));
    Files.write(dir.resolve("digit-0.expected.npy"), Npy.write(Tensor.ofFloats(new int[] {1, 3}, new float[] {0, 0, 1})));
    CalibrationData d = CalibrationData.open(dir.resolve("digit-?.npy"), "x", f32(1, 2), SampleRange.ALL,
        Preprocessing.IDENTITY);
    assertEquals(2, d.size());
    assertEquals(Tensor.ofFloats(new int[] {1, 2}, new float[] {3, 4}), all(d).get(1));
    UsageException none = assertThrows(UsageException.class, () -> CalibrationData.open(dir.resolve("x-*.npy"), "x",
        f32(1, 2), SampleRange.ALL, Preprocessing.IDENTITY));
    assertTrue(none.getMessage().contains("matches x-*.npy"), none.getMessage());
  }

  @Test
  void emptyFolderSaysWhatToPutThere() throws Exception {
    Files.writeString(dir.resolve("labels.txt"), "1");
    UsageException e = assertThrows(UsageException.class,
        () -> CalibrationData.open(dir, "x", f32(2), SampleRange.ALL, Preprocessing.IDENTITY));
    assertTrue(e.getMessage().contains("no .npy or .pb files"), e.getMessage());
  }

  @Test
  void preprocessingAppliesScaleThenPerChannelMeanAndStd() throws Exception {
    // Two channels of two pixels each, NCHW: channel 0 holds 10, 20; channel 1 holds 30, 40.
    Path f = dir.resolve("c.npy");
    Files.write(f, Npy.write(Tensor.ofFloats(new int[] {1, 4}, new float[] {10, 20, 30, 40})));
    Preprocessing p = Preprocessing.of(0.5, new double[] {1, 2}, new double[] {2, 4});
    Tensor t = all(CalibrationData.open(f, "x", f32(1, 2, 1, 2), SampleRange.ALL, p)).get(0);
    float[] want = {(5 - 1) / 2f, (10 - 1) / 2f, (15 - 2) / 4f, (20 - 2) / 4f};
    assertArrayEquals(want, t.floats());
    // NHWC: the channel is the last axis, so channels alternate.
    Tensor nhwc = all(CalibrationData.open(f, "x", f32(1, 1, 2, 2), SampleRange.ALL, p.withChannelAxis(-1))).get(0);
    assertArrayEquals(new float[] {(5 - 1) / 2f, (10 - 2) / 4f, (15 - 1) / 2f, (20 - 2) / 4f}, nhwc.floats());
    // A scalar mean and std apply to every element.
    Tensor s = all(CalibrationData.open(f, "x", f32(4), SampleRange.ALL, Preprocessing.of(1, new double[] {10},
        new double[] {10}))).get(0);
    assertArrayEquals(new float[] {0, 1, 2, 3}, s.floats());
  }

  @Test
  void preprocessingThatDoesNotFitTheInputIsRefusedUpFront() throws Exception {
    Path f = dir.resolve("c.npy");
    Files.write(f, Npy.write(Tensor.ofFloats(new int[] {1, 6}, seq(6, 0))));
    UsageException e = assertThrows(UsageException.class, () -> CalibrationData.open(f, "x", f32(1, 3, 1, 2),
        SampleRange.ALL, Preprocessing.of(1, new double[] {1, 2}, new double[] {1})));
    assertTrue(e.getMessage().contains("3 channels"), e.getMessage());
    UsageException zero = assertThrows(UsageException.class, () -> CalibrationData.open(f, "x", f32(6),
        SampleRange.ALL, Preprocessing.of(1, new double[] {0}, new double[] {0})));
    assertTrue(zero.getMessage().contains("non-zero"), zero.getMessage());
  }

  @Test
  void sampleWithTheWrongElementCountIsRefusedWithBothShapes() throws Exception {
    Path f = dir.resolve("x.npy");
    Files.write(f, Npy.write(Tensor.ofFloats(new int[] {2, 5}, seq(10, 0))));
    UsageException e = assertThrows(UsageException.class,
        () -> CalibrationData.open(f, "img", f32(1, 1, 2, 2), SampleRange.ALL, Preprocessing.IDENTITY));
    assertTrue(e.getMessage().contains("5 values (shape [5])"), e.getMessage());
    assertTrue(e.getMessage().contains("'img' needs 4 (shape [1,1,2,2])"), e.getMessage());
  }

  @Test
  void aMisfitFileInAFolderSurfacesWhileIterating() throws Exception {
    Files.write(dir.resolve("0.npy"), Npy.write(Tensor.ofFloats(new int[] {2}, new float[] {1, 2})));
    Files.write(dir.resolve("1.npy"), Npy.write(Tensor.ofFloats(new int[] {3}, new float[] {1, 2, 3})));
    CalibrationData d = CalibrationData.open(dir, "x", f32(2), SampleRange.ALL, Preprocessing.IDENTITY);
    Iterator<Tensor> it = d.iterator();
    it.next();
    CalibrationData.SampleException e = assertThrows(CalibrationData.SampleException.class, it::next);
    assertTrue(e.usage().getMessage().contains("sample 1 of"), e.usage().getMessage());
    assertTrue(e.usage().getMessage().contains("3 values"), e.usage().getMessage());
  }

  @Test
  void rangesAreParsedInclusiveAndCheckedAgainstTheSource() throws Exception {
    assertEquals(new SampleRange(0, 500), SampleRange.parse("0..499"));
    assertEquals(new SampleRange(8000, -1), SampleRange.parse("8000.."));
    assertEquals(new SampleRange(7, 8), SampleRange.parse("7"));
    assertThrows(UsageException.class, () -> SampleRange.parse("5..4"));
    assertThrows(UsageException.class, () -> SampleRange.parse("a..b"));
    Path f = dir.resolve("x.npy");
    Files.write(f, Npy.write(Tensor.ofFloats(new int[] {3, 1}, seq(3, 0))));
    UsageException e = assertThrows(UsageException.class,
        () -> CalibrationData.open(f, "x", f32(1), SampleRange.parse("0..3"), Preprocessing.IDENTITY));
    assertTrue(e.getMessage().contains("beyond the 3"), e.getMessage());
  }

  @Test
  void integerInputsTakeIntegerDataUnchangedAndRefuseOverflow() throws Exception {
    Path f = dir.resolve("i.npy");
    Files.write(f, Npy.write(Tensor.ofLongs(DType.INT32, new int[] {1, 2}, new long[] {-3, 300})));
    TensorType i64 = new TensorType(DType.INT64, new int[] {2});
    assertEquals(Tensor.ofLongs(DType.INT64, new int[] {2}, new long[] {-3, 300}),
        all(CalibrationData.open(f, "ids", i64, SampleRange.ALL, Preprocessing.IDENTITY)).get(0));
    CalibrationData u8 = CalibrationData.open(f, "ids", new TensorType(DType.UINT8, new int[] {2}), SampleRange.ALL,
        Preprocessing.IDENTITY);
    assertThrows(CalibrationData.SampleException.class, () -> all(u8));
    assertThrows(UsageException.class,
        () -> CalibrationData.open(f, "ids", i64, SampleRange.ALL, Preprocessing.scaled(2)));
  }

  @Test
  void unknownFileKindsAreRefused() throws Exception {
    Path f = Files.writeString(dir.resolve("x.csv"), "1,2");
    UsageException e = assertThrows(UsageException.class,
        () -> CalibrationData.open(f, "x", f32(2), SampleRange.ALL, Preprocessing.IDENTITY));
    assertTrue(e.getMessage().contains("IDX"), e.getMessage());
  }
}
