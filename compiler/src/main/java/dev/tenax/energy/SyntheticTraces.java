package dev.tenax.energy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Tenax's own small traces, made from formulas so they can be regenerated and checked:
 * <ul>
 *   <li>constant-1mW.csv: 1 mW for ever (one sample, looped);
 *   <li>square-5mW-1s.csv: 5 mW for 0.5 s, nothing for 0.5 s (a harvester that comes and goes);
 *   <li>indoor-day-lux.csv: one day of light on an office desk, one sample per minute: daylight
 *       through a window, 250 sin(pi (h - 6) / 12) lux between 6:00 and 18:00, plus ceiling lights
 *       of 400 lux from 8:00 to 18:00, dimmed by a passing cloud of 20% every 47 minutes; darkness
 *       at night (read through the PV cell model, --trace-format csv-lux is detected).
 * </ul>
 * Regenerate with {@code java -cp compiler/target/tenax.jar dev.tenax.energy.SyntheticTraces traces}.
 */
public final class SyntheticTraces {
  private SyntheticTraces() {}

  public static Map<String, String> all() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("constant-1mW.csv", "time_s,power_w\n0,0.001\n");
    m.put("square-5mW-1s.csv", "time_s,power_w\n0,0.005\n0.5,0\n");
    StringBuilder day = new StringBuilder("time_s,lux\n");
    for (int minute = 0; minute < 24 * 60; minute++) {
      day.append(minute * 60).append(',').append(String.format(Locale.ROOT, "%.1f", indoorLux(minute / 60.0)))
          .append('\n');
    }
    m.put("indoor-day-lux.csv", day.toString());
    return m;
  }

  /** The desk's illuminance at {@code hour} (0 to 24). */
  static double indoorLux(double hour) {
    double daylight = hour > 6 && hour < 18 ? 250 * Math.sin(Math.PI * (hour - 6) / 12) : 0;
    double lamps = hour >= 8 && hour < 18 ? 400 : 0;
    double cloud = ((int) (hour * 60) % 47) < 5 ? 0.8 : 1.0;
    return daylight * cloud + lamps;
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "traces");
    Files.createDirectories(dir);
    for (Map.Entry<String, String> e : all().entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), e.getValue());
      System.out.println("wrote " + dir.resolve(e.getKey()));
    }
  }
}
