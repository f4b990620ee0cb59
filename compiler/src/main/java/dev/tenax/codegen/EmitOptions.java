package dev.tenax.codegen;

import java.nio.file.Path;

/**
 * How to generate a project: the symbol prefix, the target, the templates (null for the ones
 * in the jar), what the generated files say about where they came from, and for an intermittent
 * build the most work (multiply-accumulates, or elements written) one tile may do, or the
 * capacitor whose one charge must pay for each tile (neither: a plain, continuous-power build),
 * with the power model that sizes them ({@code power}; null for the target's defaults). An
 * intermittent build commits its progress after groups of consecutive tiles that together stay
 * within the same bound ({@code dev.tenax.intermittent.TileGroups}), or after every tile when
 * {@code commitEveryTile}. {@code smallCode}: a Cortex-M or host project's C is compiled for size
 * ({@link #SMALL_CODE}) rather than speed (-O2), the build's default; MSP430 builds choose their
 * level by what fits. {@code inPlace}: whether a continuous build may run calls in place to make
 * its arena smaller ({@link InPlace}).
 */
public record EmitOptions(String name, String target, Path templateDir, String version,
    String modelFile, String sha256, long tileWork, dev.tenax.intermittent.Capacitor capacitor,
    dev.tenax.intermittent.PowerModel power, boolean commitEveryTile, boolean smallCode, InPlace inPlace) {
  /** In place only when needed to fit ({@link InPlace#AUTO}). */
  public EmitOptions(String name, String target, Path templateDir, String version, String modelFile, String sha256,
      long tileWork, dev.tenax.intermittent.Capacitor capacitor, dev.tenax.intermittent.PowerModel power,
      boolean commitEveryTile, boolean smallCode) {
    this(name, target, templateDir, version, modelFile, sha256, tileWork, capacitor, power, commitEveryTile, smallCode,
        InPlace.AUTO);
  }

  /** Compiled for speed. */
  public EmitOptions(String name, String target, Path templateDir, String version, String modelFile, String sha256,
      long tileWork, dev.tenax.intermittent.Capacitor capacitor, dev.tenax.intermittent.PowerModel power,
      boolean commitEveryTile) {
    this(name, target, templateDir, version, modelFile, sha256, tileWork, capacitor, power, commitEveryTile, false);
  }

  /** Commits after groups of tiles. */
  public EmitOptions(String name, String target, Path templateDir, String version, String modelFile, String sha256,
      long tileWork, dev.tenax.intermittent.Capacitor capacitor, dev.tenax.intermittent.PowerModel power) {
    this(name, target, templateDir, version, modelFile, sha256, tileWork, capacitor, power, false);
  }

  /** Tiles bounded by {@code tileWork} or sized to {@code capacitor} with the target's default power model. */
  public EmitOptions(String name, String target, Path templateDir, String version, String modelFile, String sha256,
      long tileWork, dev.tenax.intermittent.Capacitor capacitor) {
    this(name, target, templateDir, version, modelFile, sha256, tileWork, capacitor, null);
  }

  /** A continuous-power build. */
  public EmitOptions(String name, String target, Path templateDir, String version, String modelFile, String sha256) {
    this(name, target, templateDir, version, modelFile, sha256, 0, null, null);
  }

  /** An intermittent build with tiles of at most {@code tileWork} (0: continuous power). */
  public EmitOptions(String name, String target, Path templateDir, String version, String modelFile, String sha256,
      long tileWork) {
    this(name, target, templateDir, version, modelFile, sha256, tileWork, null, null);
  }

  /** The same build with a progress commit after every tile instead of after each group of tiles. */
  public EmitOptions committingEveryTile() {
    return new EmitOptions(name, target, templateDir, version, modelFile, sha256, tileWork, capacitor, power, true,
        smallCode, inPlace);
  }

  /** The same build with calls run in place as {@code mode} says. */
  public EmitOptions withInPlace(InPlace mode) {
    return new EmitOptions(name, target, templateDir, version, modelFile, sha256, tileWork, capacitor, power,
        commitEveryTile, smallCode, mode);
  }

  /**
   * The C flags a Cortex-M or host project's Makefile and CMakeLists.txt compile at: -O2, or -Os
   * with TX_SMALL_CODE (the runtime's speed-only assembly left out, runtime-c/include/tx_scalar.h).
   */
  public String codeLevel() {
    return smallCode ? SMALL_CODE : "-O2";
  }

  /** The flags of {@code --optimize=size}. */
  public static final String SMALL_CODE = "-Os -DTX_SMALL_CODE";

  /** The power model that sizes the tiles: the given profile, else the target's defaults. */
  public dev.tenax.intermittent.PowerModel powerModel() {
    return power != null ? power : dev.tenax.intermittent.PowerModel.of(dev.tenax.target.Targets.find(target).orElseThrow());
  }

  /** Intermittent: tiles bounded by {@code tileWork}, or sized to one charge of {@code capacitor}. */
  public boolean intermittent() {
    return tileWork > 0 || capacitor != null;
  }

  public EmitOptions {
    if (tileWork < 0) {
      throw new IllegalArgumentException("tile work must be positive, not " + tileWork);
    }
    if (dev.tenax.target.Targets.find(target).isEmpty()) {
      throw new IllegalArgumentException("unknown target '" + target + "'; available: "
          + String.join(", ", dev.tenax.target.Targets.names()));
    }
    if (smallCode && dev.tenax.target.Targets.find(target).orElseThrow().family().equals("msp430")) {
      throw new IllegalArgumentException("an MSP430 build picks its own level (-Os, or -Oz when that overflows "
          + "the FRAM); to force one, build with 'make CFLAGS=-Oz'");
    }
    if (inPlace == null) {
      throw new IllegalArgumentException("inPlace must not be null");
    }
    if (inPlace == InPlace.SMALLEST && (tileWork > 0 || capacitor != null)) {
      throw new IllegalArgumentException("an intermittent build never runs calls in place: a group of tiles run "
          + "again after a power failure must find its input as it was");
    }
    if (!Identifiers.isValidPrefix(name)) {
      throw new IllegalArgumentException("'" + name + "' is not a C identifier prefix: use letters, "
          + "digits and underscores, starting with a letter");
    }
  }
}
