package dev.tenax.report;

import java.io.PrintWriter;

/**
 * Progress of long work (calibration, evaluation, simulation) on stderr. On a terminal the line is
 * redrawn in place with a carriage return; elsewhere (a log file, a pipe, a CI job) carriage
 * returns would pile hundreds of updates into one line of the log, so only whole lines are
 * written: at each quarter of the work and at its end.
 */
public final class ProgressLine {
  private final PrintWriter err;
  private final boolean inPlace;
  private int quartersShown;
  private boolean open;

  public ProgressLine(PrintWriter err, boolean inPlace) {
    this.err = err;
    this.inPlace = inPlace;
  }

  /** Redraws in place when the JVM runs on a terminal ({@link System#console()}), whole lines otherwise. */
  public static ProgressLine onStderr(PrintWriter err) {
    return new ProgressLine(err, System.console() != null);
  }

  /** Shows {@code text} for the work {@code fraction} (0 to 1) done. */
  public void show(String text, double fraction) {
    if (inPlace) {
      err.print("\r" + text);
      open = true;
    } else {
      int quarter = (int) Math.floor(Math.min(1, Math.max(0, fraction)) * 4);
      if (quarter <= quartersShown) {
        return;
      }
      quartersShown = quarter;
      err.println(text);
    }
    err.flush();
  }

  /** Ends the line (on a terminal); call once the work is done or stopped. */
  public void end() {
    if (open) {
      err.println();
      err.flush();
      open = false;
    }
  }
}
