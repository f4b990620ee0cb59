package dev.tenax.calib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.testing.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The real MNIST test set in ../shared/datasets/mnist, checked against the facts its README states. */
class MnistIdxTest {
  @Test
  void readsTheTestSetAsTheReadmeDescribesIt() throws Exception {
    Path mnist = SharedData.require("datasets/mnist");
    Path images = mnist.resolve("t10k-images-idx3-ubyte.gz");
    IdxFile idx = IdxFile.open(images);
    assertEquals(10000, idx.count());
    assertArrayEquals(new int[] {28, 28}, idx.itemShape());
    assertEquals(IdxFile.ElementType.UBYTE, idx.elementType());

    int[] labels = IdxFile.readLabels(mnist.resolve("t10k-labels-idx1-ubyte.gz"));
    assertEquals(10000, labels.length);
    int[] head = new int[10];
    System.arraycopy(labels, 0, head, 0, 10);
    assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, head);
    int[] perDigit = new int[10];
    for (int l : labels) {
      perDigit[l]++;
    }
    assertArrayEquals(new int[] {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009}, perDigit);
    assertEquals(60000, IdxFile.open(mnist.resolve("train-labels-idx1-ubyte.gz")).count());

    // Every image, streamed and reshaped to what an MNIST model takes: pixel min 0, max 255, mean 33.79.
    CalibrationData data = CalibrationData.open(images, "Input3", new TensorType(DType.FLOAT32, new int[] {1, 1, 28, 28}),
        SampleRange.ALL, Preprocessing.IDENTITY);
    double sum = 0;
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    int n = 0;
    for (Tensor t : data) {
      for (float v : t.floats()) {
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      n++;
    }
    assertEquals(10000, n);
    assertEquals(0f, min);
    assertEquals(255f, max);
    assertEquals(33.79, sum / (10000 * 784), 0.005);

    // The calibration split of the README: a range of images 0..7999, here the first 500, scaled to 0..1.
    CalibrationData calib = CalibrationData.open(images, "x", new TensorType(DType.FLOAT32, new int[] {1, 784}),
        SampleRange.parse("0..499"), Preprocessing.scaled(1 / 255.0));
    assertEquals(500, calib.size());
    Tensor first = calib.iterator().next();
    assertArrayEquals(new int[] {1, 784}, first.shape());
    // The first image is a 7: ink in the middle rows, blank top row.
    assertEquals(0f, first.floats()[0]);
    double ink = 0;
    for (float v : first.floats()) {
      ink = Math.max(ink, v);
    }
    assertEquals(1.0, ink, 1e-6);
  }
}
