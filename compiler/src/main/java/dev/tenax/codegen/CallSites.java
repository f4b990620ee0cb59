package dev.tenax.codegen;

import dev.tenax.codegen.KernelCall.Slot;
import dev.tenax.codegen.ProjectView.CallTableView;
import dev.tenax.codegen.ProjectView.FieldDecl;
import dev.tenax.codegen.ProjectView.RowView;
import dev.tenax.codegen.ProjectView.SiteView;
import dev.tenax.codegen.ProjectView.StepCallView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The table-driven calls of an intermittent build. The tiles of a layer, their run-time halves and
 * quarters, and often several layers call the same kernel with arguments of the same shape that
 * differ only in values (which parameter struct, which constants, where in the arena). Each such
 * group is one call site in the generated code, and what differs is a row of a small const table:
 * the code grows with the number of kernels, not with tiles x 7 (a switch case per part did).
 *
 * <p>A step's rows are consecutive: the whole call, its halves, its quarters. A value that is the
 * same in every row of a site is written into the call instead of the table.
 */
final class CallSites {
  /** The most bytes a row's field takes on any target (a pointer on a 64-bit host): row sizes are C's to decide. */
  private static final long MAX_FIELD_BYTES = 8;

  private final String prefix;
  private final Map<String, Site> sites = new LinkedHashMap<>();
  private final List<StepCallView> steps = new ArrayList<>();

  private static final class Site {
    final int index;
    final List<KernelCall> rows = new ArrayList<>();
    final TreeSet<Integer> steps = new TreeSet<>();

    Site(int index) {
      this.index = index;
    }
  }

  CallSites(String prefix) {
    this.prefix = prefix;
  }

  /**
   * Adds step {@code index}: its whole call, and the calls of each run-time split level in order;
   * {@code endsGroup} when the progress is committed after it.
   */
  void add(int index, String node, KernelCall whole, List<List<KernelCall>> levels, boolean endsGroup) {
    Site site = sites.computeIfAbsent(whole.shapeKey(), k -> new Site(sites.size()));
    long first = site.rows.size();
    site.rows.add(whole);
    for (List<KernelCall> level : levels) {
      for (KernelCall part : level) {
        if (!part.shapeKey().equals(whole.shapeKey())) {
          // The tiles of one call share its kernel and buffers; a part that does not is a Tileable bug.
          throw new IllegalStateException("step " + index + ": part '" + part.label() + "' is not a call of the "
              + "same shape as the whole (" + part.directCall() + " vs " + whole.directCall() + ")");
        }
        site.rows.add(part);
      }
    }
    site.steps.add(index);
    steps.add(new StepCallView(index, node, site.index, levels.size() > 0 ? levels.get(0).size() : 0,
        levels.size() > 1 ? levels.get(1).size() : 0, endsGroup, first));
  }

  CallTableView view() {
    List<SiteView> out = new ArrayList<>();
    long bytes = 0;
    for (Site s : sites.values()) {
      SiteView v = site(s);
      out.add(v);
      bytes = Math.max(bytes, s.rows.size() * MAX_FIELD_BYTES * v.fields().size());
    }
    // A step's row is a byte offset into its site's table; at least 16 bits, so that with an 8-bit
    // site number a step takes four bytes (its index is a shift, not a multiply, on an MSP430).
    String rowType = bytes <= 0xFFFF ? "uint16_t" : "uint32_t";
    return new CallTableView(unsigned(Math.max(0, sites.size() - 1)), rowType, out, steps);
  }

  private SiteView site(Site s) {
    KernelCall first = s.rows.get(0);
    int n = first.slots().size();
    boolean[] varies = new boolean[n];
    String[] types = new String[n];
    List<FieldDecl> fields = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      Slot slot = first.slots().get(k);
      long max = 0;
      for (KernelCall c : s.rows) {
        Slot other = c.slots().get(k);
        varies[k] |= !other.direct().equals(slot.direct());
        max = Math.max(max, other.offset());
      }
      types[k] = slot.isOffset() ? (max <= 0xFFFF ? "uint16_t" : "uint32_t") : slot.ctype();
      if (varies[k]) {
        fields.add(new FieldDecl(declaration(types[k], slot.name()), slot.isOffset() ? slot.about() : ""));
      }
    }
    List<RowView> rows = new ArrayList<>();
    if (!fields.isEmpty()) {
      for (KernelCall c : s.rows) {
        List<String> values = new ArrayList<>();
        for (int k = 0; k < n; k++) {
          if (varies[k]) {
            Slot slot = c.slots().get(k);
            values.add(slot.isOffset() ? offsetLiteral(slot.offset(), types[k]) : slot.direct());
          }
        }
        rows.add(new RowView("{" + String.join(", ", values) + "}", ProjectBuilder.comment(c.label())));
      }
    }
    java.util.function.IntFunction<String> value = k -> {
      Slot slot = first.slots().get(k);
      return varies[k] ? slot.use().formatted("r->" + slot.name()) : slot.direct();
    };
    // Named after the kernel, numbered when one kernel has call sites of several shapes.
    boolean alone = sites.values().stream().filter(o -> o.rows.get(0).kernel().equals(first.kernel())).count() == 1;
    String base = prefix + "_" + first.kernel().replaceFirst("^tx_", "") + (alone ? "" : "_" + s.index);
    return new SiteView(s.index, first.kernel(), base + "_call", base + "_calls", ConstPool.users(s.steps), fields, rows,
        first.locals(value), first.call(value));
  }

  /** {@code uint16_t name}, {@code const tx_shape4 *name}. */
  private static String declaration(String type, String name) {
    return type.endsWith("*") ? type + name : type + " " + name;
  }

  private static String offsetLiteral(long v, String type) {
    return type.equals("uint16_t") ? v + "u" : "UINT32_C(" + v + ")";
  }

  /** The smallest unsigned C type holding {@code max}. */
  private static String unsigned(long max) {
    return max <= 0xFF ? "uint8_t" : max <= 0xFFFF ? "uint16_t" : "uint32_t";
  }
}
