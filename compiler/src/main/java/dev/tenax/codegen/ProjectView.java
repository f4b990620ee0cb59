package dev.tenax.codegen;

import java.util.List;

/**
 * Everything the templates print, with every number already computed (house rule 7). FreeMarker
 * reads record components as properties: {@code ${model.arenaBytes}}.
 */
/* arenaPlace, arenaSection and arenaNote: where an MSP430 harness puts the arena ("SRAM" or
   "FRAM", its linker section, and why); empty for other families. */
public record ProjectView(String name, String upperName, String version, String modelFile,
    String sha256, String target, String family, String board, String arenaPlace, String arenaSection,
    String arenaNote, long arenaBytes, int arenaAlign, long lowerBound,
    long weightBytes, long macs, List<IoView> inputs, List<IoView> outputs, List<String> includes,
    List<ConstView> constants, List<StepView> steps, List<String> runtimeSources,
    List<BufferView> buffers, List<String> floatNodes, String fingerprint) {

  /**
   * A model input or output: float32 in the ONNX model's shape. {@code scale} and
   * {@code zeroPoint} are the int8 quantization the model converts it from or to right at the
   * boundary ({@code scale} is empty when there is none), for callers that hold int8 data.
   */
  public record IoView(int index, String name, String cName, List<Integer> dims, String shape,
      int elements, long bytes, String scale, int zeroPoint) {}

  /** A constant array placed with the weights; {@code lines} hold its values, 16 per line. */
  public record ConstView(String cName, String ctype, int length, long bytes, List<String> lines) {}

  /** A kernel parameter struct: {@code static const type cName = { .field = value, ... };}. */
  public record StructView(String type, String cName, List<FieldView> fields) {}

  public record FieldView(String name, String value) {}

  /** A {@code tx_shape4} constant, or an array of them when {@code count > 1}. */
  public record ShapeView(String cName, String initializer, int count) {}

  /**
   * One kernel call: its constant declarations, local pointer arrays, and the call itself.
   */
  /**
   * One kernel call; in an intermittent build {@code splits} holds the same call split in halves
   * and in quarters (as far as it splits), which the resume code runs instead when the whole call
   * keeps failing to finish on one charge.
   */
  public record StepView(int index, String kernel, String node, long macs, List<StructView> structs,
      List<ShapeView> shapes, List<String> locals, String call, List<List<StepView>> splits) {}

  /** One planned tensor, for the memory map. */
  public record BufferView(String name, String kind, long offset, long bytes, String dtype,
      int firstStep, int lastStep, String quant) {}
}
