package dev.tenax.hostrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flash bytes by owner, read from a GNU ld map file: what a user who drops the generated model
 * into their own firmware pays (the weights, the model's code: the runtime kernels and the
 * generated invoke function, and the C library routines they pull in) apart from what only our
 * test harness and board support need (main.c, startup, semihosting, fault reporting).
 *
 * @param weights the {@code .tenax_weights} section (weights, biases, multipliers, tables)
 * @param modelCode code and constants from {@code runtime/} objects and the model's own object
 * @param library code from archives (libc, libgcc) that the model's code pulled in, e.g. memcpy or
 *     64-bit division helpers (ld's "Archive member included" list says who needed each member)
 * @param harness everything else placed in flash: the harness, start-up code, the library members
 *     only they need, alignment padding
 */
public record FlashUse(long weights, long modelCode, long library, long harness) {
  private static final Pattern OUTPUT_SECTION = Pattern.compile("^(\\.\\S+)(?:\\s+0x[0-9a-fA-F]+\\s+0x[0-9a-fA-F]+.*)?$");
  private static final Pattern INPUT_WITH_NAME =
      Pattern.compile("^ (\\S+)\\s+0x[0-9a-fA-F]+\\s+0x([0-9a-fA-F]+)\\s+(\\S.*)$");
  private static final Pattern INPUT_NAME_ONLY = Pattern.compile("^ (\\S+)$");
  private static final Pattern INPUT_CONTINUED = Pattern.compile("^\\s+0x[0-9a-fA-F]+\\s+0x([0-9a-fA-F]+)\\s+(\\S.*)$");
  /** Output sections whose bytes are stored in flash (.data's initial values are copied from it). */
  private static final List<String> FLASH_SECTIONS = List.of(".text", ".rodata", ".ARM.exidx", ".data",
      ".tenax_weights");

  /** The model's code excluding the C library: the "code beyond the weights" is this plus {@link #library}. */
  public long modelCodeWithLibrary() {
    return modelCode + library;
  }

  public long total() {
    return weights + modelCode + library + harness;
  }

  /** Parses {@code map}; {@code modelObject} is the generated model's object file, e.g. "kws.o". */
  public static FlashUse read(Path map, String modelObject) throws IOException {
    List<String> lines = Files.readAllLines(map);
    Map<String, String> neededBy = archiveReferrers(lines);
    long weights = 0;
    long model = 0;
    long library = 0;
    long harness = 0;
    boolean started = false;
    String output = null;
    String pendingInput = null;
    for (String line : lines) {
      if (!started) {
        started = line.startsWith("Linker script and memory map");
        continue;
      }
      Matcher m = OUTPUT_SECTION.matcher(line);
      if (m.matches()) {
        output = m.group(1);
        pendingInput = null;
        continue;
      }
      long size;
      String file;
      Matcher in = INPUT_WITH_NAME.matcher(line);
      Matcher cont = INPUT_CONTINUED.matcher(line);
      if (in.matches() && !in.group(1).startsWith("*")) {
        size = Long.parseLong(in.group(2), 16);
        file = in.group(3).trim();
      } else if (line.startsWith(" *fill*")) {
        Matcher fill = Pattern.compile("^ \\*fill\\*\\s+0x[0-9a-fA-F]+\\s+0x([0-9a-fA-F]+).*$").matcher(line);
        if (!fill.matches()) {
          continue;
        }
        size = Long.parseLong(fill.group(1), 16);
        file = "";
      } else if (pendingInput != null && cont.matches()) {
        size = Long.parseLong(cont.group(1), 16);
        file = cont.group(2).trim();
      } else {
        Matcher name = INPUT_NAME_ONLY.matcher(line);
        pendingInput = name.matches() && !line.startsWith(" *") ? name.group(1) : null;
        continue;
      }
      pendingInput = null;
      if (output == null || !FLASH_SECTIONS.contains(output) || size == 0) {
        continue;
      }
      String owner = file;
      for (int hops = 0; hops < 100 && neededBy.containsKey(owner); hops++) {
        owner = neededBy.get(owner);
      }
      boolean forModel = owner.startsWith("runtime/") || owner.equals(modelObject);
      if (output.equals(".tenax_weights")) {
        weights += size;
      } else if (forModel && file.equals(owner)) {
        model += size;
      } else if (forModel) {
        library += size;
      } else {
        harness += size;
      }
    }
    if (!started) {
      throw new IOException(map + " is not a GNU ld map file (no memory map); rebuild the project with make");
    }
    return new FlashUse(weights, model, library, harness);
  }

  /** The map's first part: each archive member, then (indented) the file whose reference pulled it in. */
  private static Map<String, String> archiveReferrers(List<String> lines) {
    Map<String, String> neededBy = new HashMap<>();
    String member = null;
    for (String line : lines) {
      if (line.startsWith("Discarded input sections") || line.startsWith("Linker script and memory map")) {
        break;
      }
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        member = line.trim();
      } else if (member != null && !line.isBlank()) {
        String referrer = line.trim();
        int symbol = referrer.lastIndexOf(" (");
        neededBy.put(member, symbol > 0 ? referrer.substring(0, symbol) : referrer);
        member = null;
      }
    }
    return neededBy;
  }
}
