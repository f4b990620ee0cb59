package dev.tenax.calib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.diag.UsageException;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {
  @TempDir
  Path dir;

  /** Five 2x3 "images" whose pixel k of image i is 40 * i + k + 60: above 127 from image 2 on, to catch sign bugs. */
  private static byte[] images() throws Exception {
    byte[] data = new byte[5 * 6];
    for (int i = 0; i < 5; i++) {
      for (int k = 0; k < 6; k++) {
        data[i * 6 + k] = (byte) (40 * i + k + 60);
      }
    }
    return IdxWriter.bytes(0x08, new int[] {5, 2, 3}, data);
  }

  private static float[] image(int i) {
    float[] f = new float[6];
    for (int k = 0; k < 6; k++) {
      f[k] = 40 * i + k + 60;
    }
    return f;
  }

  @Test
  void readsARangeOfUbyteImagesPlainAndGzipped() throws Exception {
    for (boolean gz : new boolean[] {false, true}) {
      Path f = IdxWriter.write(dir.resolve("t-images-idx3-ubyte" + (gz ? ".gz" : "")), images(), gz);
      IdxFile idx = IdxFile.open(f);
      assertEquals(5, idx.count());
      assertArrayEquals(new int[] {2, 3}, idx.itemShape());
      assertEquals(IdxFile.ElementType.UBYTE, idx.elementType());
      CalibrationData d = CalibrationData.open(f, "x", new TensorType(DType.FLOAT32, new int[] {1, 6}),
          SampleRange.parse("1..3"), Preprocessing.IDENTITY);
      List<Tensor> s = new ArrayList<>();
      d.forEach(s::add);
      assertEquals(3, s.size(), "gzip " + gz);
      for (int i = 0; i < 3; i++) {
        assertArrayEquals(image(i + 1), s.get(i).floats(), "gzip " + gz + " image " + (i + 1));
        assertArrayEquals(new int[] {1, 6}, s.get(i).shape());
      }
    }
  }

  @Test
  void readsLabelsAndOtherElementTypesBigEndian() throws Exception {
    Path labels = IdxWriter.write(dir.resolve("labels-idx1-ubyte.gz"),
        IdxWriter.bytes(0x08, new int[] {4}, new byte[] {7, 2, (byte) 200, 0}), true);
    assertArrayEquals(new int[] {7, 2, 200, 0}, IdxFile.readLabels(labels));
    assertArrayEquals(new int[] {2, 200}, IdxFile.readLabels(labels, SampleRange.parse("1..2")));

    ByteBuffer shorts = ByteBuffer.allocate(6).putShort((short) -2).putShort((short) 300).putShort((short) 1);
    Path s = IdxWriter.write(dir.resolve("s.idx"), IdxWriter.bytes(0x0B, new int[] {3}, shorts.array()), false);
    assertArrayEquals(new int[] {-2, 300, 1}, IdxFile.readLabels(s));

    ByteBuffer floats = ByteBuffer.allocate(8).putFloat(1.5f).putFloat(-0.25f);
    Path fl = IdxWriter.write(dir.resolve("f.idx"), IdxWriter.bytes(0x0D, new int[] {1, 2}, floats.array()), false);
    try (SampleSource.Reader r = IdxFile.open(fl).open(0)) {
      assertEquals(Tensor.ofFloats(new int[] {2}, new float[] {1.5f, -0.25f}), r.next());
    }
    UsageException e = assertThrows(UsageException.class, () -> IdxFile.readLabels(fl));
    assertTrue(e.getMessage().contains("not a label file"), e.getMessage());
  }

  @Test
  void refusesUnknownTypeCodesAndNonIdxFiles() throws Exception {
    Path bad = IdxWriter.write(dir.resolve("bad-idx3-ubyte"), IdxWriter.bytes(0x0A, new int[] {1, 1}, new byte[4]), false);
    UsageException e = assertThrows(UsageException.class, () -> IdxFile.open(bad));
    assertTrue(e.getMessage().contains("type code 0xa"), e.getMessage());
    assertTrue(e.getMessage().contains("0x08 (ubyte)"), e.getMessage());

    Path text = IdxWriter.write(dir.resolve("notes-idx3-ubyte"), "hello world, not IDX".getBytes(), false);
    assertTrue(assertThrows(UsageException.class, () -> IdxFile.open(text)).getMessage().contains("not an IDX file"));

    Path shortHeader = IdxWriter.write(dir.resolve("cut-idx3-ubyte"), new byte[] {0, 0, 8, 3, 0, 0}, false);
    assertTrue(assertThrows(UsageException.class, () -> IdxFile.open(shortHeader)).getMessage().contains("truncated"));
  }

  @Test
  void truncatedDataIsReportedPlainUpFrontAndGzippedWhileReading() throws Exception {
    byte[] full = images();
    byte[] cut = java.util.Arrays.copyOf(full, full.length - 3);
    Path plain = IdxWriter.write(dir.resolve("p-idx3-ubyte"), cut, false);
    assertTrue(assertThrows(UsageException.class, () -> IdxFile.open(plain)).getMessage().contains("truncated"));
    Path gz = IdxWriter.write(dir.resolve("g-idx3-ubyte.gz"), cut, true);
    CalibrationData d = CalibrationData.open(gz, "x", new TensorType(DType.FLOAT32, new int[] {6}), SampleRange.ALL,
        Preprocessing.IDENTITY);
    CalibrationData.SampleException e = assertThrows(CalibrationData.SampleException.class, () -> d.forEach(t -> { }));
    assertTrue(e.getMessage().contains("ends inside item 4"), e.getMessage());
  }
}
