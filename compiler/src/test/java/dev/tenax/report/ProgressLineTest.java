package dev.tenax.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  private static String drive(boolean inPlace) {
    StringWriter w = new StringWriter();
    ProgressLine line = new ProgressLine(new PrintWriter(w), inPlace);
    for (int done = 1; done <= 10; done++) {
      line.show("calibrating " + done + "/10", done / 10.0);
    }
    line.end();
    return w.toString();
  }

  /** In a log (no terminal): whole lines at each quarter and the end, no carriage returns. */
  @Test
  void aLogGetsAWholeLinePerQuarter() {
    assertEquals(String.join(System.lineSeparator(), "calibrating 3/10", "calibrating 5/10", "calibrating 8/10",
        "calibrating 10/10", ""), drive(false));
  }

  /** On a terminal: every update redrawn in place, one line ended at the end. */
  @Test
  void aTerminalGetsOneLineRedrawnInPlace() {
    StringBuilder want = new StringBuilder();
    for (int done = 1; done <= 10; done++) {
      want.append("\rcalibrating ").append(done).append("/10");
    }
    assertEquals(want + System.lineSeparator(), drive(true));
  }
}
