package dev.tenax.cli;

import dev.tenax.calib.CalibrationData;
import dev.tenax.calib.CalibrationMethod;
import dev.tenax.calib.CalibrationResult;
import dev.tenax.calib.Preprocessing;
import dev.tenax.calib.RangeCollector;
import dev.tenax.calib.SampleRange;
import dev.tenax.diag.UsageException;
import dev.tenax.ir.Graph;
import dev.tenax.quantizer.QuantMode;
import dev.tenax.quantizer.QuantizeDefaults;
import dev.tenax.quantizer.QuantizedModel;
import dev.tenax.quantizer.Quantizer;
import dev.tenax.quantizer.RandomSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Calibration data, method and mode: how quantize and compile turn a float model into a quantized one. */
public final class CalibrationOptions {
  @Option(names = "--calib", paramLabel = "PATH|random", description = "Calibration data: a folder of .npy/.pb "
      + "files (or the files a quoted pattern matches, e.g. 'samples/digit-?.npy'), a stacked .npy array, an .npz archive (the array named after the input, or its only one), an IDX file (MNIST), or 'random' (uniform in [0, 1) before "
      + "preprocessing; poor accuracy, for trying the tool only).")
  String calib;

  @Option(names = "--calib-count", paramLabel = "N", description = "Use the first N samples (default: 500, or "
      + "all if fewer).")
  int calibCount = QuantizeDefaults.CALIB_COUNT;

  @Option(names = "--calib-range", paramLabel = "START:END", description = "Use samples START (inclusive) "
      + "to END (exclusive); FIRST..LAST (both inclusive) also works. Overrides --calib-count.")
  String calibRange;

  @Option(names = "--scale", paramLabel = "FACTOR", description = "Preprocessing: multiply raw values by this (e.g. 0.00392156862745098"
      + " for 0..255 pixels to 0..1).")
  double scale = 1;

  @Option(names = "--mean", split = ",", paramLabel = "V", description = "Preprocessing: subtract (one value, or one per channel).")
  double[] mean = {0};

  @Option(names = "--std", split = ",", paramLabel = "V", description = "Preprocessing: divide by (one value, or one per channel).")
  double[] std = {1};

  @Option(names = "--method", paramLabel = "minmax|percentile|mse",
      description = "How each tensor's range is chosen from calibration (default: ${DEFAULT-VALUE}).")
  String method = "mse";

  @Option(names = "--percentile", paramLabel = "P", description = "Percentile for --method percentile "
      + "(default: 99.99).")
  double percentile = RangeCollector.DEFAULT_PERCENTILE;

  @Option(names = "--mode", paramLabel = "int8|16x8", description = "Quantization scheme: int8 (int8 "
      + "activations and weights) or 16x8 (int16 symmetric activations, int8 weights, opset 21); "
      + "default: ${DEFAULT-VALUE}.")
  String mode = "int8";

  /** The --mode value; a bad one is a usage error. */
  QuantMode mode() throws UsageException {
    return QuantMode.parse(mode);
  }

  /** True when the user gave calibration data (or asked for random data). */
  boolean given() {
    return calib != null;
  }

  /**
   * Calibrates {@code g} (after the standard passes) on the data and quantizes it, with
   * progress on {@code err}. Prints the method line on {@code out}.
   */
  QuantizedModel quantize(Graph g, PrintWriter out, PrintWriter err) throws Exception {
    if (calib == null) {
      throw new UsageException("quantize needs calibration data: pass --calib PATH (a folder of .npy/.pb files, "
          + "a stacked .npy or an IDX file of typical inputs), or --calib random to try the tool without data");
    }
    CalibrationMethod m = parseMethod(method);
    QuantMode qm = mode();
    if (!(percentile > 0 && percentile <= 100)) {
      throw new UsageException("--percentile must be in (0, 100], got " + percentile);
    }
    if (calibCount <= 0) {
      throw new UsageException("--calib-count must be positive, got " + calibCount);
    }
    Preprocessing pre = Preprocessing.of(scale, mean, std);
    List<CalibrationData> data = new ArrayList<>();
    boolean random = calib.equals("random");
    if (random) {
      err.println("WARNING: calibrating on random inputs (uniform in [" + RandomSource.LOW + ", "
          + RandomSource.HIGH + ")): ranges will not match real data and accuracy will be poor; "
          + "pass --calib with real samples");
    }
    for (String in : g.inputs()) {
      data.add(open(in, g, pre, random));
    }
    CalibrationData first = data.isEmpty() ? null : data.get(0);
    err.println("calibrating on " + (first == null ? "0 samples" : first.describe()));
    err.flush();
    dev.tenax.report.ProgressLine progress = dev.tenax.report.ProgressLine.onStderr(err);
    RangeCollector rc = RangeCollector.collect(g, data, (done, total) -> {
      if (done == total || done % Math.max(1, total / 20) == 0) {
        progress.show("calibrating " + done + "/" + total, total == 0 ? 1 : done / (double) total);
      }
    });
    progress.end();
    CalibrationResult cal = rc.ranges(m, percentile);
    out.println("method: " + m.name().toLowerCase(Locale.ROOT).replace("_", "")
        + (m == CalibrationMethod.PERCENTILE ? " " + percentile : "") + ", " + cal.samples() + " samples");
    return Quantizer.quantize(g, cal, qm);
  }

  private CalibrationData open(String input, Graph g, Preprocessing pre, boolean random) throws UsageException {
    SampleRange range = calibRange != null ? parseRange(calibRange) : null;
    if (random) {
      int count = range != null ? (range.end() == -1 ? calibCount : range.end()) : calibCount;
      return CalibrationData.of(new RandomSource(g.type(input).shape(), count), input, g.type(input),
          range != null ? range : SampleRange.first(count), pre);
    }
    String path = calib;
    if (g.inputs().size() > 1) {
      throw new UsageException("the model has " + g.inputs().size() + " inputs (" + String.join(", ", g.inputs())
          + "); quantize calibrates single-input models only for now");
    }
    Path p = Path.of(path);
    if (range == null) {
      int available = CalibrationData.open(p, input, g.type(input), SampleRange.ALL, pre).size();
      range = SampleRange.first(Math.min(calibCount, available));
    }
    return CalibrationData.open(p, input, g.type(input), range, pre);
  }

  static SampleRange parseRange(String text) throws UsageException {
    int colon = text.indexOf(':');
    if (colon < 0) {
      return SampleRange.parse(text);
    }
    try {
      int start = Integer.parseInt(text.substring(0, colon).trim());
      String e = text.substring(colon + 1).trim();
      int end = e.isEmpty() ? -1 : Integer.parseInt(e);
      if (start < 0 || (end != -1 && end <= start)) {
        throw new UsageException("--calib-range " + text + " is empty; write START:END with 0 <= START < END");
      }
      return new SampleRange(start, end);
    } catch (NumberFormatException ex) {
      throw new UsageException("--calib-range " + text + " is not START:END (e.g. 0:500, END exclusive)");
    }
  }

  static CalibrationMethod parseMethod(String text) throws UsageException {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "minmax": case "min_max": return CalibrationMethod.MIN_MAX;
      case "percentile": return CalibrationMethod.PERCENTILE;
      case "mse": return CalibrationMethod.MSE;
      default: throw new UsageException("--method " + text + " is not one of minmax, percentile, mse");
    }
  }

}
