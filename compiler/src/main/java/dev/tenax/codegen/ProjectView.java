package dev.tenax.codegen;

import java.util.List;

/**
 * Everything the templates print, with every number already computed (house rule 7). FreeMarker
 * reads record components as properties: {@code ${model.arenaBytes}}.
 */
/* arenaPlace, arenaSection and arenaNote: where an MSP430 harness puts the arena ("SRAM" or
   "FRAM", its linker section, and why); empty for other families. kernelPaths: the DSP kernels'
   paths for tx_config.h (DspKernelPaths), empty when the project compiles every path.
   directGroups: an intermittent build's groups run by direct calls (DirectGroups), or none.
   stackBytes: the stack a Cortex-M link reserves, the fit check's estimate (StackEstimator), so a
   model the check accepts cannot outgrow the reserve; 0 for other families. */
public record ProjectView(String name, String upperName, String version, String modelFile,
    String sha256, String target, String family, String board, String arenaPlace, String arenaSection,
    String arenaNote, long arenaBytes, int arenaAlign, long lowerBound,
    long weightBytes, long macs, List<IoView> inputs, List<IoView> outputs, List<String> includes,
    List<ConstView> constants, List<StructView> structs, List<ShapeView> shapes, List<StepView> steps,
    CallTableView calls, List<String> runtimeSources, List<BufferView> buffers, List<String> floatNodes,
    String fingerprint, String codeOptimization, List<DspKernelPaths.PathView> kernelPaths,
    List<GroupView> directGroups, long stackBytes, String boardNote) {

  /**
   * The same project with the C optimization level the fit estimate expects an MSP430 build to
   * link at ("-Os" or "-Oz"); the Makefile decides by linking, this is the forecast without a build.
   */
  public ProjectView withCodeOptimization(String level) {
    return new ProjectView(name, upperName, version, modelFile, sha256, target, family, board, arenaPlace,
        arenaSection, arenaNote, arenaBytes, arenaAlign, lowerBound, weightBytes, macs, inputs, outputs, includes,
        constants, structs, shapes, steps, calls, runtimeSources, buffers, floatNodes, fingerprint, level,
        kernelPaths, directGroups, stackBytes, boardNote);
  }

  /**
   * The same project with the note that {@code make flash}'s default board cannot hold it
   * ({@link HardwareBoardFit}; empty when it can), for the generated README.
   */
  public ProjectView withBoardNote(String note) {
    return new ProjectView(name, upperName, version, modelFile, sha256, target, family, board, arenaPlace,
        arenaSection, arenaNote, arenaBytes, arenaAlign, lowerBound, weightBytes, macs, inputs, outputs, includes,
        constants, structs, shapes, steps, calls, runtimeSources, buffers, floatNodes, fingerprint, codeOptimization,
        kernelPaths, directGroups, stackBytes, note);
  }

  /**
   * A model input or output in the ONNX model's shape, of {@code dtype} ("float32", or "int8" or
   * "int16" for a quantized build's boundary tensors) held as C type {@code ctype}. {@code scale}
   * and {@code zeroPoint} are the quantization the model converts it from or to right at the
   * boundary, or (when {@code quantized}) the quantization it is passed in; {@code scale} (a C
   * literal; {@code scaleDecimal} the same float32 in shortest decimal form) is empty when there is
   * none. {@code layout} is empty for a tensor in the model's own layout, else how it is laid out
   * (e.g. "channels last: the model's [1, 3, 96, 96] as N, H, W, C").
   */
  public record IoView(int index, String name, String cName, List<Integer> dims, String shape,
      int elements, long bytes, String scale, String scaleDecimal, int zeroPoint, String dtype, String ctype,
      boolean quantized, String layout) {}

  /** A constant array placed with the weights; {@code lines} hold its values, 16 per line. */
  public record ConstView(String cName, String ctype, int length, long bytes, List<String> lines) {}

  /**
   * A kernel parameter struct: {@code static const type cName = { .field = value, ... };}, emitted
   * once for all calls that pass these values; {@code usedBy} names their steps.
   */
  public record StructView(String type, String cName, List<FieldView> fields, String usedBy) {}

  public record FieldView(String name, String value) {}

  /** A {@code tx_shape4} constant, or an array of them when {@code count > 1}, emitted once by value. */
  public record ShapeView(String cName, String initializer, int count, String usedBy) {}

  /** One kernel call of the program: local pointer arrays, and the call as a continuous build makes it. */
  public record StepView(int index, String kernel, String node, long macs, long elements, List<String> locals,
      String call) {}

  /**
   * A tile group an intermittent build also runs by direct calls ({@link DirectGroups}): steps
   * {@code first} to {@code end - 1}, with their calls as a continuous build makes them.
   */
  public record GroupView(int first, int end, List<StepView> steps) {}

  /**
   * An intermittent build's table-driven calls ({@link CallSites}); empty lists in a continuous
   * build. {@code siteType} and {@code rowType} are the C types of a step's site number and of its
   * first row's byte offset in the site's table.
   */
  public record CallTableView(String siteType, String rowType, List<SiteView> sites, List<StepCallView> steps) {
    public static final CallTableView NONE = new CallTableView("uint8_t", "uint16_t", List.of(), List.of());

    /** Progress commits of one uninterrupted inference: one per tile group. */
    public int commits() {
      return (int) steps.stream().filter(StepCallView::endsGroup).count();
    }
  }

  /**
   * One call site: {@code call} (with {@code locals}) reads the values that differ between its calls
   * from {@code r}, a row of {@code table} of type {@code rowType}; no table when {@code fields} is
   * empty (every call it makes is the same).
   */
  public record SiteView(int index, String kernel, String rowType, String table, String usedBy,
      List<FieldDecl> fields, List<RowView> rows, List<String> locals, String call) {}

  /** A field of a call table's row, declared; {@code about} says what an offset counts (empty for pointers). */
  public record FieldDecl(String declaration, String about) {}

  /** A row's initializer, and which call it is. */
  public record RowView(String init, String label) {}

  /**
   * Where step {@code index}'s calls are: its site, how many halves and quarters it splits into at
   * run time (0: not that far), whether the progress is committed after it ({@code endsGroup}: the
   * last call of its tile group), and its first row (the whole call; the halves and quarters follow).
   */
  public record StepCallView(int index, String node, int site, int halves, int quarters, boolean endsGroup, long row) {
    public StepCallView {
      // The step table keeps one byte for both levels: halves are always two, quarters three or four.
      if (!(halves == 0 && quarters == 0 || halves == 2 && (quarters == 0 || quarters == 3 || quarters == 4))) {
        throw new IllegalArgumentException("step " + index + ": " + halves + " halves and " + quarters + " quarters");
      }
    }

    /** The parts of the step's most split run: 0 (no run-time split), 2 (halves) or 3-4 (quarters too). */
    public int mostParts() {
      return quarters != 0 ? quarters : halves;
    }
  }

  /** One planned tensor, for the memory map. */
  public record BufferView(String name, String kind, long offset, long bytes, String dtype,
      int firstStep, int lastStep, String quant) {}
}
