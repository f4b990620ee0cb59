package dev.tenax.target;

import java.util.List;

/**
 * What the compiler knows about a target: its memories (the compiler refuses models that do
 * not fit, with the numbers), its core features, how to compile for it and, for Cortex-M, the
 * QEMU board that stands for it in tests.
 *
 * @param name the --target value, e.g. "cortex-m4"
 * @param family "host" or "cortex-m": selects the templates (templates/&lt;family&gt;/)
 * @param flashBytes memory for code and constant data (0: unlimited, the host)
 * @param sramBytes memory for the arena, stack and data (0: unlimited)
 * @param cflags the C compiler's target flags
 * @param qemuMachine the QEMU board (null for the host)
 * @param qemuCpu the QEMU -cpu value
 * @param features e.g. "dsp", "fpu", "mve"
 * @param clockHz the core clock the performance figures assume
 */
public record Target(String name, String family, String description, long flashBytes, long sramBytes,
    List<String> cflags, String qemuMachine, String qemuCpu, List<String> features, long clockHz) {
  public boolean hasFeature(String f) {
    return features.contains(f);
  }

  public boolean isHost() {
    return family.equals("host");
  }
}
