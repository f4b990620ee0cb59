package dev.tenax.hostrun;

import dev.tenax.diag.UsageException;
import dev.tenax.intermittent.PowerSchedule;
import dev.tenax.ir.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Power failures right before the first store to NVM words, on Cortex-M under QEMU: the stores
 * the kernels make into the arena and the outputs are plain stores that the firmware does not
 * count (unlike the progress commits' {@code tx_nvm_write16}), so a debugger watches them. One
 * write watchpoint per word of the intermittent harness's {@code arena} and {@code output_<i>};
 * each is removed at its first hit, which numbers the words in the order the inference first
 * writes them (a word rewritten after a reboot is not counted again). At a word the schedule
 * names, the core, stopped before the store, continues at the harness's {@code tenax_power_fail}
 * instead, so the failure takes the harness's own path (SYSRESETREQ, then the boot fills the stack
 * with random bytes and resumes from NVM). After the schedule's last word the debugger detaches
 * and the firmware runs on at full speed.
 */
public final class FirstWriteSweep {
  /** The run and the words first written, in order (up to the detach), as addresses. */
  public record Result(QemuRun.Result run, List<Long> firstWrites) {}

  private static final int WORD = 4;

  private FirstWriteSweep() {}

  /**
   * One run of the project's firmware with the power failing at the first writes {@code schedule}
   * names ({@code none}: no failure; the run then lists the order of every word's first write).
   */
  public static Result run(ProjectManifest m, Map<String, Tensor> feed, PowerSchedule schedule, long timeoutSeconds)
      throws IOException, UsageException {
    if (!schedule.none() && !schedule.onFirstWrites()) {
      throw new IllegalArgumentException("not a first-writes schedule: " + schedule);
    }
    ElfSymbols symbols = ElfSymbols.read(HostBuild.make(m.dir(), m.name() + ".elf"));
    List<Long> words = kernelWords(symbols, m);
    long powerFail = symbols.find("tenax_power_fail").orElseThrow(() -> new UsageException(m.dir()
        + " was generated before the harness had tenax_power_fail; compile the model again")).address() & ~1L;
    List<Long> order = new ArrayList<>();
    QemuRun.Result r = QemuRun.run(m, feed, timeoutSeconds, null, gdb -> {
      Set<Long> watched = new HashSet<>(words);
      for (long w : words) {
        gdb.watchWrites(w, WORD);
      }
      while (true) {
        GdbRemote.Stop stop = gdb.resume();
        if (stop.exited()) {
          return;
        }
        long word = stop.watchAddress() & ~(long) (WORD - 1);
        if (!watched.remove(word)) {
          throw new IOException("the core stopped where no NVM word was watched: " + stop.reply());
        }
        gdb.unwatchWrites(word, WORD);
        order.add(word);
        if (schedule.failsAtFirstWrite(order.size())) {
          gdb.jump(powerFail);
        }
        if (order.size() >= schedule.lastFirstWrite()) {
          gdb.detach();
          return;
        }
      }
    });
    return new Result(r, List.copyOf(order));
  }

  /** The words of the harness's arena and outputs: the NVM the kernels store into. */
  static List<Long> kernelWords(ElfSymbols symbols, ProjectManifest m) throws IOException {
    List<String> buffers = new ArrayList<>(List.of("arena"));
    for (int i = 0; i < m.outputs().size(); i++) {
      buffers.add("output_" + i);
    }
    List<Long> words = new ArrayList<>();
    for (String name : buffers) {
      ElfSymbols.Symbol s = symbols.find(name).orElseThrow(() -> new IOException(Path.of(m.name() + ".elf")
          + " has no symbol " + name + ": is it an intermittent Cortex-M build? compile the model again"));
      for (long a = s.address() & ~(long) (WORD - 1); a < s.address() + s.size(); a += WORD) {
        words.add(a);
      }
    }
    return words;
  }
}
