package dev.tenax.cli;

import dev.tenax.intermittent.Capacitor;
import dev.tenax.intermittent.PowerModel;
import dev.tenax.intermittent.PowerProfileFile;
import dev.tenax.target.Targets;

import dev.tenax.codegen.CodeOptimization;
import dev.tenax.codegen.EmitOptions;
import dev.tenax.codegen.Identifiers;
import dev.tenax.codegen.ModelCompiler;
import dev.tenax.codegen.ProjectView;
import dev.tenax.diag.UsageException;
import dev.tenax.hostrun.HostBuild;
import dev.tenax.ir.Graph;
import dev.tenax.lower.InputLayout;
import dev.tenax.lower.Lowering;
import dev.tenax.lower.ModelIo;
import dev.tenax.lower.Program;
import dev.tenax.ops.OperatorRegistry;
import dev.tenax.passes.Pipeline;
import dev.tenax.quantizer.QuantMode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tenax compile}: a quantized model to a C project (and, for the host, a library). */
@Command(name = "compile", mixinStandardHelpOptions = true,
    description = "Compile an ONNX model to a C project in DIR for the host, a Cortex-M or an MSP430 target (a "
        + "float model is quantized first "
        + "with --calib; a QDQ model keeps its scales): model sources, "
        + "weights, the runtime kernels it calls, Makefile, CMakeLists.txt, memory_map.json and a "
        + "README; the project is also built: lib<name>.so for the host, <name>.elf for the "
        + "microcontrollers.")
final class CompileCommand implements Callable<Integer> {

  @Mixin
  ModelOptions modelOptions;

  @Mixin
  CalibrationOptions calibration;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true,
      description = "Directory for the project (created; generated files are replaced).")
  Path outDir;

  @Option(names = "--target", paramLabel = "TARGET", description = "What to compile for: host (default), "
      + "cortex-m0, cortex-m3, cortex-m4, cortex-m7, cortex-m33, cortex-m55 (each tied to a QEMU board), "
      + "msp430fr5994 or msp430fr5969 (run under mspdebug sim); see docs/guide/targets.md.")
  String target = "host";

  @Option(names = "--name", paramLabel = "PREFIX", description = "Prefix of every generated symbol and "
      + "file name (default: from the model file name), so that two models can share one firmware.")
  String name;

  @Option(names = "--template-dir", paramLabel = "DIR", description = "Use the templates in DIR (a copy "
      + "of templates/) instead of the built-in ones.")
  Path templateDir;

  @Option(names = "--no-build", description = "Only generate the sources; do not run make.")
  boolean noBuild;

  @Option(names = "--intermittent", description = "Build for intermittent power: split the kernel calls into "
      + "tiles that each finish on one charge of the capacitor and commit progress to NVM after each group of "
      + "consecutive tiles that fit one charge together, so <name>_resume() continues after a power failure (see "
      + "docs/intermittent.md).")
  boolean intermittent;

  @Option(names = "--capacitor", paramLabel = "C", description = "With --intermittent: the energy store, e.g. "
      + "100uF (default), 47uF, 1mF.")
  String capacitor;

  @Option(names = "--voltage", paramLabel = "VON:VOFF", description = "With --intermittent: the core turns on at "
      + "VON and browns out at VOFF volts (default 2.4:1.8).")
  String voltage;

  @Option(names = "--tile-work", paramLabel = "N", description = "With --intermittent: instead of sizing tiles from "
      + "the capacitor, bound each tile's work in multiply-accumulates (or elements written, for calls without any).")
  Long tileWork;

  @Option(names = "--commit-every-tile", description = "With --intermittent: commit progress after every tile "
      + "instead of after each group of consecutive tiles that together fit one charge (or --tile-work): more "
      + "commits, less work re-run after a failure.")
  boolean commitEveryTile;

  @Option(names = "--power-profile", paramLabel = "FILE", description = "With --intermittent: your board's measured "
      + "power numbers (key = value lines: active_ua_per_mhz, supply_volts, boot_cycles, commit_cycles, mac_cycles, "
      + "element_cycles, float_element_cycles, quantize_element_cycles; each optional) instead of the target's defaults when sizing tiles to "
      + "the capacitor; docs/guide/concepts.md says how to measure them.")
  Path powerProfile;

  @Option(names = "--io", paramLabel = "float|quantized", description = "Model inputs and outputs: float "
      + "(float32, as in the ONNX model; default) or quantized (an input the model quantizes first is passed "
      + "int8, or int16 in the 16x8 mode, and an output it dequantizes last is returned before that: no "
      + "float32 buffers or conversion steps; the scales are in <name>.h and memory_map.json).")
  String io = "float";

  @Option(names = "--input-layout", paramLabel = "model|nhwc", description = "How you pass the model's rank-4 "
      + "inputs: model (as the ONNX model declares them; default) or nhwc (an [N,C,H,W] input passed channels "
      + "last as [N,H,W,C], e.g. a camera's interleaved pixels: the kernels read it in place, so the transpose "
      + "into their layout is gone).")
  String inputLayout = "model";

  @Option(names = "--optimize", paramLabel = "speed|size", description = "Cortex-M and host: compile the "
      + "project's C for speed (-O2; default) or for size (-Os -DTX_SMALL_CODE, which also leaves out the kernels' "
      + "speed-only code: less flash for code, more instructions; docs/performance.md has the figures). MSP430 "
      + "builds choose their level by what fits the FRAM.")
  String optimize = "speed";

  @Option(names = "--in-place", paramLabel = "auto|smallest|off", description = "Continuous builds: run "
      + "calls that consume a tensor in row tiles that write their output over the rows they no longer need, "
      + "which makes the arena smaller and adds kernel calls: auto (default) only when the model does not fit the "
      + "target's SRAM otherwise, and only as far as it needs to fit; smallest for the smallest arena whatever it "
      + "costs; off never.")
  String inPlace = "auto";

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    dev.tenax.io.OutputDirectory.requireDirectory(outDir, "-o");
    if (dev.tenax.target.Targets.find(target).isEmpty()) {
      throw new UsageException("unknown --target " + target + "; available: "
          + String.join(", ", dev.tenax.target.Targets.names()));
    }
    if (templateDir != null && !Files.isDirectory(templateDir)) {
      throw new UsageException("--template-dir " + templateDir + " is not a directory");
    }
    String prefix = name != null ? name : defaultName(modelOptions.model);
    if (!Identifiers.isValidPrefix(prefix)) {
      throw new UsageException("--name " + prefix + " is not a C identifier: use letters, digits and "
          + "underscores, starting with a letter");
    }
    CodeOptimization level = CodeOptimization.parse(optimize);
    if (level == CodeOptimization.SIZE && Targets.find(target).orElseThrow().family().equals("msp430")) {
      throw new UsageException("--optimize=size is for Cortex-M and host targets: an MSP430 build links at -Os "
          + "and falls back to -Oz by itself when that overflows the FRAM ('make CFLAGS=-Oz' forces it)");
    }
    dev.tenax.codegen.InPlace inPlaceMode = dev.tenax.codegen.InPlace.parse(inPlace);
    if (intermittent && inPlaceMode == dev.tenax.codegen.InPlace.SMALLEST) {
      throw new UsageException("--in-place=smallest is for continuous builds: an intermittent build runs a group "
          + "of tiles again after a power failure, which needs its input as it was");
    }
    ModelIo boundary = ModelIo.parse(io);
    InputLayout layout = InputLayout.parse(inputLayout);
    if (!intermittent && (tileWork != null || capacitor != null || voltage != null || powerProfile != null
        || commitEveryTile)) {
      throw new UsageException("--tile-work, --capacitor, --voltage, --power-profile and --commit-every-tile need "
          + "--intermittent");
    }
    if (tileWork != null && powerProfile != null) {
      throw new UsageException("--power-profile sizes tiles to the capacitor; --tile-work bounds them directly: "
          + "give one of them");
    }
    if (tileWork != null && (tileWork < 1 || capacitor != null || voltage != null)) {
      throw new UsageException(tileWork < 1 ? "--tile-work must be at least 1"
          : "give either --tile-work or --capacitor/--voltage, not both");
    }
    Capacitor charge = intermittent && tileWork == null
        ? Capacitor.parse(capacitor == null ? "100uF" : capacitor, voltage == null ? "2.4:1.8" : voltage) : null;
    PowerModel power = powerProfile == null ? null
        : PowerProfileFile.read(powerProfile, Targets.find(target).orElseThrow());
    long start = System.nanoTime();
    Graph g = Pipeline.standard().run(modelOptions.load());
    dev.tenax.lower.KernelCoverage.require(g, OperatorRegistry.standard());
    boolean quantized = g.nodes().stream().anyMatch(n -> n.opType().equals("QuantizeLinear"));
    if (!quantized) {
      if (!calibration.given()) {
        throw new UsageException(modelOptions.model + " is a float model: pass --calib DATA (typical "
            + "inputs: a folder of .npy/.pb files, a stacked .npy or an IDX file) to quantize it to int8, "
            + "or quantize it first with 'tenax quantize'");
      }
      g = Pipeline.standard().run(calibration.quantize(g, out, err).graph());
    } else if (calibration.given()) {
      err.println("note: " + modelOptions.model + " is already quantized; --calib is ignored and its "
          + "scales are kept");
    }
    EmitOptions options = new EmitOptions(prefix, target, templateDir, Version.current(),
        modelOptions.model.getFileName().toString(), sha256(modelOptions.model),
        tileWork == null ? 0 : tileWork, charge, power, commitEveryTile, level == CodeOptimization.SIZE,
        inPlaceMode);
    ModelCompiler.Result r = ModelCompiler.compile(Lowering.lower(g, OperatorRegistry.standard(), boundary, layout),
        options);
    for (Program.Io x : r.program().inputs()) {
      int[] m = x.modelShape();
      if (x.permuted() && m[3] < m[1]) {
        err.println("note: input '" + x.name() + "' " + dev.tenax.ir.Shapes.format(m) + " looks channels last "
            + "already (its last axis is the smallest); --input-layout=nhwc takes axis 1 as the channels and "
            + "passes it as " + dev.tenax.ir.Shapes.format(x.type().shape()));
      }
    }
    if (boundary == ModelIo.QUANTIZED) {
      for (Program.Io x : r.program().inputs()) {
        if (x.type().dtype().isFloat()) {
          err.println("note: input '" + x.name() + "' stays float32: not every reader of it is a QuantizeLinear "
              + "(through reshapes and transposes) of one scale");
        }
      }
      for (Program.Io x : r.program().outputs()) {
        if (x.type().dtype().isFloat()) {
          err.println("note: output '" + x.name() + "' stays float32: the model computes it in float32 (or it is "
              + "not a DequantizeLinear of a quantized tensor in row-major order)");
        }
      }
    }
    dev.tenax.io.OutputDirectory files = ModelCompiler.output(g, r, options, outDir);
    double seconds = (System.nanoTime() - start) / 1e9;
    ProjectView v = r.view();
    out.println(CompileSummary.render(r, seconds));
    if (intermittent) {
      out.print(IntermittentSummary.render(r, options, Targets.find(target).orElseThrow()));
    }
    out.flush();
    if (!r.view().boardNote().isEmpty()) {
      err.println(r.view().boardNote());
    }
    if (noBuild) {
      files.commit();
      if (v.family().equals("msp430")) {
        out.println(CompileSummary.msp430LevelForecast(v));
      }
    } else {
      err.println("building " + outDir + " with make");
      err.flush();
      StagedBuild.Outcome built = files.commit(staged -> StagedBuild.run(staged, outDir, target, prefix));
      if (built.failure() != null) {
        err.println("wrote " + outDir + ", but it does not build:");
        throw built.failure();
      }
      if (!built.levelLine().isEmpty()) {
        out.println(built.levelLine());
      }
      out.println("built " + outDir.resolve(built.product()));
    }
    out.println("wrote " + outDir + " (" + String.join(", ", files.topLevel()) + ")");
    out.flush();
    return ExitCodes.OK;
  }

  static String defaultName(Path model) {
    String file = model.getFileName().toString().replaceFirst("\\.onnx$", "");
    String s = Identifiers.sanitize(file.toLowerCase(java.util.Locale.ROOT)).replaceAll("_+", "_")
        .replaceAll("^_|_$", "");
    return s.isEmpty() || !Character.isLetter(s.charAt(0)) ? "model" + (s.isEmpty() ? "" : "_" + s) : s;
  }

  static String sha256(Path file) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
  }
}
