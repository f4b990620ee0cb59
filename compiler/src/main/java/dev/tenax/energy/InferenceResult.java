package dev.tenax.energy;

import dev.tenax.ir.Tensor;
import java.util.Map;

/**
 * One simulated inference: when it started and ended (seconds of simulated time), the
 * firmware's on-time with and without power failures (its units), the power failures and boots
 * the energy model caused, which outputs equal the uninterrupted run's, its energy, and the
 * outputs the interrupted firmware wrote.
 */
public record InferenceResult(int index, int inputIndex, double startS, double endS, double onTimeS,
    long onTimeUnits, long plainUnits, int powerFailures, int boots, Map<String, Boolean> outputsCorrect,
    EnergySplit energy, Map<String, Tensor> outputs) {
  public double latencyS() {
    return endS - startS;
  }

  public double deadTimeS() {
    // an inference without failures has no dead time; the subtraction leaves rounding noise
    double d = latencyS() - onTimeS;
    return d > 1e-9 * latencyS() ? d : 0;
  }

  public boolean correct() {
    return outputsCorrect.values().stream().allMatch(b -> b);
  }
}
