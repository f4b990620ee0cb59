package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.lower.Program;
import dev.tenax.lower.QuantizedIoTest;
import dev.tenax.models.ModelSpec;
import dev.tenax.quantizer.QuantMode;
import dev.tenax.testing.SharedData;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * --io=quantized on every shared model in both modes (the float models quantized as in
 * {@link HostModelsTest}): the Java evaluator gives the float32-I/O build's integers
 * ({@link QuantizedIoTest#assertComputesTheFloatBuildsIntegers}).
 */
class QuantizedIoModelsTest {
  static Stream<Arguments> cases() {
    return HostModelsTest.models().flatMap(m -> Stream.of(Arguments.of(m, QuantMode.INT8),
        Arguments.of(m, QuantMode.INT16X8)))
        .filter(a -> a.get()[1] == QuantMode.INT8 || !((ModelSpec) a.get()[0]).folder().contains("int8-qdq"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void quantizedBuildComputesTheFloatBuildsIntegers(ModelSpec spec, QuantMode mode) throws Exception {
    Program p = QuantizedIoTest.assertComputesTheFloatBuildsIntegers(HostModelsTest.quantized(
        SharedData.require("models/" + spec.folder() + "/" + spec.file()), spec, mode), spec.folder() + " " + mode);
    String label = spec.folder() + " " + mode;
    if (p.inputs().stream().anyMatch(i -> !i.type().dtype().isFloat())) {
      QUANTIZED_INPUTS.add(label);
    }
    if (p.outputs().stream().anyMatch(o -> !o.type().dtype().isFloat())) {
      QUANTIZED_OUTPUTS.add(label);
    }
  }

  private static final Set<String> QUANTIZED_INPUTS = new TreeSet<>();
  private static final Set<String> QUANTIZED_OUTPUTS = new TreeSet<>();

  /**
   * Every shared model quantizes its input first, so every build takes it quantized (outputs of a
   * float32 softmax or log-softmax stay float32; the others come quantized).
   */
  @AfterAll
  static void everyBuildTakesItsInputQuantized() {
    System.out.println("quantized inputs: " + QUANTIZED_INPUTS + "\nquantized outputs: " + QUANTIZED_OUTPUTS);
    long cases = cases().count();
    assertTrue(QUANTIZED_INPUTS.size() == cases, "builds without a quantized input: " + cases
        + " cases, quantized " + QUANTIZED_INPUTS);
  }
}
