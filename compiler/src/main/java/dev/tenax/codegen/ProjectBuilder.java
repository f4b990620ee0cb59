package dev.tenax.codegen;

import dev.tenax.codegen.ProjectView.BufferView;
import dev.tenax.codegen.ProjectView.ConstView;
import dev.tenax.codegen.ProjectView.FieldView;
import dev.tenax.codegen.ProjectView.IoView;
import dev.tenax.codegen.ProjectView.StepView;
import dev.tenax.lower.Buffer;
import dev.tenax.lower.CArg;
import dev.tenax.lower.ConstArray;
import dev.tenax.lower.Program;
import dev.tenax.lower.Step;
import dev.tenax.lower.View;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Builds the {@link ProjectView} of a lowered, planned program: all C text decided here. */
public final class ProjectBuilder {
  private final Program program;
  private final MemoryPlan plan;
  private final EmitOptions options;
  private final dev.tenax.target.Target target;
  private final dev.tenax.intermittent.TileGroups groups;
  private final List<ConstView> constants = new ArrayList<>();
  private final ConstPool pool;
  private final Map<String, String> constantNames = new HashMap<>();
  /** The DSP paths of the run-time parts of an intermittent build's steps. */
  private final RuntimePartPaths partPaths = new RuntimePartPaths();
  /** The arrays emitted so far with their names, searched for the slices tiles take of them. */
  private final List<Map.Entry<ConstArray, String>> emitted = new ArrayList<>();

  private ProjectBuilder(Program program, MemoryPlan plan, EmitOptions options,
      dev.tenax.intermittent.TileGroups groups) {
    this.program = program;
    this.plan = plan;
    this.options = options;
    this.target = dev.tenax.target.Targets.find(options.target()).orElseThrow();
    this.groups = groups;
    this.pool = new ConstPool(options.name());
  }

  /** The view of a program that commits after every call (or does not commit: a continuous build). */
  public static ProjectView build(Program program, MemoryPlan plan, EmitOptions options) {
    return build(program, plan, options, dev.tenax.intermittent.TileGroups.single(program.steps().size()));
  }

  /** The view of a program whose calls commit their progress in {@code groups}. */
  public static ProjectView build(Program program, MemoryPlan plan, EmitOptions options,
      dev.tenax.intermittent.TileGroups groups) {
    return new ProjectBuilder(program, plan, options, groups).build();
  }

  private ProjectView build() {
    String p = options.name();
    TreeSet<String> kernels = new TreeSet<>();
    List<StepView> steps = new ArrayList<>();
    CallSites sites = new CallSites(p);
    for (int i = 0; i < program.steps().size(); i++) {
      Step s = program.steps().get(i);
      kernels.add(s.kernel());
      KernelCall whole = call(i, s, p + "_s" + i, "step " + i + " (" + s.node() + ")");
      steps.add(new StepView(i, s.kernel(), comment(s.node()), s.macs(), s.write().elements(), whole.directLocals(), whole.directCall()));
      if (options.intermittent()) {
        sites.add(i, comment(s.node()), whole, splits(i, s, p + "_s" + i), groups.endsGroup(i));
      }
    }
    List<String> includes = new ArrayList<>();
    for (String k : kernels) {
      includes.add(k + ".h");
    }
    dev.tenax.target.Target t = target;
    List<String> sources = new ArrayList<>(RuntimeSources.forTarget(kernels, t));
    if (options.intermittent()) {
      includes.add("tx_progress.h");
      sources.addAll(RuntimeSources.INTERMITTENT);
    }
    List<BufferView> buffers = new ArrayList<>();
    for (Buffer b : program.buffers()) {
      int[] life = plan.lifetimes().get(b);
      if (life == null) {
        continue;
      }
      Long off = plan.offsets().get(b);
      buffers.add(new BufferView(b.name(), b.kind().name().toLowerCase(), off == null ? -1 : off,
          b.bytes(), b.dtype().name().toLowerCase(), life[0], life[1],
          b.quant() == null ? "" : "scale " + b.quant().scale() + ", zero point " + b.quant().zeroPoint()));
    }
    long weightBytes = constants.stream().mapToLong(ConstView::bytes).sum();
    String[] arena = arenaPlacement(t, plan.arena().arenaBytes(), options.intermittent());
    return new ProjectView(p, Identifiers.upper(p), options.version(), options.modelFile(),
        options.sha256(), options.target(), t.family(), t.isHost() ? "" : t.qemuMachine(),
        arena[0], arena[1], arena[2],
        plan.arena().arenaBytes(), Math.max(MemoryPlan.MIN_ALIGN,
            plan.arena().alignment()), plan.arena().lowerBound(), weightBytes, program.macs(),
        io(program.inputs()), io(program.outputs()), includes, constants, pool.structs(), pool.shapes(), steps,
        options.intermittent() ? sites.view() : ProjectView.CallTableView.NONE, sources, buffers, program.floatNodes(),
        options.intermittent() ? fingerprint(steps) : "",
        t.family().equals("msp430") ? dev.tenax.target.Msp430Fit.FAST : options.codeLevel(),
        kernelPaths(t), options.intermittent() ? DirectGroups.of(t, steps, groups) : List.of(),
        stackReserve(t), "");
  }

  /**
   * The stack a Cortex-M link reserves: the fit check's estimate for these calls, rounded up to the
   * 8-byte alignment the AAPCS keeps the stack at (0, the board's default, for other families).
   */
  private long stackReserve(dev.tenax.target.Target t) {
    if (!t.family().equals("cortex-m")) {
      return 0;
    }
    long bytes = StackEstimator.of(program.steps(), t, options.intermittent(), options.smallCode()).bytes();
    return (bytes + 7) / 8 * 8;
  }

  /**
   * The DSP kernels' paths this build's calls take, for tx_config.h (an intermittent build's
   * run-time halves and quarters too); none (every path compiled in) for cores without the DSP
   * kernels.
   */
  private List<DspKernelPaths.PathView> kernelPaths(dev.tenax.target.Target t) {
    if (!t.hasFeature("dsp")) {
      return List.of();
    }
    return partPaths.with(DspKernelPaths.of(program.steps()));
  }

  /**
   * What identifies this build's progress in NVM: progress left by a different model, compiler,
   * target or tiling is ignored after re-flashing (a 32-bit hash, as a C literal).
   */
  private String fingerprint(List<StepView> steps) {
    // the calls themselves, not only their number: two tilings with as many tiles (another
    // capacitor or power profile) split the work differently, and must not resume each other
    StringBuilder calls = new StringBuilder();
    for (StepView st : steps) {
      calls.append(st.call()).append('\n');
    }
    // and where the commits are: a record of one grouping means another call under another
    String id = options.sha256() + "|" + options.version() + "|" + options.target() + "|" + options.tileWork()
        + "|" + program.steps().size() + "|" + calls + (groups.allSingle() ? "" : "|groups " + groups.sizes());
    try {
      byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      long v = ((h[0] & 0xFFL) << 24) | ((h[1] & 0xFFL) << 16) | ((h[2] & 0xFFL) << 8) | (h[3] & 0xFFL);
      return String.format(java.util.Locale.ROOT, "UINT32_C(0x%08X)", v);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** Where the MSP430 harness puts the arena: place, linker section, reason. */
  private static String[] arenaPlacement(dev.tenax.target.Target t, long arenaBytes, boolean intermittent) {
    if (!t.family().equals("msp430")) {
      return new String[] {"", "", ""};
    }
    if (intermittent) {
      return new String[] {"FRAM", ".tenax_arena_fram", "an intermittent build keeps its arena in FRAM, "
          + "which survives power loss"};
    }
    long stack = dev.tenax.target.Msp430Fit.stackReserve(t);
    if (dev.tenax.target.Msp430Fit.arenaInSram(t, arenaBytes)) {
      return new String[] {"SRAM", ".tenax_arena", arenaBytes + " bytes fit in the " + t.sramBytes()
          + "-byte SRAM beside the " + stack + "-byte stack"};
    }
    return new String[] {"FRAM", ".tenax_arena_fram", arenaBytes + " bytes do not fit in the "
        + t.sramBytes() + "-byte SRAM beside the " + stack + "-byte stack"};
  }

  private List<IoView> io(List<Program.Io> list) {
    List<IoView> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Program.Io io = list.get(i);
      List<Integer> dims = Arrays.stream(io.type().shape()).boxed().toList();
      dev.tenax.lower.QuantParams q = boundaryQuant(io.buffer());
      String dtype = io.type().dtype().toString().toLowerCase();
      String ctype = switch (io.type().dtype()) {
        case INT8 -> "int8_t";
        case INT16 -> "int16_t";
        default -> "float";
      };
      out.add(new IoView(i, io.name(), Identifiers.upper(Identifiers.sanitize(io.name())), dims,
          dims.toString(), io.type().size(), io.type().bytes(),
          q == null ? "" : CLiterals.float32(q.scale()), q == null ? "" : Float.toString(q.scale()),
          q == null ? 0 : q.zeroPoint(), dtype, ctype,
          io.buffer().quant() != null, io.permuted() ? "channels last: the model's "
              + Arrays.toString(io.modelShape()) + " as N, H, W, C" : ""));
    }
    return out;
  }

  /**
   * The quantization of a quantized input or output buffer, else the one applied to an input
   * buffer or undone to produce an output buffer.
   */
  private dev.tenax.lower.QuantParams boundaryQuant(Buffer b) {
    if (b.quant() != null) {
      return b.quant();
    }
    for (Step s : program.steps()) {
      if (s instanceof dev.tenax.lower.steps.QuantizeStep q && q.in().buffer() == b) {
        return q.quant();
      }
      if (s instanceof dev.tenax.lower.steps.QuantizeTransposeStep q && q.in().buffer() == b) {
        return q.quant();
      }
      if (s instanceof dev.tenax.lower.steps.DequantizeStep d && d.out().buffer() == b) {
        return d.quant();
      }
    }
    return null;
  }

  /** Step {@code index}'s call {@code s}, its constants named after {@code prefix} unless shared. */
  private KernelCall call(int index, Step s, String prefix, String label) {
    List<KernelCall.Slot> slots = new ArrayList<>();
    List<String> locals = new ArrayList<>();
    List<String> args = new ArrayList<>();
    int shapeCount = 0;
    int inputCount = 0;
    // the operands in the format the target's kernel reads (the step's own are the specification)
    for (CArg a : CortexMFcOperands.args(s, target, Msp430FcOperands.args(s, target))) {
      if (a instanceof CArg.Struct st) {
        List<FieldView> fields = new ArrayList<>();
        for (CArg.Field f : st.fields()) {
          fields.add(new FieldView(f.name(), fieldValue(f.value(), prefix)));
        }
        String name = pool.struct(st.type(), fields, index);
        args.add(pointerSlot(slots, "params", "const " + st.type() + " *", "&" + name));
      } else if (a instanceof CArg.Shape sh) {
        String name = pool.shape(shape4(sh.dims()), 1, index);
        args.add(pointerSlot(slots, "shape" + shapeCount++, "const tx_shape4 *", "&" + name));
      } else if (a instanceof CArg.Shapes sh) {
        List<String> inits = new ArrayList<>();
        for (int[] d : sh.dims()) {
          inits.add(shape4(dev.tenax.lower.Layouts.pad4(d)));
        }
        String name = pool.shape(String.join(", ", inits), sh.dims().size(), index);
        args.add(pointerSlot(slots, "shapes", "const tx_shape4 *", name));
      } else if (a instanceof CArg.Data d) {
        args.add(dataSlot(slots, d.output() ? "output" : "input" + inputCount++, d.view(), d.output(),
            ctype(d.view().buffer())));
      } else if (a instanceof CArg.ByteData d) {
        args.add(dataSlot(slots, d.output() ? "output" : "input" + inputCount++, d.view(), d.output(), "int8_t"));
      } else if (a instanceof CArg.DataList dl) {
        String type = ctype(dl.views().get(0).buffer());
        List<String> ptrs = new ArrayList<>();
        for (View v : dl.views()) {
          ptrs.add(dataSlot(slots, "input" + inputCount++, v, false, ctype(v.buffer())));
        }
        String name = "ins" + (locals.isEmpty() ? "" : locals.size());
        locals.add("const " + type + " *const " + name + "[" + ptrs.size() + "] = {" + String.join(", ", ptrs) + "};");
        args.add(name);
      } else if (a instanceof CArg.Const c) {
        args.add(pointerSlot(slots, unique(slots, c.array().role()), "const " + c.array().type().c() + " *",
            constant(c.array(), prefix)));
      } else {
        args.add("NULL");
      }
    }
    return new KernelCall(s.kernel(), locals, args, slots, index, label);
  }

  private static String pointerSlot(List<KernelCall.Slot> slots, String name, String ctype, String value) {
    slots.add(new KernelCall.Slot(name, ctype, "%s", value, 0, ""));
    return KernelCall.placeholder(slots.size() - 1);
  }

  /** A slot name not taken yet in this call (a kernel could take two constants of one role). */
  private static String unique(List<KernelCall.Slot> slots, String name) {
    String candidate = name;
    for (int suffix = 2; taken(slots, candidate); suffix++) {
      candidate = name + suffix;
    }
    return candidate;
  }

  private static boolean taken(List<KernelCall.Slot> slots, String name) {
    return slots.stream().anyMatch(x -> x.name().equals(name));
  }

  /** Halves and quarters of a call for run-time splitting (empty levels are left out at the end). */
  private List<List<KernelCall>> splits(int index, Step s, String prefix) {
    List<List<KernelCall>> levels = new ArrayList<>();
    if (s instanceof dev.tenax.lower.Tileable t) {
      int previous = 1;
      for (int level = 1; level <= RUNTIME_SPLIT_LEVELS; level++) {
        int parts = Math.min(1 << level, t.maxTiles());
        if (parts <= previous) {
          break;
        }
        List<KernelCall> subs = new ArrayList<>();
        List<Step> tiles = t.tiles(parts);
        for (int j = 0; j < tiles.size(); j++) {
          partPaths.add(index, tiles.get(j));
          subs.add(call(index, tiles.get(j), prefix + "_h" + level + "_" + j,
              "step " + index + ", part " + (j + 1) + " of " + tiles.size()));
        }
        levels.add(subs);
        previous = parts;
      }
    }
    return levels;
  }

  /** How often a tile can be halved at run time: 2 levels, quarters at most. */
  static final int RUNTIME_SPLIT_LEVELS = 2;

  private String fieldValue(Object v, String prefix) {
    if (v instanceof ConstArray arr) {
      return constant(arr, prefix);
    }
    if (v instanceof int[] ints) {
      List<String> parts = new ArrayList<>();
      for (int x : ints) {
        parts.add(CLiterals.int32(x));
      }
      return "{" + String.join(", ", parts) + "}";
    }
    if (v instanceof Float f) {
      return CLiterals.float32(f);
    }
    return CLiterals.int32(((Number) v).longValue());
  }

  private String constant(ConstArray arr, String prefix) {
    String name = prefix + "_" + arr.role();
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < arr.length(); i++) {
      String lit = arr.type() == ConstArray.CType.FLOAT32 ? CLiterals.float32(arr.floats()[i])
          : arr.type() == ConstArray.CType.INT32 ? CLiterals.int32(arr.ints()[i])
          : arr.type() == ConstArray.CType.INT64 ? CLiterals.int64(arr.ints()[i])
          : Long.toString(arr.ints()[i]);
      line.append(lit).append(i + 1 < arr.length() ? "," : "");
      if ((i + 1) % 16 == 0 || i + 1 == arr.length()) {
        lines.add(line.toString());
        line.setLength(0);
      } else {
        line.append(' ');
      }
    }
    // Equal data is emitted once (the tiles of one call share its weights, layers may share tables).
    String key = arr.type() + "\n" + String.join("\n", lines);
    String existing = constantNames.get(key);
    if (existing != null) {
      return existing;
    }
    // A tile's rows of weights (and its multipliers, shifts, bias) are a slice of its parent's:
    // point into the parent rather than emitting the bytes again (run-time halves and quarters
    // would otherwise triple a tiled layer's weights).
    String slice = sliceOfEmitted(arr);
    if (slice != null) {
      constantNames.put(key, slice);
      return slice;
    }
    constantNames.put(key, name);
    constants.add(new ConstView(name, arr.type().c(), arr.length(), arr.bytes(), lines));
    emitted.add(Map.entry(arr, name));
    return name;
  }

  /** {@code (name + offset)} of an emitted array of the same type holding {@code arr} contiguously, else null. */
  private String sliceOfEmitted(ConstArray arr) {
    int n = arr.length();
    for (Map.Entry<ConstArray, String> e : emitted) {
      ConstArray whole = e.getKey();
      if (whole.type() != arr.type() || whole.length() <= n || n < 2) {
        continue;
      }
      boolean floats = arr.type() == ConstArray.CType.FLOAT32;
      for (int i = 0; i + n <= whole.length(); i++) {
        boolean first = floats ? Float.compare(whole.floats()[i], arr.floats()[0]) == 0
            : whole.ints()[i] == arr.ints()[0];
        // parenthesised: "first && floats ? a : b" took the int branch for float arrays (NPE)
        boolean same = first && (floats
            ? java.util.Arrays.equals(whole.floats(), i, i + n, arr.floats(), 0, n)
            : java.util.Arrays.equals(whole.ints(), i, i + n, arr.ints(), 0, n));
        if (same) {
          return i == 0 ? e.getValue() : "(" + e.getValue() + " + " + i + ")";
        }
      }
    }
    return null;
  }

  /**
   * An offset slot for a tensor's data pointer: elements into an input or output, bytes into the
   * arena. The direct form is the pointer with the offset written in.
   */
  private String dataSlot(List<KernelCall.Slot> slots, String name, View v, boolean output, String type) {
    Buffer b = v.buffer();
    String qualifier = output ? "" : "const ";
    String use;
    String direct;
    long offset;
    String about;
    switch (b.kind()) {
      case INPUT, OUTPUT -> {
        String base = "(" + qualifier + type + " *)" + (b.kind() == Buffer.Kind.INPUT ? "inputs[" : "outputs[")
            + b.ioIndex() + "]";
        offset = v.offset();
        use = "(" + base + " + %s)";
        direct = offset == 0 ? base : "(" + base + " + " + offset + ")";
        about = "elements into " + (b.kind() == Buffer.Kind.INPUT ? "inputs[" : "outputs[") + b.ioIndex() + "]";
      }
      default -> {
        offset = plan.offsets().get(b) + (long) v.offset() * b.dtype().byteSize();
        use = "(" + qualifier + type + " *)(void *)(arena + %s)";
        direct = use.formatted(offset + "u");
        about = "bytes into the arena";
      }
    }
    slots.add(new KernelCall.Slot(name, null, use, direct, offset, about));
    return KernelCall.placeholder(slots.size() - 1);
  }

  static String ctype(Buffer b) {
    return switch (b.dtype()) {
      case INT8 -> "int8_t";
      case INT16 -> "int16_t";
      case FLOAT32 -> "float";
      default -> throw new IllegalArgumentException("no C type for " + b);
    };
  }

  private static String shape4(int[] d) {
    return "{" + CLiterals.int32(d[0]) + ", " + CLiterals.int32(d[1]) + ", " + CLiterals.int32(d[2])
        + ", " + CLiterals.int32(d[3]) + "}";
  }

  /** A node name that is safe inside a C comment. */
  static String comment(String s) {
    return s.replace("*/", "* /").replace("/*", "/ *").replaceAll("[\\r\\n]", " ");
  }
}
