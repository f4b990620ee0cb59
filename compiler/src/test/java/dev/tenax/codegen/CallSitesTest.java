package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tenax.codegen.KernelCall.Slot;
import dev.tenax.codegen.ProjectView.CallTableView;
import dev.tenax.codegen.ProjectView.SiteView;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How calls become table rows: calls of one shape share a site, a value equal in every row is
 * written into the call, offsets take uint16_t or uint32_t as their values need (16-bit int on
 * the MSP430), and a step's rows are consecutive.
 */
class CallSitesTest {
  private static KernelCall call(int step, String label, String params, long in, long out) {
    List<Slot> slots = List.of(
        new Slot("params", "const k_params *", "%s", params, 0, ""),
        new Slot("input0", null, "(const int8_t *)(void *)(arena + %s)", "(const int8_t *)(void *)(arena + " + in + "u)",
            in, "bytes into the arena"),
        new Slot("output", null, "(int8_t *)(void *)(arena + %s)", "(int8_t *)(void *)(arena + " + out + "u)", out,
            "bytes into the arena"));
    return new KernelCall("tx_k", List.of(), List.of("@0@", "@1@", "@2@"), slots, step, label);
  }

  @Test
  void rowsHoldWhatDiffersInTheSmallestType() {
    CallSites sites = new CallSites("m");
    sites.add(0, "a", call(0, "step 0", "&m_p", 0, 100),
        List.of(List.of(call(0, "step 0, part 1 of 2", "&m_p", 0, 100), call(0, "step 0, part 2 of 2", "&m_p", 8, 70_000))),
        false);
    sites.add(1, "b", call(1, "step 1", "&m_p", 16, 200), List.of(), true);
    CallTableView v = sites.view();
    assertEquals(1, v.sites().size());
    SiteView s = v.sites().get(0);
    assertEquals("m_k_calls", s.table());
    assertEquals(List.of("uint16_t input0", "uint32_t output"),
        s.fields().stream().map(ProjectView.FieldDecl::declaration).toList());
    assertEquals(List.of("{0u, UINT32_C(100)}", "{0u, UINT32_C(100)}", "{8u, UINT32_C(70000)}", "{16u, UINT32_C(200)}"),
        s.rows().stream().map(ProjectView.RowView::init).toList());
    assertEquals("tx_k(&m_p, (const int8_t *)(void *)(arena + r->input0), (int8_t *)(void *)(arena + r->output))",
        s.call());
    assertEquals(0, v.steps().get(0).row());
    assertEquals(2, v.steps().get(0).halves());
    assertEquals(3, v.steps().get(1).row());
    assertEquals(List.of(false, true), v.steps().stream().map(ProjectView.StepCallView::endsGroup).toList());
    assertEquals("uint16_t", v.rowType()); // byte offsets of the rows, at least 16 bits
  }

  @Test
  void aPartOfAnotherShapeIsACompilerBug() {
    CallSites sites = new CallSites("m");
    KernelCall other = new KernelCall("tx_other", List.of(), List.of(), List.of(), 0, "step 0, part 1 of 2");
    assertThrows(IllegalStateException.class,
        () -> sites.add(0, "a", call(0, "step 0", "&m_p", 0, 0), List.of(List.of(other, other)), true));
  }
}
