package dev.tenax.hostrun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SRAM of an MSP430 project's part, as its linker script (board/&lt;board&gt;.ld) declares it:
 * the memory a power failure wipes. mspdebug's simulator has one flat 64 KB memory whose contents
 * survive its "reset", which is right for FRAM; for SRAM the failure driver writes random bytes
 * over this range before every boot.
 */
record Msp430Sram(int origin, int length) {
  private static final Pattern SRAM = Pattern.compile(
      "^\\s*SRAM\\s*\\([^)]*\\)\\s*:\\s*ORIGIN\\s*=\\s*(0x[0-9A-Fa-f]+|\\d+)\\s*,\\s*LENGTH\\s*=\\s*(0x[0-9A-Fa-f]+|\\d+)",
      Pattern.MULTILINE);

  /** mspdebug's fill takes a pattern of at most this many bytes. */
  static final int FILL_PATTERN_MAX = 256;

  /** The SRAM line of the MEMORY block of the project's linker script. */
  static Msp430Sram read(Path projectDir) throws IOException {
    String board = null;
    for (String line : Files.readAllLines(projectDir.resolve("board/board.mk"), StandardCharsets.UTF_8)) {
      if (line.startsWith("TENAX_BOARD")) {
        board = line.substring(line.indexOf('=') + 1).trim();
      }
    }
    Path ld = projectDir.resolve("board/" + board + ".ld");
    if (board == null || !Files.exists(ld)) {
      throw new IOException(projectDir + "/board has no linker script named by TENAX_BOARD; compile the model again");
    }
    Matcher m = SRAM.matcher(Files.readString(ld, StandardCharsets.UTF_8));
    if (!m.find()) {
      throw new IOException(ld + " declares no SRAM region; compile the model again");
    }
    return new Msp430Sram(Integer.decode(m.group(1)), Integer.decode(m.group(2)));
  }

  /** mspdebug commands that fill all of SRAM with bytes drawn from {@code random}, one pattern per command. */
  List<String> randomFill(Random random) {
    List<String> commands = new ArrayList<>();
    for (int at = 0; at < length; at += FILL_PATTERN_MAX) {
      int n = Math.min(FILL_PATTERN_MAX, length - at);
      StringBuilder c = new StringBuilder("fill 0x").append(Integer.toHexString(origin + at)).append(' ').append(n);
      for (int i = 0; i < n; i++) {
        c.append(' ').append(random.nextInt(256));
      }
      commands.add(c.toString());
    }
    return commands;
  }
}
