package dev.tenax.codegen;

import java.util.List;
import java.util.function.IntFunction;

/**
 * One kernel call as C text, with the values that distinguish it from other calls of the same
 * shape (parameter structs, constant arrays, offsets into the arena or the model's inputs and
 * outputs) held apart as {@link Slot}s. The argument list and the local arrays refer to slot
 * {@code k} as {@code @k@}: written out with the slots' own values it is the direct call a
 * continuous build makes; with some slots read from a row of a table ({@code r->name}) it is the
 * one call site that an intermittent build shares between all tiles and parts of that shape
 * ({@link CallSites}).
 *
 * @param kernel the C function
 * @param locals local declarations the call needs (arrays of input pointers), with placeholders
 * @param args the arguments, with placeholders
 * @param slots the varying values, in placeholder order
 * @param step the program step the call belongs to (a tile, or a run-time part of one)
 * @param label what the call is, for a comment ("step 3 (conv1)", "step 3, half 2 of 2")
 */
record KernelCall(String kernel, List<String> locals, List<String> args, List<Slot> slots, int step,
    String label) {

  /**
   * A value of the call. A pointer slot ({@code ctype} set) holds a constant's address, the same
   * C text in the direct call and in a table. An offset slot ({@code ctype} null) holds a
   * position in a buffer; {@code use} turns the table field into the pointer argument.
   *
   * @param name the field name in a table row (unique within the call)
   * @param ctype the C type of a pointer slot, null for an offset
   * @param use the argument made of the field, {@code %s} standing for it
   * @param direct the argument as the direct call writes it (compared to find equal slots)
   * @param offset an offset slot's value (elements into an input or output, bytes into the arena)
   * @param about what an offset counts, for the table's comment
   */
  record Slot(String name, String ctype, String use, String direct, long offset, String about) {
    boolean isOffset() {
      return ctype == null;
    }
  }

  /** Where a slot stands in an argument or local. */
  static String placeholder(int slot) {
    return "@" + slot + "@";
  }

  /** The call with slot {@code k} written as {@code value.apply(k)}. */
  String call(IntFunction<String> value) {
    return kernel + "(" + String.join(", ", args.stream().map(a -> fill(a, value)).toList()) + ")";
  }

  List<String> locals(IntFunction<String> value) {
    return locals.stream().map(l -> fill(l, value)).toList();
  }

  /** The call as a continuous build writes it, every slot by its own value. */
  String directCall() {
    return call(k -> slots.get(k).direct());
  }

  List<String> directLocals() {
    return locals(k -> slots.get(k).direct());
  }

  /** What calls must share to share a call site: the kernel, the argument shapes and slot types. */
  String shapeKey() {
    StringBuilder sb = new StringBuilder(kernel).append('|').append(String.join(",", args)).append('|')
        .append(String.join(";", locals));
    for (Slot s : slots) {
      sb.append('|').append(s.name()).append(' ').append(s.ctype()).append(' ').append(s.use());
    }
    return sb.toString();
  }

  private String fill(String text, IntFunction<String> value) {
    String out = text;
    for (int k = 0; k < slots.size(); k++) {
      out = out.replace(placeholder(k), value.apply(k));
    }
    return out;
  }
}
