package dev.tenax.energy;

import dev.tenax.diag.UsageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a harvesting trace, detecting its format when none is named: a first line with letters
 * is a CSV header (the time column is the first whose name contains "time", in seconds unless
 * the name says ms, with an optional date column before it; the value column is named by
 * {@code column} or is the first whose name says power, lux, volt/vcap or irradiance W/m^2); a
 * single number per line is Fused lux at one sample per second; two numbers per line are the
 * MSPSim energy fork's time-in-ms and voltage, taken one line per median time step (its
 * recordings carry glitched time stamps, see docs/energy-simulator.md). Errors name the line.
 */
public final class TraceReader {
  private TraceReader() {}

  /** The trace and a sentence saying how the file was read (printed by the CLI). */
  public record Read(Trace trace, String description) {}

  public static Read read(Path file, TraceFormat format, String column, Trace.Interpolation interp, Trace.End end)
      throws IOException, UsageException {
    return read(file, format, column, interp, end, Double.NaN);
  }

  /**
   * As above; {@code csvSecondsPerTimeUnit} overrides what a CSV time column's name implies (NaN:
   * milliseconds when the name says ms, else seconds), for logs whose header gives no unit.
   */
  public static Read read(Path file, TraceFormat format, String column, Trace.Interpolation interp, Trace.End end,
      double csvSecondsPerTimeUnit) throws IOException, UsageException {
    if (!Files.isRegularFile(file)) {
      throw new UsageException("trace " + file + (Files.isDirectory(file) ? " is a folder" : " does not exist")
          + ": give a CSV, Fused lux or MSPSim voltage file");
    }
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        lines.add(l);
      }
    }
    int first = 0;
    while (first < lines.size() && lines.get(first).isBlank()) {
      first++;
    }
    if (first == lines.size()) {
      throw new UsageException("trace " + file + " is empty");
    }
    String head = lines.get(first);
    boolean header = head.chars().anyMatch(Character::isLetter);
    TraceFormat detected = header ? TraceFormat.CSV_POWER : TraceFormat.detect(head);
    TraceFormat f = format != null ? format : detected;
    if (f == null) {
      throw new UsageException(where(file, first) + "'" + head.strip() + "' is not a trace line: expected a CSV "
          + "header, one lux value per line, or 'time_ms<TAB>voltage'; name the format with --trace-format "
          + String.join("|", TraceFormat.names()));
    }
    String how = format != null ? "format " + f.cliName + " (as given)" : "detected format " + f.cliName;
    if (f.isCsv()) {
      if (!header) {
        throw new UsageException(where(file, first) + "a CSV trace needs a header naming its time and value columns");
      }
      return csv(file, lines, first, format, column, interp, end, csvSecondsPerTimeUnit);
    }
    if (header) {
      throw new UsageException(where(file, first) + "a " + f.cliName + " trace has no header line");
    }
    double[] t = new double[lines.size()];
    double[] v = new double[lines.size()];
    int n = 0;
    for (int i = first; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.isEmpty()) {
        continue;
      }
      String[] c = l.split("[\\s,;]+");
      int want = f == TraceFormat.FUSED_LUX ? 1 : 2;
      if (c.length != want || !Arrays.stream(c).allMatch(TraceReader::isNumber)) {
        throw new UsageException(where(file, i) + "'" + l + "' is not " + (want == 1 ? "one lux value"
            : "two numbers (time in ms, volts)") + " as the " + f.cliName + " format needs");
      }
      t[n] = f == TraceFormat.FUSED_LUX ? n : Double.parseDouble(c[0]) / 1000.0;
      v[n++] = Double.parseDouble(c[want - 1]);
    }
    t = Arrays.copyOf(t, n);
    v = Arrays.copyOf(v, n);
    if (f == TraceFormat.MSPSIM_VOLTAGE) {
      // one line per sample interval: the time column of the shared recordings jumps (40 s pauses,
      // single stamps 1 s late), the signal itself is contiguous at the median step
      double step = medianStep(t);
      for (int i = 0; i < n; i++) {
        t[i] = i * step;
      }
      how += String.format(Locale.ROOT, ", %d samples taken %.4g ms apart (median step of the time column)", n,
          step * 1000);
    } else {
      how += ", " + n + " lux samples, 1 s apart";
    }
    return new Read(new Trace(f, t, v, interp, end), how);
  }

  private static Read csv(Path file, List<String> lines, int first, TraceFormat forced, String column,
      Trace.Interpolation interp, Trace.End end, double secondsPerUnit) throws UsageException {
    String[] names = split(lines.get(first));
    int time = -1;
    int date = -1;
    int value = -1;
    TraceFormat.Quantity q = null;
    for (int i = 0; i < names.length; i++) {
      String n = names[i].toLowerCase(Locale.ROOT);
      if (time < 0 && (n.contains("time") || n.equals("mst"))) {
        time = i;
      } else if (date < 0 && time < 0 && n.startsWith("date")) {
        date = i;
      } else if (column != null ? names[i].equals(column) : value < 0 && quantity(n) != null) {
        value = i;
        q = quantity(n);
      }
    }
    if (time < 0 || value < 0) {
      throw new UsageException(where(file, first) + "the CSV header (" + String.join(",", names) + ") needs a time "
          + "column and " + (column != null ? "the column '" + column + "'" : "a power_w, lux, voltage or "
          + "irradiance W/m^2 column") + (column == null ? " (or name one with --trace-column)" : ""));
    }
    if (forced != null) {
      q = forced.quantity;
    } else if (q == null) {
      throw new UsageException("cannot tell what column '" + column + "' measures: add --trace-format "
          + "csv-power|csv-lux|csv-voltage|csv-irradiance");
    }
    String tn = names[time].toLowerCase(Locale.ROOT);
    boolean hhmm = tn.equals("mst") || date >= 0;
    double scale = !Double.isNaN(secondsPerUnit) ? secondsPerUnit : tn.contains("ms") && !tn.equals("mst") ? 1e-3 : 1;
    double[] t = new double[lines.size()];
    double[] v = new double[lines.size()];
    int n = 0;
    for (int i = first + 1; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isBlank()) {
        continue;
      }
      String[] c = split(l);
      if (c.length <= Math.max(time, value) || c[time].isEmpty() || c[value].isEmpty()) {
        // multi-channel logs (BFree) leave a channel's cells empty once its samples end
        continue;
      }
      try {
        double secs = hhmm ? clock(c[time]) + (date >= 0 ? day(c[date]) : 0) : Double.parseDouble(c[time]) * scale;
        if (n > 0 && secs <= t[n - 1]) {
          throw new UsageException(where(file, i) + "time " + c[time] + " does not increase (previous sample at "
              + t[n - 1] + " s)");
        }
        t[n] = secs;
        v[n++] = Double.parseDouble(c[value]);
      } catch (NumberFormatException e) {
        throw new UsageException(where(file, i) + "'" + l.strip() + "' has no number in column '" + names[time]
            + "' or '" + names[value] + "'");
      }
    }
    if (n == 0) {
      throw new UsageException(file + ": no samples under the header");
    }
    double t0 = t[0];
    for (int i = 0; i < n; i++) {
      t[i] -= t0;
    }
    TraceFormat f = TraceFormat.csv(q);
    String how = (forced != null ? "format " + f.cliName + " (as given)" : "detected format " + f.cliName)
        + String.format(Locale.ROOT, ": column '%s' over '%s'%s, %d samples", names[value], names[time],
            hhmm ? " (date and HH:MM)" : scale == 1 ? " (seconds)" : scale == 1e-3 ? " (milliseconds)"
            : " (" + scale + " s per unit)", n);
    return new Read(new Trace(f, Arrays.copyOf(t, n), Arrays.copyOf(v, n), interp, end), how);
  }

  private static TraceFormat.Quantity quantity(String name) {
    if (name.contains("w/m^2") || name.contains("irradiance") || name.contains("w/m2")) {
      return TraceFormat.Quantity.IRRADIANCE;
    }
    if (name.contains("power")) {
      return TraceFormat.Quantity.POWER;
    }
    if (name.contains("lux")) {
      return TraceFormat.Quantity.LUX;
    }
    if (name.contains("volt") || name.contains("vcap") || name.equals("v")) {
      return TraceFormat.Quantity.VOLTAGE;
    }
    return null;
  }

  private static String[] split(String line) {
    String[] c = line.split(",", -1);
    for (int i = 0; i < c.length; i++) {
      c[i] = c[i].strip().replace("\"", "");
    }
    return c;
  }

  private static double clock(String hhmm) {
    String[] p = hhmm.split(":");
    if (p.length < 2) {
      throw new NumberFormatException(hhmm);
    }
    return Integer.parseInt(p[0]) * 3600.0 + Integer.parseInt(p[1]) * 60.0 + (p.length > 2 ? Double.parseDouble(p[2]) : 0);
  }

  private static double day(String mmddyyyy) {
    try {
      return LocalDate.parse(mmddyyyy, DateTimeFormatter.ofPattern("M/d/yyyy")).toEpochDay() * 86400.0;
    } catch (java.time.format.DateTimeParseException e) {
      throw new NumberFormatException(mmddyyyy);
    }
  }

  private static double medianStep(double[] t) {
    if (t.length < 2) {
      return 1e-3;
    }
    double[] d = new double[t.length - 1];
    for (int i = 1; i < t.length; i++) {
      d[i - 1] = t[i] - t[i - 1];
    }
    Arrays.sort(d);
    double m = d[d.length / 2];
    return m > 0 ? m : 1e-3;
  }

  private static String where(Path file, int lineIndex) {
    return file + " line " + (lineIndex + 1) + ": ";
  }

  static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
