package dev.tenax.energy;

import java.util.List;
import java.util.Locale;

/**
 * The harvesting-trace file formats the simulator reads, each with the quantity it carries:
 * a CSV with a header naming a time column (seconds) and a power_w, lux, voltage or irradiance
 * (W/m^2) column; the
 * Fused simulator's one-lux-per-line file (one sample per second); and the MSPSim energy fork's
 * two whitespace-separated columns, time in milliseconds and voltage.
 */
public enum TraceFormat {
  CSV_POWER("csv-power", Quantity.POWER),
  CSV_LUX("csv-lux", Quantity.LUX),
  CSV_VOLTAGE("csv-voltage", Quantity.VOLTAGE),
  CSV_IRRADIANCE("csv-irradiance", Quantity.IRRADIANCE),
  FUSED_LUX("fused-lux", Quantity.LUX),
  MSPSIM_VOLTAGE("mspsim-voltage", Quantity.VOLTAGE);

  /** What a trace's values measure, and so which harvester turns them into current. */
  public enum Quantity { POWER, LUX, VOLTAGE, IRRADIANCE }

  public final String cliName;
  public final Quantity quantity;

  TraceFormat(String cliName, Quantity quantity) {
    this.cliName = cliName;
    this.quantity = quantity;
  }

  public static List<String> names() {
    return java.util.Arrays.stream(values()).map(f -> f.cliName).toList();
  }

  public static TraceFormat byName(String name) {
    for (TraceFormat f : values()) {
      if (f.cliName.equals(name.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    return null;
  }

  /** The CSV format whose values are {@code q}. */
  public static TraceFormat csv(Quantity q) {
    return switch (q) {
      case POWER -> CSV_POWER;
      case LUX -> CSV_LUX;
      case VOLTAGE -> CSV_VOLTAGE;
      case IRRADIANCE -> CSV_IRRADIANCE;
    };
  }

  public boolean isCsv() {
    return cliName.startsWith("csv");
  }

  /**
   * The format of a file without a header, from its first line: one number is Fused lux, two
   * numbers are MSPSim time-in-ms and voltage. Null when the line fits neither.
   */
  public static TraceFormat detect(String firstLine) {
    String[] cells = firstLine.strip().split("[\\s,;]+");
    if (cells.length == 1 && TraceReader.isNumber(cells[0])) {
      return FUSED_LUX;
    }
    if (cells.length == 2 && TraceReader.isNumber(cells[0]) && TraceReader.isNumber(cells[1])) {
      return MSPSIM_VOLTAGE;
    }
    return null;
  }
}
