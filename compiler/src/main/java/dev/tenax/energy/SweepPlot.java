package dev.tenax.energy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A hand-written SVG of mean latency against capacitance (log scale), one line per Von/Voff pair. */
public final class SweepPlot {
  private SweepPlot() {}

  public record Point(double farads, double vOn, double vOff, double latencyS) {}

  private static final String[] COLORS = {"#1f5fa8", "#c0392b", "#27ae60", "#8e44ad", "#d35400", "#16a085"};

  public static String latency(List<Point> points, String title) {
    List<Point> ok = points.stream().filter(p -> Double.isFinite(p.latencyS())).toList();
    double c0 = points.stream().mapToDouble(Point::farads).min().orElse(1e-6);
    double c1 = points.stream().mapToDouble(Point::farads).max().orElse(1e-3);
    if (c1 <= c0) {
      c1 = c0 * 10;
    }
    double lMax = ok.stream().mapToDouble(Point::latencyS).max().orElse(1) * 1.1;
    SvgPlot.Axes a = new SvgPlot.Axes(Math.log10(c0), Math.log10(c1), 0, lMax,
        v -> String.format(Locale.ROOT, "%.3g", Math.pow(10, v) * 1e6));
    StringBuilder sb = a.open(title, "capacitance (uF, log scale)", "mean latency per inference (s)");
    Map<String, StringBuilder> lines = new LinkedHashMap<>();
    for (Point p : ok) {
      String key = String.format(Locale.ROOT, "Von %.2f V, Voff %.2f V", p.vOn(), p.vOff());
      lines.computeIfAbsent(key, k -> new StringBuilder()).append(SvgPlot.fmt(a.x(Math.log10(p.farads()))))
          .append(',').append(SvgPlot.fmt(a.y(p.latencyS()))).append(' ');
    }
    int i = 0;
    for (Map.Entry<String, StringBuilder> e : lines.entrySet()) {
      String color = COLORS[i % COLORS.length];
      sb.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>%n",
          color, e.getValue().toString().strip()));
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"%s\">%s</text>%n",
          SvgPlot.WIDTH - SvgPlot.RIGHT - 200, SvgPlot.TOP + 14 * (i + 1), color, SvgPlot.escape(e.getKey())));
      i++;
    }
    for (Point p : points) {
      if (!Double.isFinite(p.latencyS())) {
        sb.append(String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" font-size=\"12\" fill=\"#c0392b\" "
            + "text-anchor=\"middle\">&#215;<title>%.4g uF never finished</title></text>%n",
            SvgPlot.fmt(a.x(Math.log10(p.farads()))), SvgPlot.fmt(a.y(0) - 4), p.farads() * 1e6));
      }
    }
    return sb.append("</svg>\n").toString();
  }
}
