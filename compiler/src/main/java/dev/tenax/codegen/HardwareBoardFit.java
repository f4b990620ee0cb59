package dev.tenax.codegen;

import dev.tenax.diag.Diagnostic;
import dev.tenax.lower.Program;
import dev.tenax.target.HardwareBoard;
import dev.tenax.target.Target;
import dev.tenax.target.Targets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a Cortex-M build that fits its target (the QEMU board) also fits the real board its
 * project's {@code make flash} links for by default ({@link HardwareBoard}): MobileNet VWW with
 * float32 inputs fits mps2-an386's 4 MB for cortex-m4, but not the Nucleo-F446RE's 128 KB of SRAM,
 * where the link would fail. Not an error (make run and tenax run work): a note for the user.
 */
public final class HardwareBoardFit {
  /** Float32 inputs and outputs worth suggesting --io=quantized for (a quarter of them would remain). */
  private static final long FLOAT_IO_WORTH_QUANTIZING = 1024;

  private HardwareBoardFit() {}

  /**
   * The note for {@code r}'s build when it does not fit make flash's default board; empty when it
   * does, when the target has no default board, and for intermittent builds (the real boards have
   * no NVM region Tenax drives yet).
   */
  public static Optional<String> note(ModelCompiler.Result r, EmitOptions options) {
    return note(r.program(), r.inPlaceSearch(), r.plan(), r.view(), options);
  }

  /**
   * The note for a build of {@code program} placed by {@code plan}; {@code inPlace}: the in-place choices
   * of a continuous build (null for an intermittent one, which gets no note).
   */
  static Optional<String> note(Program program, InPlaceRows.Search inPlace, MemoryPlan plan, ProjectView view,
      EmitOptions options) {
    Target target = Targets.find(options.target()).orElseThrow();
    Optional<HardwareBoard> board = HardwareBoard.defaultFor(target);
    if (board.isEmpty() || options.intermittent()) {
      return Optional.empty();
    }
    HardwareBoard b = board.get();
    List<Diagnostic> problems = ModelCompiler.fit(b.asTarget(target), program, view, options);
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder note = new StringBuilder(String.format(Locale.ROOT, "note: make flash links for %s by default "
        + "(%,d KB of flash, %,d KB of SRAM), which cannot hold this build: QEMU runs it (make run, tenax run), the "
        + "board would not link:", b.name(), b.flashBytes() / 1024, b.sramBytes() / 1024));
    for (Diagnostic d : problems) {
      note.append("\n  ").append(d.message());
    }
    long floatIo = ModelCompiler.ioBytes(program, x -> x.type().dtype().isFloat());
    note.append("\n  for the board: ");
    boolean sram = problems.stream().anyMatch(d -> d.message().contains("bytes of SRAM"));
    if (sram && floatIo >= FLOAT_IO_WORTH_QUANTIZING) {
      note.append(String.format(Locale.ROOT, "--io=quantized (the float32 inputs and outputs take %,d bytes), ",
          floatIo));
    }
    long arena = plan.arena().arenaBytes();
    long smallest = sram && options.inPlace() != InPlace.SMALLEST
        ? inPlace.smallest().plan().arena().arenaBytes() : arena;
    if (smallest < arena) {
      note.append(String.format(Locale.ROOT, "--in-place=smallest (an arena of %,d bytes instead of %,d), ", smallest,
          arena));
    }
    note.append("a larger board (make flash HW_BOARD=..., one of board/hw/*.ld) or your own linker script "
        + "(HW_LD=...; the project's README.md, make flash)");
    return Optional.of(note.toString());
  }
}
