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

/** compile --io=quantized and run: int8 model inputs, quantized from float data as the model would. */
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
    Files.write(int8, TensorFiles.toNpy(m.inputQuantizers().get(name).apply(x)));
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
  void anUnknownIoModeSaysWhichThereAre() {
    CliTest.Run r = tenax("compile", "nothing.onnx", "--io=int4", "-o", tmp.resolve("x").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--io int4: use float") && r.err().contains("or quantized"), r.err());
  }
}
