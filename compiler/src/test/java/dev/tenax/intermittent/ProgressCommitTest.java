package dev.tenax.intermittent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.testing.HostGcc;
import dev.tenax.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress commit (runtime-c/src/tx_progress.c) survives a power failure at every NVM write
 * of six commits, and at every pair of writes (a second failure while recovering), over NVM that
 * starts as random bytes or as another firmware's progress: the driver checks each reboot's load
 * and prints one sentinel line. Built with the runtime's warnings and UBSan.
 */
class ProgressCommitTest {
  @Test
  void aFailureAtAnyWriteLeavesTheLastCompleteCommit(@TempDir Path tmp) throws Exception {
    HostGcc.require();
    List<String> flags = new ArrayList<>(HostGcc.STRICT);
    flags.addAll(List.of("-O1", "-fsanitize=undefined", "-fno-sanitize-recover", "-I" + HostGcc.runtimeInclude()));
    Path exe = HostGcc.compile(tmp.resolve("progress"), flags,
        SharedData.repoRoot().resolve("runtime-c/src/tx_progress.c"), HostGcc.testSource("tx_progress_driver.c"));
    List<String> out = HostGcc.run(exe, null);
    String last = out.isEmpty() ? "" : out.get(out.size() - 1);
    assertTrue(last.matches("TENAX-PROGRESS-OK cases=\\d{6,}"), String.join("\n", out));
  }
}
