package dev.tenax.codegen;

import dev.tenax.codegen.ProjectView.FieldView;
import dev.tenax.codegen.ProjectView.ShapeView;
import dev.tenax.codegen.ProjectView.StructView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The kernel parameter structs and shapes of a model, each emitted once by value: the tiles of a
 * layer, their run-time halves and quarters, and layers alike share one definition (an
 * intermittent build used to emit seven copies per tile). A constant is named after its type and
 * numbered ({@code <prefix>_conv2d_s8_params_1}, {@code <prefix>_shape_4}); its comment lists the
 * steps that use it.
 */
final class ConstPool {
  private final String prefix;
  private final Map<String, Entry> byValue = new HashMap<>();
  private final Map<String, Integer> numbers = new HashMap<>();
  private final List<Entry> structs = new ArrayList<>();
  private final List<Entry> shapes = new ArrayList<>();

  private static final class Entry {
    final String name;
    final Object definition;
    final TreeSet<Integer> steps = new TreeSet<>();

    Entry(String name, Object definition) {
      this.name = name;
      this.definition = definition;
    }
  }

  ConstPool(String prefix) {
    this.prefix = prefix;
  }

  /** The name of a {@code static const type} struct with these fields, used by {@code step}. */
  String struct(String type, List<FieldView> fields, int step) {
    StringBuilder key = new StringBuilder("struct ").append(type);
    for (FieldView f : fields) {
      key.append('\n').append(f.name()).append('=').append(f.value());
    }
    return intern(key.toString(), type.replaceFirst("^tx_", ""), step, structs, n -> new StructView(type, n, fields, ""));
  }

  /** The name of a {@code tx_shape4} (or an array of {@code count} of them) with this initializer. */
  String shape(String initializer, int count, int step) {
    return intern("shape " + count + "\n" + initializer, count == 1 ? "shape" : "shapes", step, shapes,
        n -> new ShapeView(n, initializer, count, ""));
  }

  private String intern(String key, String kind, int step, List<Entry> list,
      java.util.function.Function<String, Object> definition) {
    Entry e = byValue.get(key);
    if (e == null) {
      int n = numbers.merge(kind, 1, Integer::sum) - 1;
      String name = prefix + "_" + kind + "_" + n;
      e = new Entry(name, definition.apply(name));
      byValue.put(key, e);
      list.add(e);
    }
    e.steps.add(step);
    return e.name;
  }

  List<StructView> structs() {
    return structs.stream().map(e -> {
      StructView s = (StructView) e.definition;
      return new StructView(s.type(), s.cName(), s.fields(), users(e.steps));
    }).toList();
  }

  List<ShapeView> shapes() {
    return shapes.stream().map(e -> {
      ShapeView s = (ShapeView) e.definition;
      return new ShapeView(s.cName(), s.initializer(), s.count(), users(e.steps));
    }).toList();
  }

  /** "step 3", "steps 0-2, 5": the steps (tiles, parts included) that use a constant. */
  static String users(java.util.SortedSet<Integer> steps) {
    List<String> runs = new ArrayList<>();
    Integer start = null;
    Integer last = null;
    for (int s : steps) {
      if (last != null && s == last + 1) {
        last = s;
        continue;
      }
      if (start != null) {
        runs.add(start.equals(last) ? start.toString() : start + "-" + last);
      }
      start = s;
      last = s;
    }
    if (start != null) {
      runs.add(start.equals(last) ? start.toString() : start + "-" + last);
    }
    return (steps.size() == 1 ? "step " : "steps ") + String.join(", ", runs);
  }
}
