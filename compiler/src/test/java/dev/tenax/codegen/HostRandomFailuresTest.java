package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.hostrun.PowerFailureRun;
import dev.tenax.hostrun.ProjectManifest;
import dev.tenax.intermittent.PowerSchedule;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
import dev.tenax.models.ModelSpec;
import dev.tenax.testing.HostGcc;
import dev.tenax.testing.SharedData;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The host's share of the long power-failure runs (thorough profile): a thousand seeded random
 * failure points on larger shared models built for the host (ten runs of a hundred, each with its
 * own seed; the host counts events: NVM word writes and finished tiles), every run ending with the
 * Java integer evaluator's bits and one boot more than it had failures.
 */
@Tag("thorough")
class HostRandomFailuresTest {
  @ParameterizedTest(name = "{0}, tiles of {1} MACs")
  @CsvSource({"mlperf-tiny-kws-dscnn-int8-qdq, 4000", "mlperf-tiny-ic-resnet8-int8-qdq, 8000"})
  void aThousandRandomFailuresLeaveTheOutputsBitExact(String folder, long tileWork, @TempDir Path dir)
      throws Exception {
    HostGcc.require();
    ModelSpec spec = HostModelsTest.models().filter(s -> s.folder().equals(folder)).findFirst()
        .orElseThrow();
    Graph g = HostModelsTest.quantized(SharedData.require("models/" + folder + "/" + spec.file()), spec);
    ModelCompiler.Result r = ModelCompiler.compile(g, new EmitOptions("m", "host", null, "test", spec.file(), "0",
        tileWork), dir);
    Program p = r.program();
    ProjectManifest m = ProjectManifest.read(dir);
    Program.Io in = p.inputs().get(0);
    Map<String, Tensor> feed = Map.of(in.name(), HostModelsTest.random(in.type(), new Random(folder.hashCode())));
    Map<String, Tensor> want = ProgramInterpreter.run(p, feed);
    PowerFailureRun.Run plain = PowerFailureRun.uninterrupted(m, feed, 300);
    PowerFailureSweep.assertBitExact(want, plain.outputs(), folder + " without failures");
    int failures = 0;
    for (int seed = 1; seed <= 10; seed++) {
      String schedule = "random:100:" + seed;
      PowerFailureRun.Run got = PowerFailureRun.interrupted(m, feed, PowerSchedule.parse(schedule), plain.onTime(),
          300);
      assertEquals(got.failures() + 1, got.boots(), schedule + ": " + got.console());
      PowerFailureSweep.assertBitExact(want, got.outputs(), folder + " " + schedule + ", after " + got.failures()
          + " power failures");
      failures += got.failures();
    }
    assertTrue(failures >= 900, folder + ": only " + failures + " of the thousand scheduled failures fired");
  }
}
