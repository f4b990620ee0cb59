package dev.tenax.hostrun;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The symbol table of a 32-bit little-endian ELF file (what arm-none-eabi-gcc links for Cortex-M),
 * read in Java so that finding where the harness placed its buffers needs no binutils. Local
 * symbols are included: the harness's NVM buffers ({@code arena}, {@code output_<i>}) are static.
 */
public final class ElfSymbols {
  /** A symbol's address (for a Thumb function, with bit 0 set) and size in bytes. */
  public record Symbol(long address, long size) {}

  private static final int SHT_SYMTAB = 2;
  private final Map<String, Symbol> symbols;

  private ElfSymbols(Map<String, Symbol> symbols) {
    this.symbols = symbols;
  }

  public static ElfSymbols read(Path elf) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(elf)).order(ByteOrder.LITTLE_ENDIAN);
    if (b.limit() < 52 || b.getInt(0) != 0x464C457F || b.get(4) != 1 || b.get(5) != 1) {
      throw new IOException(elf + " is not a 32-bit little-endian ELF file; build the project again");
    }
    long sectionTable = Integer.toUnsignedLong(b.getInt(0x20));
    int entrySize = Short.toUnsignedInt(b.getShort(0x2E));
    int sections = Short.toUnsignedInt(b.getShort(0x30));
    Map<String, Symbol> found = new HashMap<>();
    for (int s = 0; s < sections; s++) {
      int header = (int) (sectionTable + (long) s * entrySize);
      if (b.getInt(header + 4) != SHT_SYMTAB) {
        continue;
      }
      int offset = b.getInt(header + 16);
      int size = b.getInt(header + 20);
      int strings = b.getInt((int) (sectionTable + (long) b.getInt(header + 24) * entrySize) + 16);
      for (int e = offset; e + 16 <= offset + size; e += 16) {
        String name = cString(b, strings + b.getInt(e));
        if (!name.isEmpty()) {
          found.putIfAbsent(name, new Symbol(Integer.toUnsignedLong(b.getInt(e + 4)),
              Integer.toUnsignedLong(b.getInt(e + 8))));
        }
      }
    }
    return new ElfSymbols(found);
  }

  public Optional<Symbol> find(String name) {
    return Optional.ofNullable(symbols.get(name));
  }

  private static String cString(ByteBuffer b, int at) {
    int end = at;
    while (b.get(end) != 0) {
      end++;
    }
    byte[] raw = new byte[end - at];
    b.get(at, raw);
    return new String(raw, StandardCharsets.US_ASCII);
  }
}
