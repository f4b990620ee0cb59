package dev.tenax.examples.sine;

import dev.tenax.calib.CalibrationData;
import dev.tenax.calib.Preprocessing;
import dev.tenax.calib.RangeCollector;
import dev.tenax.calib.SampleRange;
import dev.tenax.calib.StackedTensorSource;
import dev.tenax.diag.ModelRejectedException;
import dev.tenax.diag.UsageException;
import dev.tenax.ir.Graph;
import dev.tenax.ir.Tensor;
import dev.tenax.lower.Lowering;
import dev.tenax.lower.Program;
import dev.tenax.lower.ProgramInterpreter;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.passes.Pipeline;
import dev.tenax.quantizer.QuantMode;
import dev.tenax.quantizer.QuantizeDefaults;
import dev.tenax.quantizer.Quantizer;
import java.util.List;
import java.util.Map;

/**
 * The sine model's int8 accuracy. {@code tenax eval} measures top-1 of classifiers only, so the
 * training program measures the regression error itself: it quantizes the model as
 * {@code tenax quantize --calib samples/calibration.npy} does (int8, the default calibration
 * method) and runs the held-out grid through the Java integer evaluator, whose bits every
 * compiled build (host, Cortex-M, MSP430) reproduces.
 */
public final class SineInt8 {
  private SineInt8() {}

  /** The int8 QDQ graph, after the standard passes, as {@code tenax compile} takes it. */
  public static Graph quantized(Graph floatModel) throws UsageException {
    Graph g = Pipeline.standard().run(floatModel);
    CalibrationData data = CalibrationData.of(new StackedTensorSource(SineData.calibration()), SineOnnx.INPUT,
        g.type(SineOnnx.INPUT), SampleRange.first(Math.min(QuantizeDefaults.CALIB_COUNT, SineData.CALIBRATION)), Preprocessing.IDENTITY);
    RangeCollector rc = RangeCollector.collect(g, List.of(data), RangeCollector.Progress.NONE);
    return Pipeline.standard().run(Quantizer.quantize(g, rc.ranges(QuantizeDefaults.METHOD), QuantMode.INT8).graph());
  }

  /** The integer program the compiled C runs. */
  public static Program program(Graph quantized) throws ModelRejectedException {
    return Lowering.lower(quantized, OperatorRegistry.standard());
  }

  /** Mean absolute error of the integer program against sin on the held-out grid. */
  public static double gridError(Program p) {
    double sum = 0;
    for (float x : SineData.grid()) {
      Map<String, Tensor> y = ProgramInterpreter.run(p, Map.of(SineOnnx.INPUT, SineData.input(x)));
      sum += Math.abs(y.get(SineOnnx.OUTPUT).floats()[0] - SineData.sin(x));
    }
    return sum / SineData.GRID;
  }
}
