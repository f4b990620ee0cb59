package dev.tenax.intermittent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.testing.HostGcc;
import dev.tenax.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The progress commit (runtime-c/src/tx_progress.c) survives a power failure at every NVM write
 * of six commits, and at every pair of writes (a second failure while recovering), over NVM that
 * starts as random bytes or as another firmware's progress: the driver checks each reboot's load
 * and prints one sentinel line. Built with the runtime's warnings and UBSan.
 */
class ProgressCommitTest {
  /** The check as 32-bit cores compute it, and as the MSP430 does (16-bit sums with the end-around carry). */
  @ParameterizedTest
  @ValueSource(strings = {"", "-DTX_PROGRESS_CHECK16"})
  void aFailureAtAnyWriteLeavesTheLastCompleteCommit(String define, @TempDir Path tmp) throws Exception {
    List<String> out = HostGcc.run(build(tmp, "tx_progress_driver.c", define), null);
    String last = out.isEmpty() ? "" : out.get(out.size() - 1);
    assertTrue(last.matches("TENAX-PROGRESS-OK cases=\\d{6,}"), String.join("\n", out));
  }

  /**
   * The same commits leave the same NVM, and a load reads the same back, whether the check is summed
   * in 32 bits and folded or in 16 bits with the end-around carry, and whether the writes go through
   * tx_nvm_write16 or, on a platform built with TX_NVM_WRITE16_GATED while nothing counts them, are
   * stores in place (the driver also fails if one of them made the call).
   */
  @Test
  void everyWayOfCommittingLeavesTheSameNvm(@TempDir Path tmp) throws Exception {
    List<String> plain = HostGcc.run(build(tmp.resolve("a"), "tx_progress_image_driver.c", ""), null);
    assertEquals(400, plain.size(), String.join("\n", plain));
    for (String define : List.of("-DTX_PROGRESS_CHECK16", "-DTX_NVM_WRITE16_GATED")) {
      Path dir = tmp.resolve(define.substring(2));
      assertEquals(plain, HostGcc.run(build(dir, "tx_progress_image_driver.c", define), null), define);
    }
  }

  private static Path build(Path dir, String driver, String define) throws Exception {
    HostGcc.require();
    java.nio.file.Files.createDirectories(dir);
    List<String> flags = new ArrayList<>(HostGcc.STRICT);
    flags.addAll(List.of("-O1", "-fsanitize=undefined", "-fno-sanitize-recover", "-I" + HostGcc.runtimeInclude()));
    if (!define.isEmpty()) {
      flags.add(define);
    }
    return HostGcc.compile(dir.resolve("progress"), flags,
        SharedData.repoRoot().resolve("runtime-c/src/tx_progress.c"), HostGcc.testSource(driver));
  }
}
