package dev.tenax.hostrun;

import dev.tenax.diag.UsageException;
import dev.tenax.intermittent.PowerSchedule;
import dev.tenax.ir.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * First-writes schedules on the host: the intermittent harness (templates/host/power_main.c.ftl)
 * watches the kernels' stores itself, by write-protecting the pages of the arena and the outputs
 * and single-stepping each store, which needs Linux on x86-64. The events are those of the
 * Cortex-M sweep ({@link FirstWriteSweep}): each stretch's first store to each word, the stretches
 * separated by progress commits.
 */
public final class HostFirstWrites {
  private static final Pattern EVENT = Pattern.compile("TENAX-FIRST-WRITE commits=(\\d+) offset=(\\d+)");

  private HostFirstWrites() {}

  /** Whether this machine can run the host harness's first-writes schedules. */
  public static boolean supported() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "");
    return os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
  }

  /** A usage error on machines that cannot run them. */
  public static void requireSupported() throws UsageException {
    if (!supported()) {
      throw new UsageException("first-writes schedules on a host build need Linux on x86-64 (the harness watches "
          + "the kernels' stores by page protection and single-stepping); here use nvm-writes:K or every:N, or "
          + "compile for a Cortex-M target and run under QEMU");
    }
  }

  /**
   * One run of the host harness with the power failing at the first writes {@code schedule} names;
   * with {@code none} it fails nowhere and lists every first write of the inference (the address
   * being the byte offset in the harness's NVM region: the arena, then each output, each from a
   * page boundary). Other schedules list none.
   */
  public static FirstWriteSweep.Result run(ProjectManifest m, Map<String, Tensor> feed, PowerSchedule schedule,
      long timeoutSeconds) throws IOException, UsageException {
    requireSupported();
    byte[] file;
    if (schedule.none()) {
      // at-first-writes without values: the harness fails nowhere and prints every event
      file = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(6).putInt(0).array();
    } else if (schedule.onFirstWrites()) {
      file = schedule.firmwareFile(0, 1);
    } else {
      throw new IllegalArgumentException("not a first-writes schedule: " + schedule);
    }
    List<String> harness = List.of(HostBuild.make(m.dir(), m.name() + "_power").toAbsolutePath().toString());
    QemuRun.Result r = QemuRun.runHarness(m, harness, feed, timeoutSeconds, file);
    List<FirstWriteSweep.FirstWrite> events = new ArrayList<>();
    Matcher e = EVENT.matcher(r.console());
    while (e.find()) {
      events.add(new FirstWriteSweep.FirstWrite(Integer.parseInt(e.group(1)), Long.parseLong(e.group(2))));
    }
    return new FirstWriteSweep.Result(r, List.copyOf(events));
  }
}
