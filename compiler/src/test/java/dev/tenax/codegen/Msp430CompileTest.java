package dev.tenax.codegen;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MSP430 has a 16-bit {@code int}: every runtime source and a generated model must compile
 * warning-free for it (clang-19 --target=msp430 with -Wconversion), which catches constants and
 * shifts that silently assume 32-bit int (an intermittent build's call tables included). Skips
 * visibly without clang-19.
 */
class Msp430CompileTest {
  static final List<String> FLAGS = List.of("--target=msp430", "-std=c99", "-Wall", "-Wextra", "-Werror",
      "-pedantic", "-Wconversion", "-Wsign-conversion", "-ffreestanding", "-O2", "-c",
      "-DTX_MSP430_HWMULT_BASE=0x0130");

  @Test
  void runtimeAndGeneratedModelCompileWith16BitInt(@TempDir Path tmp) throws Exception {
    Assumptions.assumeTrue(available(), "clang-19 is not installed: MSP430 compile check skipped");
    Path runtime = SharedData.repoRoot().resolve("runtime-c");
    List<Path> sources = new ArrayList<>();
    try (Stream<Path> s = Files.list(runtime.resolve("src"))) {
      s.filter(p -> p.toString().endsWith(".c")).sorted().forEach(sources::add);
    }
    assertTrue(sources.size() > 20, sources.toString());
    // The EABI helpers every MSP430 project links (multiply, divide, shifts, soft float).
    for (String dir : List.of("msp430/src", "msp430-hwmult/src")) {
      try (Stream<Path> s = Files.list(runtime.resolve(dir))) {
        s.filter(p -> p.toString().endsWith(".c")).sorted().forEach(sources::add);
      }
    }
    for (Path src : sources) {
      compile(src, tmp, runtime.resolve("include"));
    }
    Path project = tmp.resolve("project");
    ModelCompiler.compile(KernelCoverageTest.model(), new EmitOptions("cover", "host", null, "test",
        "cover.onnx", "0"), project);
    for (String f : List.of("cover.c", "cover_weights.c")) {
      compile(project.resolve(f), tmp, project, project.resolve("runtime/include"));
    }
    // An intermittent build's call tables (offsets as uint16_t/uint32_t, row arithmetic) too.
    Path tiled = tmp.resolve("tiled");
    ModelCompiler.compile(KernelCoverageTest.model(), new EmitOptions("tiled", "host", null, "test",
        "cover.onnx", "0", 2000), tiled);
    compile(tiled.resolve("tiled.c"), tmp, tiled, tiled.resolve("runtime/include"));
  }

  private static void compile(Path source, Path outDir, Path... includes) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("clang-19"));
    cmd.addAll(FLAGS);
    for (Path inc : includes) {
      cmd.add("-I" + inc);
    }
    cmd.add("-o");
    cmd.add(outDir.resolve(source.getFileName() + ".o").toString());
    cmd.add(source.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, source + " for MSP430:\n" + out);
  }

  private static boolean available() {
    try {
      Process p = new ProcessBuilder("clang-19", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
