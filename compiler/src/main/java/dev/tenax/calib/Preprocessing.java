package dev.tenax.calib;

import dev.tenax.diag.UsageException;
import dev.tenax.ir.Shapes;
import java.util.Arrays;

/**
 * Maps raw sample values to what the model expects: {@code (x * scale - mean[c]) / std[c]},
 * where {@code mean} and {@code std} hold one value for all elements or one per channel.
 * The channel axis defaults to 1 (ONNX image models are NCHW); use -1 for NHWC inputs.
 * Arithmetic is done in double and rounded once to float32.
 */
public record Preprocessing(double scale, double[] mean, double[] std, int channelAxis) {
  public static final Preprocessing IDENTITY = new Preprocessing(1, new double[] {0}, new double[] {1}, 1);

  public Preprocessing {
    mean = mean.clone();
    std = std.clone();
    if (mean.length == 0 || std.length == 0) {
      throw new IllegalArgumentException("mean and std need at least one value");
    }
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] std() {
    return std.clone();
  }

  public static Preprocessing scaled(double scale) {
    return new Preprocessing(scale, new double[] {0}, new double[] {1}, 1);
  }

  public static Preprocessing of(double scale, double[] mean, double[] std) {
    return new Preprocessing(scale, mean, std, 1);
  }

  public Preprocessing withChannelAxis(int axis) {
    return new Preprocessing(scale, mean, std, axis);
  }

  public boolean isIdentity() {
    return scale == 1 && Arrays.stream(mean).allMatch(m -> m == 0) && Arrays.stream(std).allMatch(s -> s == 1);
  }

  /** Checks that the parameters fit samples of {@code shape}, before any sample is read. */
  public void check(int[] shape) throws UsageException {
    if (!Double.isFinite(scale)) {
      throw new UsageException("preprocessing scale must be a finite number, got " + scale);
    }
    for (double s : std) {
      if (s == 0 || !Double.isFinite(s)) {
        throw new UsageException("preprocessing std values must be finite and non-zero, got "
            + Arrays.toString(std));
      }
    }
    for (double m : mean) {
      if (!Double.isFinite(m)) {
        throw new UsageException("preprocessing mean values must be finite, got " + Arrays.toString(mean));
      }
    }
    if (mean.length == 1 && std.length == 1) {
      return;
    }
    int axis = channelAxis < 0 ? channelAxis + shape.length : channelAxis;
    if (axis < 0 || axis >= shape.length) {
      throw new UsageException("per-channel mean/std need a channel axis, but the model input has shape "
          + Shapes.format(shape) + " and the channel axis is " + channelAxis
          + "; give a single mean and std, or a channel axis within the input's rank");
    }
    int channels = shape[axis];
    for (double[] v : new double[][] {mean, std}) {
      if (v.length != 1 && v.length != channels) {
        throw new UsageException("preprocessing mean/std have " + v.length + " values, but the model input "
            + Shapes.format(shape) + " has " + channels + " channels on axis " + axis
            + "; give one value, or one per channel");
      }
    }
  }

  /** Applies the mapping to {@code x} of {@code shape} (already checked), returning new floats. */
  public float[] apply(float[] x, int[] shape) {
    float[] y = new float[x.length];
    int axis = channelAxis < 0 ? channelAxis + shape.length : channelAxis;
    boolean perChannel = mean.length > 1 || std.length > 1;
    int channels = perChannel ? shape[axis] : 1;
    int inner = 1;
    if (perChannel) {
      for (int d = axis + 1; d < shape.length; d++) {
        inner *= shape[d];
      }
    }
    for (int i = 0; i < x.length; i++) {
      int c = perChannel ? (i / inner) % channels : 0;
      double m = mean[mean.length == 1 ? 0 : c];
      double s = std[std.length == 1 ? 0 : c];
      y[i] = (float) ((x[i] * scale - m) / s);
    }
    return y;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Preprocessing p && p.scale == scale && Arrays.equals(p.mean, mean)
        && Arrays.equals(p.std, std) && p.channelAxis == channelAxis;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(scale) * 31 + Arrays.hashCode(mean) * 7 + Arrays.hashCode(std) + channelAxis;
  }

  @Override
  public String toString() {
    return "scale " + scale + ", mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std)
        + (mean.length > 1 || std.length > 1 ? ", channel axis " + channelAxis : "");
  }
}
