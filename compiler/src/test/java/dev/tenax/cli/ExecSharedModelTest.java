package dev.tenax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.io.Npy;
import dev.tenax.ir.Tensor;
import dev.tenax.oracle.OnnxRuntimeOracle;
import dev.tenax.testing.SharedData;
import dev.tenax.testing.Tolerance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real model through the command line, as a user runs it: `tenax exec` against ONNX Runtime. */
class ExecSharedModelTest {
  @TempDir
  Path tmp;

  @Test
  void execOnTheAlibabaKwsModelMatchesOnnxRuntime() throws Exception {
    Path dir = SharedData.require("models/mlperf-tiny-open-alibaba-kws");
    Tensor x;
    Path npz = dir.resolve("sample_input.npz");
    try (var in = Files.newInputStream(npz)) {
      x = Npy.readNpz(in).get("x_0");
    }
    Path out = tmp.resolve("out");
    Path model = dir.resolve("model_kws.onnx");
    // The archive's key "x_0" stands for the input "x:0" (numpy keys cannot hold ':').
    CliTest.Run r = CliTest.tenax("exec", model.toString(), "--input", npz.toString(), "-o", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("evaluating"), r.err());
    Map<String, Tensor> expected = OnnxRuntimeOracle.run(model, Map.of("x:0", x));
    for (Map.Entry<String, Tensor> e : expected.entrySet()) {
      Path file = out.resolve(dev.tenax.io.OutputDirectory.safeFileName(e.getKey()) + ".npy");
      assertTrue(r.out().contains(e.getKey() + ": float32"), r.out());
      assertNull(Tolerance.FLOAT32.compare(Npy.read(Files.readAllBytes(file)), e.getValue()));
    }
  }
}
