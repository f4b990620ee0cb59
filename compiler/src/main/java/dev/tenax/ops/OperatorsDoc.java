package dev.tenax.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Renders {@code docs/operators.md}: every operator of {@link OperatorRegistry#standard()} and
 * whether it compiles to kernel calls, and every C kernel with the optimized variants each target
 * family gets. A test keeps the file in sync with the registry and runtime-c/.
 */
public final class OperatorsDoc {
  /** Where the optimized variants of a kernel live, and which targets use them. */
  public record VariantFolder(String folder, String usedBy) {}

  private OperatorsDoc() {}

  /**
   * @param kernels kernel file names (without .c) per folder: "src" for the portable reference
   *     and the {@code variants} folders
   */
  public static String render(Map<String, Set<String>> kernels, List<VariantFolder> variants) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Operators and kernels\n\n");
    sb.append("<!-- Generated from OperatorRegistry and runtime-c/ by\n");
    sb.append("     `mvn -q -pl compiler test -Dtest=OperatorsDocTest -Dtenax.regenerate=true`. -->\n\n");
    sb.append("Every ONNX operator Tenax reads, evaluates (float32 reference evaluator) and checks. ");
    sb.append("\"Kernel calls\" says whether `tenax compile` lowers it to C: \"yes\": to integer kernels when ");
    sb.append("its operands are quantized (int8, or int16 in 16x8 mode; the table below lists them), for some ");
    sb.append("operators to float32 kernels otherwise, or to a view (Reshape and friends cost no code). \"no\": `tenax exec` and `tenax quantize` handle it, but ");
    sb.append("`tenax compile` refuses it (TX080) unless the graph passes remove it: constant folding (shape ");
    sb.append("arithmetic on constants), BatchNormalization into the convolution before it (or a depthwise ");
    sb.append("convolution), Identity and Dropout removed, MatMul+Add fused to Gemm. What runs ");
    sb.append("how on your model: `tenax compile` prints every kernel call and the nodes that fall back to ");
    sb.append("float32. Conformance against the ONNX test cases: [conformance.md](conformance.md).\n\n");
    sb.append("| Operator | Domain | Opset from | Kernel calls |\n|---|---|---:|---|\n");
    List<Operator> ops = new ArrayList<>(OperatorRegistry.standard().all());
    ops.sort(Comparator.comparing(Operator::domain).thenComparing(Operator::opType));
    for (Operator op : ops) {
      sb.append("| ").append(op.opType()).append(" | ").append(op.domain().isEmpty() ? "ai.onnx" : op.domain())
          .append(" | ").append(op.minOpset()).append(" | ").append(dev.tenax.lower.KernelCoverage.hasKernels(op) ? "yes" : "no").append(" |\n");
    }
    sb.append("\n## C kernels\n\n");
    sb.append("One C99 function per kernel in `runtime-c/src` (the portable reference, bit-exact with its Java ");
    sb.append("twin in `dev.tenax.kernels`); optimized variants have the same name, signature and bits and ");
    sb.append("replace the reference on the targets listed:\n\n");
    for (VariantFolder v : variants) {
      sb.append("- `runtime-c/").append(v.folder()).append("`: ").append(v.usedBy()).append('\n');
    }
    sb.append("\n| Kernel |");
    for (VariantFolder v : variants) {
      sb.append(' ').append(v.folder()).append(" |");
    }
    sb.append("\n|---|");
    sb.append("---|".repeat(variants.size()));
    sb.append('\n');
    Map<String, Boolean> sorted = new TreeMap<>();
    for (String k : kernels.getOrDefault("src", Set.of())) {
      sorted.put(k, true);
    }
    for (String k : sorted.keySet()) {
      sb.append("| `").append(k).append("` |");
      for (VariantFolder v : variants) {
        sb.append(kernels.getOrDefault(v.folder(), Set.of()).contains(k) ? " yes |" : " |");
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
