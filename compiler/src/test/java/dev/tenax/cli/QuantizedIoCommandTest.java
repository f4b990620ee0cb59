package dev.tenax.cli;

import static dev.tenax.cli.CliTest.tenax;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.io.TensorFiles;
import dev.tenax.ir.DType;
import dev.tenax.ir.Tensor;
import dev.tenax.testing.HostGcc;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compile --io=quantized and --input-layout=nhwc, and run: int8 model inputs, quantized (and
 * transposed) from float data of the model's shape as the model would see them.
 */
class QuantizedIoCommandTest {
  @TempDir
  Path tmp;

  @Test
  void runQuantizesFloatInputsExactlyAsTheFloatBuildDoes() throws Exception {
    HostGcc.require();
    Path example = tmp.resolve("ex");
    assertEquals(0, tenax("example", "tiny-cnn", "-o", example.toString()).code());
    String model = example.resolve("model.onnx").toString();
    String calib = example.resolve("calibration.npy").toString();
    Path floats = tmp.resolve("float");
    Path ints = tmp.resolve("int8");
    CliTest.Run f = tenax("compile", model, "--calib", calib, "-o", floats.toString());
    assertEquals(0, f.code(), f.err());
    CliTest.Run q = tenax("compile", model, "--calib", calib, "--io=quantized", "-o", ints.toString());
    assertEquals(0, q.code(), q.err());
    assertTrue(q.out().matches("(?s).*\ninput '[^']+': int8\\[1,1,12,12\\] \\(scale [0-9.E-]+, zero point -?\\d+\\)\n.*"),
        q.out());
    assertTrue(f.out().matches("(?s).*\ninput '[^']+': float32\\[1,1,12,12\\]\n.*"), f.out());
    String header = Files.readString(ints.resolve("model.h"));
    assertTrue(header.contains("int8 [1, 1, 12, 12] (int8_t elements)") && header.contains("MODEL_INPUT_0_ZERO_POINT"),
        header);
    ProjectManifest m = ProjectManifest.read(ints);
    assertEquals(DType.INT8, m.inputs().values().iterator().next().dtype());

    Path input = example.resolve("input.npy");
    CliTest.Run a = tenax("run", floats.toString(), "--input", input.toString(), "-o", tmp.resolve("a").toString());
    assertEquals(0, a.code(), a.err());
    CliTest.Run b = tenax("run", ints.toString(), "--input", input.toString(), "-o", tmp.resolve("b").toString());
    assertEquals(0, b.code(), b.err());
    assertTrue(b.err().contains("float data is quantized with scale"), b.err());
    assertTrue(b.out().startsWith("probabilities: int8[1,10]"), b.out());
    sameAsDequantized(tmp.resolve("a/probabilities.npy"), tmp.resolve("b/probabilities.npy"),
        m.quantization().get("probabilities"));

    // int8 data goes in as it is
    String name = m.inputs().keySet().iterator().next();
    Tensor x = TensorFiles.read(input).tensor();
    Path int8 = tmp.resolve("x.int8.npy");
    Files.write(int8, TensorFiles.toNpy(m.inputAdapters().get(name).apply(x)));
    CliTest.Run c = tenax("run", ints.toString(), "--input", int8.toString(), "-o", tmp.resolve("c").toString());
    assertEquals(0, c.code(), c.err());
    assertArrayEquals(Files.readAllBytes(tmp.resolve("b/probabilities.npy")),
        Files.readAllBytes(tmp.resolve("c/probabilities.npy")));
    // other integer data does not
    Path int16 = tmp.resolve("x.int16.npy");
    Files.write(int16, TensorFiles.toNpy(Tensor.zeros(DType.INT16, x.shape())));
    CliTest.Run d = tenax("run", ints.toString(), "--input", int16.toString(), "-o", tmp.resolve("d").toString());
    assertEquals(2, d.code(), d.err());
    assertTrue(d.err().contains("must be int8, the file holds int16"), d.err());
    assertFalse(Files.exists(tmp.resolve("d")));
  }

  /** The float build's output is exactly the quantized build's, dequantized. */
  private static void sameAsDequantized(Path floats, Path ints, ProjectManifest.Quantization q) throws Exception {
    float[] f = TensorFiles.read(floats).tensor().floats();
    long[] i = TensorFiles.read(ints).tensor().longs();
    assertEquals(f.length, i.length);
    for (int k = 0; k < f.length; k++) {
      assertEquals(f[k], (i[k] - q.zeroPoint()) * q.scale(), 0f, "element " + k);
    }
  }

  @Test
  void anUnknownIoModeOrLayoutSaysWhichThereAre() {
    CliTest.Run r = tenax("compile", "nothing.onnx", "--io=int4", "-o", tmp.resolve("x").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--io int4: use float") && r.err().contains("or quantized"), r.err());
    CliTest.Run l = tenax("compile", "nothing.onnx", "--input-layout=chw", "-o", tmp.resolve("x").toString());
    assertEquals(2, l.code());
    assertTrue(l.err().contains("--input-layout chw: use model") && l.err().contains("or nhwc"), l.err());
  }

  /** ResNet-8's ONNX input is already [1,32,32,3]: the option would permute it again, and compile says so. */
  @Test
  void channelsLastOnAnInputThatIsAlreadyChannelsLastGetsANote() {
    String resnet = dev.tenax.testing.SharedData.require("models/mlperf-tiny-ic-resnet8-int8-qdq/resnet.onnx").toString();
    CliTest.Run r = tenax("compile", resnet, "--input-layout=nhwc", "--no-build", "-o", tmp.resolve("r").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("note: input 'input_1' [1,32,32,3] looks channels last already")
        && r.err().contains("passes it as [1,32,3,32]"), r.err());
    CliTest.Run plain = tenax("compile", resnet, "--no-build", "-o", tmp.resolve("p").toString());
    assertFalse(plain.err().contains("looks channels last"), plain.err());
  }

  /**
   * --input-layout=nhwc on MobileNet VWW for the host: the input is [1,96,96,3]; run transposes
   * (and quantizes) data of the model's shape and takes channels-last int8 data as it is, with the
   * model-layout build's bytes either way.
   */
  @Test
  void channelsLastInputsTakeInterleavedPixels() throws Exception {
    HostGcc.require();
    String vww = dev.tenax.testing.SharedData.require("models/mlperf-tiny-vww-mobilenetv1-int8-qdq/mobilenet_v1.onnx")
        .toString();
    Path planar = tmp.resolve("planar");
    Path interleaved = tmp.resolve("interleaved");
    CliTest.Run a = tenax("compile", vww, "--io=quantized", "-o", planar.toString());
    assertEquals(0, a.code(), a.err());
    CliTest.Run b = tenax("compile", vww, "--io=quantized", "--input-layout=nhwc", "-o", interleaved.toString());
    assertEquals(0, b.code(), b.err());
    assertTrue(b.out().contains("input 'input_1': int8[1,96,96,3] (scale ") && b.out().contains(
        "(channels last: the model's [1, 3, 96, 96] as N, H, W, C)"), b.out());
    assertFalse(b.out().contains("tx_transpose_s8"), b.out());

    java.util.Random r = new java.util.Random(9);
    float[] x = new float[3 * 96 * 96];
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextFloat() * 4 - 2;
    }
    Path nchw = tmp.resolve("x.npy");
    Files.write(nchw, TensorFiles.toNpy(Tensor.ofFloats(new int[] {1, 3, 96, 96}, x)));
    CliTest.Run p = tenax("run", planar.toString(), "--input", nchw.toString(), "-o", tmp.resolve("p").toString());
    assertEquals(0, p.code(), p.err());
    CliTest.Run i = tenax("run", interleaved.toString(), "--input", nchw.toString(), "-o", tmp.resolve("i").toString());
    assertEquals(0, i.code(), i.err());
    assertTrue(i.err().contains("is passed channels last as [1,96,96,3]"), i.err());
    assertArrayEquals(Files.readAllBytes(tmp.resolve("p/Identity.npy")), Files.readAllBytes(tmp.resolve("i/Identity.npy")));

    ProjectManifest m = ProjectManifest.read(interleaved);
    Tensor hwc = m.inputAdapters().get("input_1").apply(TensorFiles.read(nchw).tensor());
    assertEquals(new dev.tenax.ir.TensorType(DType.INT8, new int[] {1, 96, 96, 3}), hwc.type());
    Path int8 = tmp.resolve("x.nhwc.int8.npy");
    Files.write(int8, TensorFiles.toNpy(hwc));
    CliTest.Run j = tenax("run", interleaved.toString(), "--input", int8.toString(), "-o", tmp.resolve("j").toString());
    assertEquals(0, j.code(), j.err());
    assertArrayEquals(Files.readAllBytes(tmp.resolve("p/Identity.npy")), Files.readAllBytes(tmp.resolve("j/Identity.npy")));
  }
}
