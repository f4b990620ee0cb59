package dev.tenax.ops.tensor;

import dev.tenax.diag.Code;
import dev.tenax.ir.Shapes;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.Attrs;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.OpException;
import dev.tenax.ops.Operator;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Resize in nearest and (multi)linear mode. Opset 10 has only a scales input and behaves
 * like Upsample (asymmetric coordinates, nearest rounds down, as ONNX's own 10-to-11 version
 * converter states). From opset 11 the inputs are X, roi, scales, sizes with a choice of
 * coordinate transformation and nearest rounding; opset 18 adds axes and
 * keep_aspect_ratio_policy. Cubic mode, antialiasing and tf_crop_and_resize are not
 * implemented. Integer inputs are interpolated in double and truncated, like the reference.
 */
public final class Resize implements Operator {
  private static final Set<String> COORDINATE_MODES = Set.of("half_pixel", "half_pixel_symmetric",
      "pytorch_half_pixel", "align_corners", "asymmetric", "tf_half_pixel_for_nearest", "tf_crop_and_resize");

  @Override
  public String opType() {
    return "Resize";
  }

  /** Output shape and, per axis, the scale and unrounded resized length of the transform. */
  private record Plan(int[] out, double[] scale, double[] length, String mode, String coordinates,
      String nearestMode) {}

  private static Plan plan(NodeView n) {
    int[] in = n.type(0).shape();
    int rank = in.length;
    Attrs attrs = n.attrs();
    String mode = attrs.getChoice("mode", "nearest", Set.of("nearest", "linear", "cubic"));
    if (mode.equals("cubic")) {
      throw new OpException(Code.TX040, "Resize mode cubic is not supported",
          "use mode linear or nearest");
    }
    String coordinates = "asymmetric";
    String nearestMode = "floor";
    String policy = "stretch";
    int[] axes = IndexMaps.identity(rank);
    Tensor scales = null;
    Tensor sizes = null;
    if (n.opset() < 11) {
      scales = n.operand(1, "scales");
    } else {
      if (attrs.getInt("antialias", 0) != 0) {
        throw new OpException(Code.TX040, "Resize with antialias=1 is not supported",
            "export the model without antialiasing");
      }
      coordinates = attrs.getChoice("coordinate_transformation_mode", "half_pixel", COORDINATE_MODES);
      if (coordinates.equals("tf_crop_and_resize")) {
        throw new OpException(Code.TX040, "coordinate_transformation_mode tf_crop_and_resize is not supported",
            "crop with Slice and resize with another coordinate_transformation_mode");
      }
      nearestMode = attrs.getChoice("nearest_mode", "round_prefer_floor",
          Set.of("round_prefer_floor", "round_prefer_ceil", "floor", "ceil"));
      policy = attrs.getChoice("keep_aspect_ratio_policy", "stretch", Set.of("stretch", "not_larger", "not_smaller"));
      long[] a = attrs.getInts("axes", null);
      if (a != null) {
        axes = Operands.axes(a, rank, "axes");
      }
      // opset 11 and 12 require a scales input even when sizes are used; it is then empty
      if (n.has(2) && n.type(2).size() > 0) {
        scales = n.operand(2, "scales");
      }
      if (n.has(3) && n.type(3).size() > 0) {
        sizes = n.operand(3, "sizes");
      }
    }
    if ((scales == null) == (sizes == null)) {
      throw new OpException(scales == null ? Code.TX041 : Code.TX050,
          "Resize needs exactly one of the scales and sizes inputs");
    }
    int[] out = in.clone();
    double[] scale = new double[rank];
    double[] length = new double[rank];
    for (int d = 0; d < rank; d++) {
      scale[d] = 1;
      length[d] = in[d];
    }
    int count = scales != null ? scales.size() : sizes.size();
    if (count != axes.length) {
      throw Operands.bad((scales != null ? "scales" : "sizes") + " has " + count + " entries but "
          + axes.length + " axes are resized");
    }
    for (int a : axes) {
      if (in[a] == 0) {
        throw Operands.bad("cannot resize axis " + a + " of " + Shapes.format(in) + ": it is empty");
      }
    }
    if (scales != null) {
      if (!scales.dtype().isFloat()) {
        throw Operands.bad("scales must be float32, got " + scales.dtype());
      }
      for (int i = 0; i < count; i++) {
        double s = scales.getDouble(i);
        if (!(s > 0) || Double.isInfinite(s)) {
          throw Operands.bad("scales " + Arrays.toString(scales.toDoubles()) + " must be positive");
        }
        int a = axes[i];
        scale[a] = s;
        length[a] = s * in[a];
        out[a] = Operands.dim((long) Math.floor(length[a]), "resized length");
      }
    } else {
      long[] sz = Operands.ints(sizes, "sizes");
      for (int i = 0; i < count; i++) {
        if (sz[i] <= 0) {
          throw Operands.bad("sizes " + Arrays.toString(sz) + " must be positive");
        }
        scale[axes[i]] = (double) sz[i] / in[axes[i]];
      }
      if (policy.equals("stretch")) {
        for (int i = 0; i < count; i++) {
          out[axes[i]] = Operands.dim(sz[i], "size");
          length[axes[i]] = sz[i];
        }
      } else {
        double common = policy.equals("not_larger") ? Double.MAX_VALUE : 0;
        for (int a : axes) {
          common = policy.equals("not_larger") ? Math.min(common, scale[a]) : Math.max(common, scale[a]);
        }
        for (int a : axes) {
          scale[a] = common;
          length[a] = common * in[a];
          out[a] = Operands.dim((long) Math.floor(length[a] + 0.5), "resized length");
        }
      }
    }
    return new Plan(Operands.checkSize(out), scale, length, mode, coordinates, nearestMode);
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    return List.of(ctx.type(0).withShape(plan(NodeView.of(ctx)).out()));
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Plan p = plan(NodeView.of(ctx));
    Tensor x = ctx.input(0);
    int[] in = x.shape();
    double[][] pos = new double[in.length][];
    for (int d = 0; d < in.length; d++) {
      pos[d] = ResizeGeometry.positions(p.coordinates(), in[d], p.out()[d], p.scale()[d], p.length()[d]);
    }
    if (p.mode().equals("nearest")) {
      int[][] coords = new int[in.length][];
      for (int d = 0; d < in.length; d++) {
        coords[d] = new int[pos[d].length];
        for (int o = 0; o < coords[d].length; o++) {
          coords[d][o] = ResizeGeometry.nearest(pos[d][o], p.nearestMode(), in[d]);
        }
      }
      return List.of(Elements.take(x, p.out(), IndexMaps.separable(in, coords)));
    }
    // Multilinear interpolation is separable: one linear pass per axis gives the same weights.
    double[] data = x.toDoubles();
    int[] shape = in.clone();
    for (int d = 0; d < in.length; d++) {
      if (!isIdentity(pos[d], in[d])) {
        data = ResizeGeometry.linear(data, shape, d, pos[d]);
        shape[d] = pos[d].length;
      }
    }
    return List.of(Tensor.fromDoubles(x.dtype(), p.out(), data));
  }

  private static boolean isIdentity(double[] pos, int inLen) {
    if (pos.length != inLen) {
      return false;
    }
    for (int o = 0; o < pos.length; o++) {
      if (pos[o] != o) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean lower(dev.tenax.lower.LowerContext ctx) {
    Plan p = plan(NodeView.of(ctx));
    int[] in = ctx.inputType(0).shape();
    if (!p.mode().equals("nearest") || in.length != 4 || p.out()[0] != in[0] || p.out()[1] != in[1]
        || p.scale()[0] != 1 || p.scale()[1] != 1) {
      return false;
    }
    if (p.coordinates().equals("tf_half_pixel_for_nearest") && p.nearestMode().contains("ceil")
        && (in[0] > 1 || in[1] > 1)) {
      return false; // ONNX then shifts the unresized N and C axes too, which the kernel does not
    }
    int[] srcY = dev.tenax.kernels.ResizeNearestS8.indices(p.coordinates(), p.nearestMode(), in[2],
        p.out()[2], p.scale()[2], p.length()[2]);
    int[] srcX = dev.tenax.kernels.ResizeNearestS8.indices(p.coordinates(), p.nearestMode(), in[3],
        p.out()[3], p.scale()[3], p.length()[3]);
    return dev.tenax.lower.ShapeKernels.resizeNearest(ctx, srcY, srcX);
  }
}
