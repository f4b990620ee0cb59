package dev.tenax.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tenax.testing.ExternalTools;
import dev.tenax.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command the README, the examples' READMEs and the user guide show runs as shown: the
 * {@code sh} blocks of each file (see {@link ShellBlocks}), in order, in one bash per file, from
 * the repository root. Minutes of QEMU and simulator runs, hence "thorough".
 *
 * <p>The commands run in a view of the repository: a temporary folder whose entries link to the
 * repository's, except {@code build/}, which is a fresh folder (a new user's clone has none), next
 * to a {@code shared} link to the shared data, so that {@code ../shared} in the docs resolves
 * wherever the data is ({@code -Dtenax.shared}). {@code ./tenax} runs this test's own classes
 * (TENAX_CLASSPATH) instead of building its jar inside the running Maven build.
 */
@Tag("thorough")
class DocCommandsTest {
  private static final long TIMEOUT_MINUTES = 10;
  private static final int OUTPUT_LINES_SHOWN = 80;

  @TempDir
  static Path view;

  @TestFactory
  Stream<DynamicTest> docCommandsRun() throws IOException {
    Path shared = SharedData.require("datasets");
    for (String tool : List.of("arm-none-eabi-gcc", "qemu-system-arm", "clang-19", "mspdebug")) {
      Assumptions.assumeTrue(ExternalTools.works(tool, "--version"), tool + " is not installed: the docs need it");
    }
    Path repo = SharedData.repoRoot();
    Path root = makeView(repo, shared.getParent());
    List<DynamicTest> tests = new ArrayList<>();
    for (Path doc : documents(repo)) {
      String rel = repo.relativize(doc).toString();
      List<ShellBlocks.Block> blocks = ShellBlocks.of(Files.readString(doc, StandardCharsets.UTF_8));
      if (!blocks.isEmpty()) {
        tests.add(DynamicTest.dynamicTest(rel, () -> run(root, rel, blocks)));
      }
    }
    assertFalse(tests.isEmpty(), "no sh blocks found: the guide should have some");
    return tests.stream();
  }

  /** README.md, examples/NAME/README.md and docs/guide/*.md, in that order. */
  static List<Path> documents(Path repo) throws IOException {
    List<Path> docs = new ArrayList<>(List.of(repo.resolve("README.md")));
    docs.addAll(sorted(repo.resolve("examples"), p -> p.resolve("README.md")));
    docs.addAll(sorted(repo.resolve("docs/guide"), p -> p));
    return docs.stream().filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".md")).toList();
  }

  private static List<Path> sorted(Path dir, java.util.function.UnaryOperator<Path> map) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().map(map).toList();
    }
  }

  private static Path makeView(Path repo, Path shared) throws IOException {
    Path root = Files.createDirectory(view.resolve("repo"));
    Files.createSymbolicLink(view.resolve("shared"), shared);
    try (Stream<Path> entries = Files.list(repo)) {
      for (Path e : entries.toList()) {
        String name = e.getFileName().toString();
        if (!name.equals("build") && !name.equals(".git")) {
          Files.createSymbolicLink(root.resolve(name), e);
        }
      }
    }
    Files.createDirectory(root.resolve("build"));
    return root;
  }

  private static void run(Path root, String doc, List<ShellBlocks.Block> blocks) throws Exception {
    String name = doc.replaceAll("[^A-Za-z0-9.]", "_");
    Path script = Files.writeString(view.resolve(name + ".sh"), ShellBlocks.script(blocks));
    Path log = view.resolve(name + ".log");
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).directory(root.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("TENAX_CLASSPATH", System.getProperty("java.class.path"));
    Process p = pb.start();
    boolean finished = p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
    if (!finished) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    if (finished && p.exitValue() == 0) {
      return;
    }
    List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
    ShellBlocks.Block failed = blocks.get(0);
    int from = 0;
    for (int i = 0; i < output.size(); i++) {
      for (ShellBlocks.Block b : blocks) {
        if (output.get(i).equals(ShellBlocks.marker(b))) {
          failed = b;
          from = i + 1;
        }
      }
    }
    List<String> shown = output.subList(Math.max(from, output.size() - OUTPUT_LINES_SHOWN), output.size());
    fail(doc + ": sh block " + failed.index() + " (line " + failed.line() + ") "
        + (finished ? "failed with exit status " + p.exitValue() : "ran longer than " + TIMEOUT_MINUTES + " minutes")
        + ":\n" + failed.text() + "--- output of the block (last " + OUTPUT_LINES_SHOWN + " lines) ---\n"
        + String.join("\n", shown));
  }
}
