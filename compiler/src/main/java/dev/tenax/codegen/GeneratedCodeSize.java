package dev.tenax.codegen;

import dev.tenax.codegen.ProjectView.FieldView;
import dev.tenax.codegen.ProjectView.ShapeView;
import dev.tenax.codegen.ProjectView.SiteView;
import dev.tenax.codegen.ProjectView.StructView;

/**
 * What the generated {@code <name>.c} adds to the firmware's code memory: parameter structs,
 * shapes, an intermittent build's call tables, and the code of its calls. The fit check counts it
 * besides the weights, since it grows with the tiles and their run-time parts. Data sizes follow
 * the C types (pointers of {@code pointerBytes}); code sizes are per call, measured with clang-19
 * -Os for the MSP430 on the MNIST CNN and tiny CNN (continuous: 366 bytes for 10 direct calls;
 * intermittent: 408 bytes of {@code _run} for 7 call sites, ~470 of resume, restart and the rest),
 * rounded up, and are well above what arm-none-eabi-gcc -Os emits for Thumb-2. An intermittent
 * build's groups run by direct calls ({@link DirectGroups}) count as a continuous build's calls.
 */
public final class GeneratedCodeSize {
  /** Code of one direct call in a continuous build's {@code _invoke} (with its status check). */
  static final long DIRECT_CALL = 48;
  /** Code of one call site of an intermittent build's {@code _run}: the row lookup and the call. */
  static final long CALL_SITE = 64;
  /** An intermittent build's fixed code: {@code _run}'s row arithmetic, resume, invoke, restart. */
  static final long INTERMITTENT_FIXED = 640;
  private static final long SHAPE4 = 16; // four int32_t

  private GeneratedCodeSize() {}

  /** Bytes of code and constant data the generated model source adds, for pointers of {@code pointerBytes}. */
  public static long estimate(ProjectView v, int pointerBytes) {
    long bytes = 0;
    for (StructView s : v.structs()) {
      for (FieldView f : s.fields()) {
        bytes += fieldBytes(f.value(), pointerBytes);
      }
    }
    for (ShapeView s : v.shapes()) {
      bytes += SHAPE4 * s.count();
    }
    if (v.calls().sites().isEmpty()) {
      return bytes + DIRECT_CALL * v.steps().size();
    }
    for (SiteView s : v.calls().sites()) {
      long row = 0;
      long align = 1;
      for (ProjectView.FieldDecl f : s.fields()) {
        long size = f.declaration().contains("*") ? pointerBytes : f.declaration().startsWith("uint32_t") ? 4 : 2;
        row = roundUp(row, size) + size;
        align = Math.max(align, size);
      }
      bytes += roundUp(row, align) * s.rows().size() + CALL_SITE;
    }
    // A step: its first row's byte offset, its site, its parts (templates/model.c.ftl); a byte of row size per site.
    long align = Math.max(size(v.calls().rowType()), size(v.calls().siteType()));
    long stepRow = roundUp(size(v.calls().rowType()) + size(v.calls().siteType()) + 1, align);
    long direct = 0;
    for (ProjectView.GroupView g : v.directGroups()) {
      direct += DIRECT_CALL * g.steps().size();
    }
    return bytes + stepRow * v.steps().size() + v.calls().sites().size() + INTERMITTENT_FIXED + direct;
  }

  /** A struct field's bytes: a pointer to constants, an inline int32 array, or a 32-bit number. */
  private static long fieldBytes(String value, int pointerBytes) {
    if (value.startsWith("{")) {
      return 4L * value.split(",").length;
    }
    boolean name = Character.isLetter(value.charAt(0)) && !value.startsWith("INT") || value.startsWith("(");
    return name && !value.startsWith("(-INT") ? pointerBytes : 4;
  }

  private static long size(String ctype) {
    return switch (ctype) {
      case "uint8_t" -> 1;
      case "uint16_t" -> 2;
      default -> 4;
    };
  }

  private static long roundUp(long v, long align) {
    return (v + align - 1) / align * align;
  }
}
