package dev.tenax.ops.tensor;

import dev.tenax.diag.Code;
import dev.tenax.ir.Tensor;
import dev.tenax.ir.TensorType;
import dev.tenax.ops.EvalContext;
import dev.tenax.ops.OpContext;
import dev.tenax.ops.OpException;
import dev.tenax.ops.Operator;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Pad: adds (or, for negative amounts, crops) elements at both ends of each axis. Opset 1
 * names the amounts {@code paddings}, opset 2..10 {@code pads} (attributes, with a float
 * {@code value}); from opset 11 pads and constant_value are inputs, opset 18 adds an axes
 * input and opset 19 the wrap mode. Negative pads crop first, and reflect/edge/wrap then pad
 * relative to the cropped tensor.
 */
public final class Pad implements Operator {
  @Override
  public String opType() {
    return "Pad";
  }

  /** Per-axis input coordinates (-1 = fill) and the fill value (null = 0). */
  private record Plan(int[][] coords, Tensor fill) {}

  private static Plan plan(NodeView n) {
    TensorType x = n.type(0);
    int rank = x.rank();
    int opset = n.opset();
    Set<String> modes = opset >= 19 ? Set.of("constant", "reflect", "edge", "wrap")
        : Set.of("constant", "reflect", "edge");
    if (opset < 19 && n.attrs().getString("mode", "constant").equals("wrap")) {
      throw new OpException(Code.TX040, "mode wrap is defined from opset 19; the model imports opset " + opset,
          "re-export the model with opset 19 or newer, or use mode reflect or edge");
    }
    String mode = n.attrs().getChoice("mode", "constant", modes);
    long[] pads;
    Tensor fill = null;
    int[] axes = null;
    if (opset < 11) {
      String name = opset == 1 ? "paddings" : "pads";
      pads = n.attrs().getInts(name, null);
      if (pads == null) {
        throw Operands.missing("attribute " + name + " is required before opset 11");
      }
      float value = n.attrs().getFloat("value", 0f);
      fill = Tensor.fromDoubles(x.dtype(), new int[0], new double[] {value});
    } else {
      if (!n.has(1)) {
        throw Operands.missing("input pads is required from opset 11");
      }
      pads = Operands.ints(n.operand(1, "pads"), "pads");
      if (n.has(2) && mode.equals("constant")) {
        Tensor v = n.operand(2, "constant_value");
        if (v.dtype() != x.dtype() || v.size() != 1) {
          throw Operands.bad("constant_value must be one " + x.dtype() + " element, got " + v.type());
        }
        fill = v.reshape(new int[0]);
      }
      if (opset >= 18 && n.has(3)) {
        axes = Operands.axes(Operands.ints(n.operand(3, "axes"), "axes"), rank, "axes");
      }
    }
    if (axes == null) {
      axes = IndexMaps.identity(rank);
    }
    if (pads.length != 2 * axes.length) {
      throw Operands.bad("pads " + Arrays.toString(pads) + " must have " + 2 * axes.length
          + " entries (begin and end for each of " + axes.length + " axes)");
    }
    int[] shape = x.shape();
    int[][] coords = new int[rank][];
    for (int d = 0; d < rank; d++) {
      coords[d] = IndexMaps.identity(shape[d]);
    }
    for (int i = 0; i < axes.length; i++) {
      coords[axes[i]] = axis(shape[axes[i]], pads[i], pads[i + axes.length], mode, axes[i]);
    }
    return new Plan(coords, fill);
  }

  /** Input coordinates of one padded axis. */
  private static int[] axis(int dim, long begin, long end, String mode, int axis) {
    long lo = Math.max(0, -begin);
    long kept = dim - lo - Math.max(0, -end);
    long out = dim + begin + end;
    if (kept < 0 || out < 0) {
      throw Operands.bad("pads " + begin + ", " + end + " crop more than the " + dim
          + " elements of axis " + axis);
    }
    if (kept == 0 && out > 0 && !mode.equals("constant")) {
      throw Operands.bad("mode " + mode + " cannot pad axis " + axis + ": no elements are left to copy");
    }
    long before = Math.max(0, begin);
    int n = (int) kept;
    int[] c = new int[Operands.dim(out, "padded length")];
    for (int o = 0; o < c.length; o++) {
      long k = o - before;
      if (k >= 0 && k < n) {
        c[o] = (int) (lo + k);
      } else if (mode.equals("constant")) {
        c[o] = -1;
      } else {
        long inside = switch (mode) {
          case "edge" -> k < 0 ? 0 : n - 1;
          case "wrap" -> Math.floorMod(k, n);
          default -> reflect(k, n);
        };
        c[o] = (int) (lo + inside);
      }
    }
    return c;
  }

  /** Mirror without repeating the edge element, folded as often as needed. */
  private static long reflect(long k, int n) {
    if (n == 1) {
      return 0;
    }
    long period = 2L * (n - 1);
    long m = Math.floorMod(k, period);
    return m < n ? m : period - m;
  }

  @Override
  public List<TensorType> inferTypes(OpContext ctx) {
    Plan p = plan(NodeView.of(ctx));
    int[] out = new int[p.coords().length];
    for (int d = 0; d < out.length; d++) {
      out[d] = p.coords()[d].length;
    }
    return List.of(ctx.type(0).withShape(Operands.checkSize(out)));
  }

  @Override
  public List<Tensor> evaluate(EvalContext ctx) {
    Plan p = plan(NodeView.of(ctx));
    Tensor x = ctx.input(0);
    return List.of(Elements.take(x, ctx.outputType(0).shape(), IndexMaps.separable(x.shape(), p.coords()),
        p.fill()));
  }

  @Override
  public boolean lower(dev.tenax.lower.LowerContext ctx) {
    if (!ctx.attrs().getString("mode", "constant").equals("constant")) {
      return false;
    }
    Plan p = plan(NodeView.of(ctx));
    int rank = p.coords().length;
    int[] in = ctx.inputType(0).shape();
    int[] before = new int[rank];
    int[] after = new int[rank];
    for (int d = 0; d < rank; d++) {
      int[] c = p.coords()[d];
      int lead = 0;
      while (lead < c.length && c[lead] < 0) {
        lead++;
      }
      int trail = 0;
      while (trail < c.length - lead && c[c.length - 1 - trail] < 0) {
        trail++;
      }
      int first = lead < c.length ? c[lead] : in[d];
      int last = lead < c.length ? c[c.length - 1 - trail] : in[d] - 1;
      before[d] = lead - first;
      after[d] = trail - (in[d] - 1 - last);
    }
    float fill = p.fill() == null ? 0f : p.fill().getFloat(0);
    return dev.tenax.lower.ShapeKernels.pad(ctx, before, after, fill);
  }
}
