package dev.tenax.cli;

import static dev.tenax.cli.CliTest.tenax;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.io.JsonParser;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tenax bench --functions}: every kernel call's instructions split by function, from QEMU's
 * execution log, add up to what SysTick measured for the call (less the profiling calls between
 * steps), and name the kernels' functions.
 */
class BenchFunctionsTest {
  @TempDir
  Path tmp;

  private static final Pattern LAYER = Pattern.compile("(?m)^(\\d+) +(tx_\\w+) +\\d+ +(\\d+) ");
  private static final Pattern BY_FUNCTION = Pattern.compile("(?m)^(\\d+) +(tx_\\w+) +(\\d+)  (.+)$");

  @Test
  void functionsAddUpToEachCallsInstructions() throws Exception {
    dev.tenax.codegen.CortexMRunTest.requireToolchain();
    Path q = CliTest.quantizedExample(tmp.resolve("ex"));
    Path p = tmp.resolve("m4");
    CliTest.Run c = tenax("compile", q.toString(), "--target", "cortex-m4", "-o", p.toString());
    assertEquals(0, c.code(), c.err());

    CliTest.Run bench = tenax("bench", p.toString(), "--functions");
    assertEquals(0, bench.code(), bench.err());
    String out = bench.out();
    int split = out.indexOf("instructions by function");
    assertTrue(split > 0, out);
    Map<Integer, Long> systick = new HashMap<>();
    Matcher l = LAYER.matcher(out.substring(0, split));
    while (l.find()) {
      systick.put(Integer.parseInt(l.group(1)), Long.parseLong(l.group(3)));
    }
    assertFalse(systick.isEmpty(), out);
    Matcher f = BY_FUNCTION.matcher(out.substring(split));
    int rows = 0;
    while (f.find()) {
      rows++;
      long logged = Long.parseLong(f.group(3));
      long measured = systick.get(Integer.parseInt(f.group(1)));
      // the SysTick figure also holds the profiling call and timer read after the step
      assertTrue(logged <= measured && measured - logged <= 200, "step " + f.group(1) + ": " + logged
          + " by function, " + measured + " by SysTick\n" + out);
      String first = f.group(4).split(" ")[0];
      assertFalse(first.startsWith("0x") || first.equals("other"), "the top function is named: " + f.group());
      if (f.group(2).equals("tx_conv2d_s8")) {
        assertFalse(f.group(4).contains("_invoke"), "a convolution's work is in its kernel: " + f.group());
      }
    }
    assertEquals(systick.size(), rows, "one row per kernel call:\n" + out);

    Path msp = tmp.resolve("msp");
    CliTest.Run m = tenax("compile", q.toString(), "--target", "msp430fr5994", "--no-build", "-o", msp.toString());
    assertEquals(0, m.code(), m.err());
    CliTest.Run refused = tenax("bench", msp.toString(), "--functions");
    assertEquals(2, refused.code(), refused.out());
    assertTrue(refused.err().contains("--functions reads QEMU's execution log"), refused.err());

    CliTest.Run json = tenax("bench", p.toString(), "--functions", "--json");
    assertEquals(0, json.code(), json.err());
    Map<?, ?> root = (Map<?, ?>) JsonParser.parse(json.out());
    for (Object o : (List<?>) root.get("layers")) {
      Map<?, ?> layer = (Map<?, ?>) o;
      long sum = ((Map<?, ?>) layer.get("functions")).values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
      long measured = ((Number) layer.get("instructions")).longValue();
      assertTrue(sum <= measured && measured - sum <= 200, layer.toString());
    }
  }
}
