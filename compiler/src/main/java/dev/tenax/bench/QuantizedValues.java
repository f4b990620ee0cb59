package dev.tenax.bench;

import dev.tenax.ir.DType;
import dev.tenax.lower.Buffer;
import dev.tenax.lower.Memory;
import dev.tenax.lower.Program;
import dev.tenax.lower.QuantParams;
import dev.tenax.lower.Step;
import dev.tenax.lower.View;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The quantized buffers of a program that stand for float values of the model, read back from
 * the integer evaluator's {@link Memory} as dequantized floats in the ONNX (logical) order.
 */
public final class QuantizedValues {
  private final Map<String, View> views;

  private QuantizedValues(Map<String, View> views) {
    this.views = views;
  }

  /**
   * The quantized arena buffers whose name is in {@code floatValues}, in step order, each with
   * the layout of the last step that writes it (the one that leaves its final contents).
   */
  public static QuantizedValues of(Program program, Set<String> floatValues) {
    Map<Buffer, View> written = new IdentityHashMap<>();
    List<Buffer> order = new ArrayList<>();
    for (Step s : program.steps()) {
      Buffer b = s.write().buffer();
      if (b.kind() == Buffer.Kind.ARENA && b.quant() != null && floatValues.contains(b.name())) {
        if (!written.containsKey(b)) {
          order.add(b);
        }
        written.put(b, s.write());
      }
    }
    Map<String, View> views = new LinkedHashMap<>();
    for (Buffer b : order) {
      views.putIfAbsent(b.name(), written.get(b));
    }
    return new QuantizedValues(views);
  }

  /** The float values covered, in the order their buffers are first written. */
  public Set<String> names() {
    return views.keySet();
  }

  /** The element count of the buffer standing for {@code name}. */
  public int elements(String name) {
    return views.get(name).buffer().elements();
  }

  /** The dequantized contents of {@code name}'s buffer, in logical row-major order. */
  public float[] dequantized(String name, Memory memory) {
    View v = views.get(name);
    QuantParams q = v.buffer().quant();
    int n = v.buffer().elements();
    float[] physical = new float[n];
    if (q.type() == DType.INT8) {
      byte[] b = memory.bytes(v);
      for (int i = 0; i < n; i++) {
        physical[i] = (b[i] - q.zeroPoint()) * q.scale();
      }
    } else {
      short[] s = memory.shorts(v);
      for (int i = 0; i < n; i++) {
        physical[i] = (s[i] - q.zeroPoint()) * q.scale();
      }
    }
    return toLogical(physical, v.shape(), v.perm());
  }

  /** Reorders {@code physical} (row-major over {@code shape}) so that it is row-major over the logical shape. */
  static float[] toLogical(float[] physical, int[] shape, int[] perm) {
    int r = shape.length;
    int[] logical = new int[r];
    for (int k = 0; k < r; k++) {
      logical[perm[k]] = shape[k];
    }
    long[] logicalStride = new long[r];
    long s = 1;
    for (int k = r - 1; k >= 0; k--) {
      logicalStride[k] = s;
      s *= logical[k];
    }
    long[] stride = new long[r];
    for (int k = 0; k < r; k++) {
      stride[k] = logicalStride[perm[k]];
    }
    float[] out = new float[physical.length];
    int[] idx = new int[r];
    long offset = 0;
    for (int i = 0; i < physical.length; i++) {
      out[(int) offset] = physical[i];
      for (int k = r - 1; k >= 0; k--) {
        idx[k]++;
        offset += stride[k];
        if (idx[k] < shape[k]) {
          break;
        }
        offset -= stride[k] * shape[k];
        idx[k] = 0;
      }
    }
    return out;
  }
}
