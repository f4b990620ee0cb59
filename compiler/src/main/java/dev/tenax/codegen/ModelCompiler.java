package dev.tenax.codegen;

import dev.tenax.diag.ModelRejectedException;
import dev.tenax.diag.Code;
import dev.tenax.intermittent.Idempotence;
import dev.tenax.intermittent.PowerModel;
import dev.tenax.intermittent.TileGroups;
import dev.tenax.intermittent.Tiling;
import dev.tenax.ir.Graph;
import dev.tenax.lower.Lowering;
import dev.tenax.lower.Program;
import dev.tenax.ops.OperatorRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * From an optimized quantized graph to a generated C project: lower, plan the arena, build the
 * template views, render. The CLI's {@code compile} is a thin layer over this.
 */
public final class ModelCompiler {
  private ModelCompiler() {}

  /**
   * What a compilation produced; {@code tiling} is null for a continuous-power build, {@code groups}
   * are the calls that share a progress commit (one call each in a continuous build);
   * {@code groupsDropped}: the grouped build did not fit the target, so this one's groups are cut
   * where they would grow the arena ({@link TileGroups#within}), or, when that did not fit either,
   * it commits after every tile. {@code inPlace}: the calls of {@code untiled} (by index) that a
   * continuous build runs in place, with their numbers of row tiles ({@link InPlaceRows}; empty when
   * none). {@code inPlaceSearch}: a continuous build's in-place choices for {@code untiled} (its plain
   * plan, its smallest arena), null for an intermittent build.
   */
  public record Result(Program program, MemoryPlan plan, ProjectView view, Map<String, byte[]> files, Tiling tiling,
      Program untiled, TileGroups groups, boolean groupsDropped, Map<Integer, Integer> inPlace,
      InPlaceRows.Search inPlaceSearch) {}

  /** Compiles in memory (nothing is written). */
  public static Result compile(Graph graph, EmitOptions options) throws ModelRejectedException, IOException, dev.tenax.diag.UsageException {
    return compile(Lowering.lower(graph, OperatorRegistry.standard()), options);
  }

  /**
   * Compiles an already lowered program in memory (nothing is written). An intermittent build whose
   * groups do not fit the target (a group keeps what it read until its end, which can grow the
   * arena) is compiled again with the groups cut where they would grow the arena
   * ({@link TileGroups#within}), which needs no more memory than a commit after every tile; if that
   * does not fit either, a commit after every tile, whose diagnostics are the ones reported.
   */
  public static Result compile(Program lowered, EmitOptions options)
      throws ModelRejectedException, IOException, dev.tenax.diag.UsageException {
    try {
      return compileOnce(lowered, options, GroupPolicy.BY_WORK);
    } catch (ModelRejectedException grouped) {
      if (!options.intermittent() || options.commitEveryTile()) {
        throw grouped;
      }
      try {
        return compileOnce(lowered, options, GroupPolicy.WITHIN_MEMORY);
      } catch (ModelRejectedException within) {
        return compileOnce(lowered, options.committingEveryTile(), GroupPolicy.EVERY_TILE);
      }
    }
  }

  /**
   * How the calls are packed into groups: by work (as the options ask), also only where they cost
   * no memory, or a commit after every call.
   */
  private enum GroupPolicy { BY_WORK, WITHIN_MEMORY, EVERY_TILE }

  /**
   * TX091, and before it the TX090 of a plain build when the model does not fit the target even
   * on continuous power: a larger capacitor, which TX091 suggests, would not help then.
   */
  private static List<dev.tenax.diag.Diagnostic> chargeTooSmall(Program lowered, EmitOptions options,
      Tiling.ChargeTooSmall e) throws IOException, dev.tenax.diag.UsageException {
    List<dev.tenax.diag.Diagnostic> problems = new java.util.ArrayList<>();
    try {
      compileOnce(lowered, new EmitOptions(options.name(), options.target(), options.templateDir(), options.version(),
          options.modelFile(), options.sha256()), GroupPolicy.BY_WORK);
    } catch (ModelRejectedException plain) {
      for (dev.tenax.diag.Diagnostic d : plain.diagnostics()) {
        if (d.code() == Code.TX090) {
          problems.add(new dev.tenax.diag.Diagnostic(d.code(), d.nodeName(), d.opType(), d.opset(),
              "even without --intermittent the model does not fit: " + d.message(), d.hint()));
        }
      }
    }
    problems.add(dev.tenax.diag.Diagnostic.of(Code.TX091, e.getMessage()));
    return problems;
  }

  private static Result compileOnce(Program lowered, EmitOptions options, GroupPolicy policy)
      throws ModelRejectedException, IOException, dev.tenax.diag.UsageException {
    Tiling tiling = null;
    if (options.capacitor() != null) {
      PowerModel power = options.powerModel();
      try {
        tiling = Tiling.forCharge(lowered, power, options.capacitor());
      } catch (Tiling.ChargeTooSmall e) {
        throw new ModelRejectedException(chargeTooSmall(lowered, options, e));
      }
    } else if (options.tileWork() > 0) {
      tiling = Tiling.split(lowered, options.tileWork());
    }
    Program program = tiling != null ? tiling.program() : lowered;
    dev.tenax.target.Target target = dev.tenax.target.Targets.find(options.target()).orElseThrow();
    if (options.intermittent() && program.steps().size() > 65535) {
      throw new dev.tenax.diag.UsageException(program.steps().size() + " tiles: progress counts at most 65535; "
          + "raise --tile-work (it is " + options.tileWork() + ")");
    }
    Built b;
    boolean groupsDropped = policy != GroupPolicy.BY_WORK;
    InPlaceRows.Search search = options.intermittent() ? null : new InPlaceRows.Search(program);
    if (options.intermittent()) {
      TileGroups groups = groups(program, options);
      if (policy == GroupPolicy.WITHIN_MEMORY) {
        Program p = program;
        groups = groups.within(program, g -> MemoryPlan.of(p, g).arena().arenaBytes());
      }
      MemoryPlan plan = MemoryPlan.of(program, groups);
      checkIdempotence(program, plan, groups);
      b = build(program, plan, groups, Map.of(), options, target);
    } else {
      b = continuous(search, options, target);
    }
    if (!b.problems.isEmpty()) {
      throw new ModelRejectedException(b.problems);
    }
    ProjectView view = b.view;
    if (target.family().equals("msp430")) {
      long io = ioBytes(program);
      var code = firmwareCode(target, view);
      // the level the estimate expects, for the summary when make is not run: the Makefile links
      // at -Os and falls back to -Oz when that overflows the FRAM below 64 KB (Msp430CodeLevel)
      view = view.withCodeOptimization(dev.tenax.target.Msp430Fit.codeOptimization(target, view.weightBytes(), code,
          view.arenaBytes(), io, options.intermittent()));
    }
    view = view.withBoardNote(HardwareBoardFit.note(b.program, search, b.plan, view, options).orElse(""));
    return new Result(b.program, b.plan, view, ProjectWriter.render(view, options.templateDir()), tiling, lowered,
        b.groups, groupsDropped, b.inPlace, search);
  }

  /** A program placed and built, with what keeps it from fitting the target (empty when it fits). */
  private record Built(Program program, MemoryPlan plan, TileGroups groups, Map<Integer, Integer> inPlace,
      ProjectView view, List<dev.tenax.diag.Diagnostic> problems) {
    long arena() {
      return plan.arena().arenaBytes();
    }
  }

  private static Built build(Program program, MemoryPlan plan, TileGroups groups, Map<Integer, Integer> inPlace,
      EmitOptions options, dev.tenax.target.Target target) {
    List<String> unsafe = ArenaSafety.check(program, plan);
    if (!unsafe.isEmpty()) {
      throw new IllegalStateException("the arena placement would let a call read what another overwrote (a compiler "
          + "bug; please report it): " + unsafe);
    }
    ProjectView view = ProjectBuilder.build(program, plan, options, groups);
    return new Built(program, plan, groups, inPlace, view, fit(target, program, view, options));
  }

  /**
   * A continuous build: plain, or with calls in place ({@link InPlace}). In auto mode, when the plain
   * arena does not fit but the smallest does, the build takes the largest arena that still fits, found
   * by bisection, since a larger arena needs fewer extra kernel calls.
   */
  private static Built continuous(InPlaceRows.Search search, EmitOptions options, dev.tenax.target.Target target) {
    Program program = search.lowered();
    if (options.inPlace() == InPlace.SMALLEST) {
      return built(search.smallest(), options, target);
    }
    Built plain = build(program, search.plain(), TileGroups.single(program.steps().size()), Map.of(), options,
        target);
    if (options.inPlace() == InPlace.OFF || plain.problems.isEmpty()) {
      return plain;
    }
    Built smallest = built(search.smallest(), options, target);
    if (smallest.arena() >= plain.arena()) {
      return plain;
    }
    if (!smallest.problems.isEmpty()) {
      return smallest; // its diagnostics count the smallest arena there is
    }
    Built best = smallest;
    long fits = smallest.arena();
    long fails = plain.arena();
    while (fails - fits > 16) {
      long mid = fits + (fails - fits) / 2;
      Built b = built(search.within(mid), options, target);
      if (b.problems.isEmpty()) {
        best = b;
        fits = Math.max(mid, b.arena());
      } else {
        fails = mid;
      }
    }
    return best;
  }

  private static Built built(InPlaceRows r, EmitOptions options, dev.tenax.target.Target target) {
    return build(r.program(), r.plan(), TileGroups.single(r.program().steps().size()), r.tiled(), options, target);
  }

  private static void checkIdempotence(Program program, MemoryPlan plan, TileGroups groups) {
    List<Idempotence.Violation> v = Idempotence.check(program, plan);
    if (!v.isEmpty()) {
      throw new IllegalStateException("a tile would read what it writes, so it could not run again after a "
          + "power failure (a compiler bug; please report it): " + v);
    }
    List<Idempotence.GroupViolation> g = Idempotence.checkGroups(program, plan, groups);
    if (!g.isEmpty()) {
      throw new IllegalStateException("a group of tiles would overwrite what it read, so it could not run again "
          + "after a power failure (a compiler bug; please report it; --commit-every-tile avoids groups): " + g);
    }
  }

  /** What keeps {@code program}'s build ({@code view}) from fitting {@code target}'s memories; empty when it fits. */
  static List<dev.tenax.diag.Diagnostic> fit(dev.tenax.target.Target target, Program program, ProjectView view,
      EmitOptions options) {
    long harnessData = target.family().equals("cortex-m")
        ? dev.tenax.target.TargetFit.cortexHarnessData(program.steps().size(), options.intermittent()) : 0;
    return dev.tenax.target.TargetFit.check(target, view.weightBytes(), firmwareCode(target, view), view.arenaBytes(),
        ioBytes(program), options.intermittent(),
        StackEstimator.of(program.steps(), target, options.intermittent(), options.smallCode()), harnessData);
  }

  private static dev.tenax.target.FirmwareCode firmwareCode(dev.tenax.target.Target target, ProjectView view) {
    long generated = GeneratedCodeSize.estimate(view, target.family().equals("msp430") ? 2 : 4);
    return new dev.tenax.target.FirmwareCode(generated, view.runtimeSources());
  }

  /** The input and output tensors' bytes. */
  private static long ioBytes(Program program) {
    return ioBytes(program, x -> true);
  }

  /** The bytes of the input and output tensors {@code which} takes. */
  static long ioBytes(Program program, java.util.function.Predicate<Program.Io> which) {
    long io = 0;
    for (Program.Io x : program.inputs()) {
      io += which.test(x) ? x.type().bytes() : 0;
    }
    for (Program.Io x : program.outputs()) {
      io += which.test(x) ? x.type().bytes() : 0;
    }
    return io;
  }

  /** Which consecutive calls share a progress commit: one charge's work (or --tile-work's) each. */
  private static TileGroups groups(Program program, EmitOptions options) {
    int calls = program.steps().size();
    if (!options.intermittent() || options.commitEveryTile()) {
      return TileGroups.single(calls);
    }
    if (options.capacitor() != null) {
      return TileGroups.forCharge(program, options.powerModel(), options.capacitor());
    }
    return TileGroups.byWork(program, options.tileWork());
  }

  /**
   * Compiles and writes the project into {@code dir} (atomically: all files or none), with the
   * quantized graph as {@code <name>.qdq.onnx}.
   */
  public static Result compile(Graph graph, EmitOptions options, Path dir)
      throws ModelRejectedException, IOException, dev.tenax.diag.UsageException {
    Result r = compile(graph, options);
    output(graph, r, options, dir).commit();
    return r;
  }

  /** The project's files for {@code dir}, not written yet (the caller commits them, maybe after a build). */
  public static dev.tenax.io.OutputDirectory output(Graph graph, Result r, EmitOptions options, Path dir) {
    dev.tenax.io.OutputDirectory out = new dev.tenax.io.OutputDirectory(dir);
    r.files().forEach(out::add);
    // The quantized graph the project was generated from: 'tenax eval' lowers it again to
    // compare every layer with the float model, and users can open it in their usual tools.
    out.add(options.name() + ".qdq.onnx",
        dev.tenax.frontend.OnnxExporter.export(graph, options.version()).toByteArray());
    return out;
  }
}
