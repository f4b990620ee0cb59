package dev.tenax.hostrun;

import dev.tenax.io.JsonParser;
import dev.tenax.target.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one run of a Cortex-M firmware under QEMU measured: per kernel call the SysTick ticks,
 * turned into instructions (QEMU with -icount shift=0 advances virtual time 1 ns per
 * instruction, so instructions = ticks * 1e9 / SysTick clock), and the memory the link placed
 * and the stack the inference used (flash comes from the link map: {@link FlashUse}).
 */
public record FirmwareProfile(List<Layer> layers, long stackBytes, long ramBytes, long arenaBytes,
    long stackReserved) {
  /** One kernel call. */
  public record Layer(int index, String kernel, String node, long macs, long instructions) {
    public double instructionsPerMac() {
      return macs == 0 ? Double.NaN : (double) instructions / macs;
    }
  }

  private static final Pattern STEP = Pattern.compile("TENAX-STEP (\\d+) (\\d+)");
  private static final Pattern MEM = Pattern.compile(
      "TENAX-MEM stack=(\\d+) ram=(\\d+) flash=\\d+ weights=\\d+ arena=(\\d+) stack_reserved=(\\d+)");

  public static FirmwareProfile of(ProjectManifest m, Target t, String console) throws IOException {
    Map<?, ?> map = (Map<?, ?>) JsonParser.parse(Files.readString(m.dir().resolve("memory_map.json"),
        StandardCharsets.UTF_8));
    List<?> steps = (List<?>) map.get("steps");
    if (steps == null) {
      throw new IOException(m.dir() + "/memory_map.json lists no steps; compile the model again");
    }
    List<Layer> layers = new ArrayList<>();
    Matcher s = STEP.matcher(console);
    while (s.find()) {
      int i = Integer.parseInt(s.group(1));
      Map<?, ?> step = (Map<?, ?>) steps.get(i);
      long ticks = Long.parseLong(s.group(2));
      layers.add(new Layer(i, (String) step.get("kernel"), (String) step.get("node"),
          ((Number) step.get("macs")).longValue(), Math.round(ticks * 1e9 / t.clockHz())));
    }
    Matcher mem = MEM.matcher(console);
    if (layers.size() != steps.size() || !mem.find()) {
      throw new IOException("the firmware did not report every step and its memory; console:\n" + console);
    }
    return new FirmwareProfile(layers, Long.parseLong(mem.group(1)), Long.parseLong(mem.group(2)),
        Long.parseLong(mem.group(3)), Long.parseLong(mem.group(4)));
  }

  /**
   * SRAM the inference really needs: everything the link placed (data, bss with the input and
   * output tensors, the arena) minus the stack reservation, plus the stack it used.
   */
  public long peakSram() {
    return ramBytes - stackReserved + stackBytes;
  }

  public long instructions() {
    return layers.stream().mapToLong(Layer::instructions).sum();
  }

  public long macs() {
    return layers.stream().mapToLong(Layer::macs).sum();
  }

  /** Instructions of the layers that multiply (convolutions, fully connected). */
  public long macLayerInstructions() {
    return layers.stream().filter(l -> l.macs() > 0).mapToLong(Layer::instructions).sum();
  }
}
