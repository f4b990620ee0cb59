package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.diag.Code;
import dev.tenax.examples.TinyCnn;
import dev.tenax.hostrun.HostBuild;
import dev.tenax.ir.Graph;
import dev.tenax.lower.Program;
import dev.tenax.passes.Pipeline;
import dev.tenax.target.FirmwareCode;
import dev.tenax.target.Msp430Fit;
import dev.tenax.target.Targets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fit check agrees with the real link: its FRAM estimate covers what clang-19/ld.lld-19 link
 * for the tiny CNN (intermittent, tiled, and continuous) without overshooting by much, and a link
 * that overflows a region anyway is reported as TX090 with the region, the bytes needed and the
 * bytes there, for ld.lld (MSP430) and GNU ld (Cortex-M), not as the linker's text.
 */
class FirmwareFitTest {
  private static final Pattern NEEDS = Pattern.compile(
      "needs ([\\d,]+) bytes of (\\w+); the board's linker script gives it ([\\d,]+) \\(([\\d,]+) bytes too many\\)");

  private static ModelCompiler.Result tinyCnn(String target, long tileWork, Path dir) throws Exception {
    Graph g = HostModelsTest.quantized(Pipeline.standard().run(TinyCnn.graph()));
    return ModelCompiler.compile(g, new EmitOptions("m", target, null, "test", "m.onnx", "0", tileWork), dir);
  }

  @Test
  void framEstimateCoversTheLinkedFirmware(@TempDir Path dir) throws Exception {
    Msp430RunTest.requireToolchain();
    for (long tileWork : new long[] {4000, 0}) {
      Path d = dir.resolve("w" + tileWork);
      ModelCompiler.Result r = tinyCnn("msp430fr5994", tileWork, d);
      HostBuild.make(d, "m.elf");
      long linked = linkedBelow(d.resolve("m.elf"), 0x4000, 0xFF80);
      ProjectView v = r.view();
      long io = 0;
      for (Program.Io x : r.program().inputs()) {
        io += x.type().bytes();
      }
      for (Program.Io x : r.program().outputs()) {
        io += x.type().bytes();
      }
      long estimate = Msp430Fit.framBytes(Targets.find("msp430fr5994").orElseThrow(), v.weightBytes(),
          new FirmwareCode(GeneratedCodeSize.estimate(v, 2), v.runtimeSources()), v.arenaBytes(), io, tileWork > 0);
      String what = (tileWork > 0 ? "intermittent" : "continuous") + " tiny CNN: estimated " + estimate
          + " bytes of FRAM, linked " + linked;
      assertTrue(estimate >= linked, what);
      assertTrue(estimate <= linked * 1.15, what);
      long model = objectBytes(d.resolve("m.o"));
      long generated = GeneratedCodeSize.estimate(v, 2);
      assertTrue(generated >= model && generated <= model * 1.5 + 256,
          what + "; model.o has " + model + " bytes of code and constants, estimated " + generated);
    }
  }

  /**
   * The MSP430 Makefile links at -Os and, while that overflows the FRAM, links again at -Oz, then
   * at -Oz -DTX_SMALL_CODE, and records why: with the board's FRAM set between the tiny CNN's -Oz
   * and -Os links, make takes -Oz and the shortfall it reports is the -Os link's; set between its
   * smallest and -Oz links, make takes the smallest level and reports both shortfalls; flags given
   * by the user get no fallback.
   */
  @Test
  void makeFallsBackLevelByLevelWhileTheLinkOverflowsTheFram(@TempDir Path dir) throws Exception {
    Msp430RunTest.requireToolchain();
    tinyCnn("msp430fr5994", 0, dir);
    long os = framUsedAt(dir, "-Os");
    long oz = framUsedAt(dir, "-Oz");
    long small = framUsedAt(dir, "-Oz -DTX_SMALL_CODE");
    assertTrue(oz + 64 < os, "-Oz saves too little for this test: " + oz + " vs " + os);
    assertTrue(small + 64 < oz, "TX_SMALL_CODE saves too little for this test: " + small + " vs " + oz);
    long limit = (os + oz) / 2 & ~1L;
    setFram(dir, limit);
    make(dir, true, "clean");
    String tooLarge = make(dir, false, "CFLAGS=-Os", "m.elf");
    assertTrue(tooLarge.contains("will not fit in region 'FRAM'") && !tooLarge.contains("tenax: at -Os"), tooLarge);
    make(dir, true, "clean");
    dev.tenax.hostrun.Msp430CodeLevel level = dev.tenax.hostrun.Msp430CodeLevel.read(dir, HostBuild.make(dir, "m.elf"));
    String what = "-Os " + os + ", -Oz " + oz + ", FRAM " + limit + ": " + level;
    boolean byLink = System.getenv("CFLAGS") == null;
    assertEquals(byLink ? "-Oz" : System.getenv("CFLAGS"), level.level(), what);
    assertEquals(oz, level.framUsed(), what);
    assertEquals(limit, level.framBytes(), what);
    assertEquals(os - limit, level.osShortfall(), what);
    assertTrue(level.summary().contains(String.format(java.util.Locale.ROOT, "at -Os the firmware needs %,d bytes", os)),
        level.summary());

    long smallest = (oz + small) / 2 & ~1L;
    setFram(dir, smallest);
    make(dir, true, "clean");
    level = dev.tenax.hostrun.Msp430CodeLevel.read(dir, HostBuild.make(dir, "m.elf"));
    what = "-Oz " + oz + ", smallest " + small + ", FRAM " + smallest + ": " + level;
    assertEquals(byLink ? "-Oz -DTX_SMALL_CODE" : System.getenv("CFLAGS"), level.level(), what);
    assertEquals(small, level.framUsed(), what);
    assertEquals(List.of(new dev.tenax.hostrun.Msp430CodeLevel.Shortfall("-Os", os - smallest),
        new dev.tenax.hostrun.Msp430CodeLevel.Shortfall("-Oz", oz - smallest)), level.shortfalls(), what);
    assertTrue(level.summary().startsWith("code compiled with -Oz -DTX_SMALL_CODE (smallest code, slower loops):"),
        level.summary());
  }

  /** The board linker script of the project in {@code dir} with {@code bytes} of FRAM below 64 KB. */
  private static void setFram(Path dir, long bytes) throws Exception {
    Path ld = dir.resolve("board/msp430fr5994.ld");
    java.util.regex.Pattern line = java.util.regex.Pattern.compile("(FRAM \\(rwx\\)\\s*: ORIGIN = 0x4000, LENGTH = 0x)[0-9A-F]+");
    String text = Files.readString(ld);
    assertTrue(line.matcher(text).find(), ld + " no longer has: " + line);
    Files.writeString(ld, line.matcher(text).replaceFirst("$1" + Long.toHexString(bytes).toUpperCase(java.util.Locale.ROOT)));
  }

  /** __fram_used__ of the tiny CNN project in {@code dir} built from clean at {@code level}. */
  private static long framUsedAt(Path dir, String level) throws Exception {
    make(dir, true, "clean");
    make(dir, true, "CFLAGS=" + level, "m.elf");
    return dev.tenax.hostrun.ElfSymbols.read(dir.resolve("m.elf")).find("__fram_used__").orElseThrow().address();
  }

  private static String make(Path dir, boolean mustSucceed, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("make", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    int code = p.waitFor();
    assertEquals(mustSucceed, code == 0, out);
    return out;
  }

  @Test
  void lldOverflowOfFramIsTx090WithTheNumbers(@TempDir Path dir) throws Exception {
    Msp430RunTest.requireToolchain();
    assertOverflowIsTx090(dir, "msp430fr5994", 4000, "board/msp430fr5994.ld",
        "FRAM (rwx)     : ORIGIN = 0x4000, LENGTH = 0x", "BF80", "4000", "FRAM", 0x4000);
  }

  @Test
  void gnuLdOverflowOfFlashIsTx090WithTheNumbers(@TempDir Path dir) throws Exception {
    CortexMRunTest.requireToolchain();
    assertOverflowIsTx090(dir, "cortex-m4", 0, "board/mps2-an386.ld",
        "FLASH (rx) : ORIGIN = 0x00000000, LENGTH = ", "4M", "8K", "FLASH", 8192);
  }

  /** Builds the tiny CNN with the board's region {@code line + from} shrunk to {@code line + to}. */
  private static void assertOverflowIsTx090(Path dir, String target, long tileWork, String script, String line,
      String from, String to, String region, long available) throws Exception {
    tinyCnn(target, tileWork, dir);
    Path ld = dir.resolve(script);
    String text = Files.readString(ld);
    assertTrue(text.contains(line + from), ld + " no longer has: " + line + from);
    Files.writeString(ld, text.replace(line + from, line + to));
    assertTx090(dir, "m.elf", region, available);
  }

  private static void assertTx090(Path dir, String elf, String region, long available) throws Exception {
    HostBuild.LinkOverflowException e = assertThrows(HostBuild.LinkOverflowException.class,
        () -> HostBuild.make(dir, elf));
    assertEquals(Code.TX090, e.diagnostic().code());
    String message = e.diagnostic().message();
    Matcher m = NEEDS.matcher(message);
    assertTrue(m.find(), message);
    assertEquals(region, m.group(2), message);
    assertEquals(available, number(m.group(3)), message);
    assertEquals(number(m.group(1)) - available, number(m.group(4)), message);
    assertTrue(number(m.group(4)) > 0, message);
    assertTrue(message.indexOf("details (linker)") > message.indexOf("too many"), message);
    // The CLI prints it as a rejection (exit 65), like the fit check's own TX090.
    StringWriter err = new StringWriter();
    int code = dev.tenax.cli.TenaxMain.handle(e, new PrintWriter(err));
    assertEquals(dev.tenax.cli.ExitCodes.MODEL_REJECTED, code, err.toString());
    assertTrue(err.toString().startsWith("error TX090: the firmware does not link"), err.toString());
  }

  private static long number(String s) {
    return Long.parseLong(s.replace(",", ""));
  }

  /** Bytes of the ELF's allocated sections that start in [from, to), from llvm-size -A. */
  private static long linkedBelow(Path elf, long from, long to) throws Exception {
    long sum = 0;
    for (String line : run(List.of("llvm-size-19", "-A", elf.toString()))) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 3 && f[0].startsWith(".") && f[1].matches("\\d+") && f[2].matches("\\d+")) {
        long addr = Long.parseLong(f[2]);
        if (addr >= from && addr < to) {
          sum += Long.parseLong(f[1]);
        }
      }
    }
    return sum;
  }

  /** .text and .rodata bytes of an object file. */
  private static long objectBytes(Path o) throws Exception {
    long sum = 0;
    for (String line : run(List.of("llvm-size-19", "-A", o.toString()))) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 3 && (f[0].startsWith(".text") || f[0].startsWith(".rodata"))) {
        sum += Long.parseLong(f[1]);
      }
    }
    return sum;
  }

  private static List<String> run(List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), cmd + ": " + out);
    return out.lines().toList();
  }
}
