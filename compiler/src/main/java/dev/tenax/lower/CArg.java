package dev.tenax.lower;

import java.util.List;

/**
 * One argument of a kernel call as the C generator writes it. Every number is final here; the
 * templates only print them (house rule 7).
 */
public sealed interface CArg {
  /** A {@code const <type>} parameter struct passed by address, e.g. {@code tx_conv2d_s8_params}. */
  record Struct(String type, List<Field> fields) implements CArg {}

  /** A {@code tx_shape4} passed by address. */
  record Shape(int[] dims) implements CArg {
    public Shape {
      dims = Layouts.pad4(dims);
    }
  }

  /** An array of {@code tx_shape4}, passed as a pointer to its first element. */
  record Shapes(List<int[]> dims) implements CArg {}

  /** A tensor's data pointer; {@code output} marks the one the kernel writes. */
  record Data(View view, boolean output) implements CArg {}

  /** A tensor's data pointer seen as bytes ({@code int8_t *}), for kernels that move raw bytes. */
  record ByteData(View view, boolean output) implements CArg {}

  /** An array of data pointers ({@code const int8_t *const *}). */
  record DataList(List<View> views) implements CArg {}

  /** Constant data placed with the weights (e.g. a filter, a bias). */
  record Const(ConstArray array) implements CArg {}

  /** A null pointer (an absent optional operand such as a bias). */
  record Null() implements CArg {}

  /** One designated initializer of a parameter struct: a number, an inline int array or constant data. */
  record Field(String name, Object value) {
    public Field {
      if (!(value instanceof Integer || value instanceof Long || value instanceof Float
          || value instanceof int[] || value instanceof ConstArray)) {
        throw new IllegalArgumentException("field " + name + " holds " + value);
      }
    }
  }
}
