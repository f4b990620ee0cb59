package dev.tenax.hostrun;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The symbol table of a 32-bit little-endian ELF file (what arm-none-eabi-gcc links for Cortex-M),
 * read in Java so that finding where the harness placed its buffers needs no binutils. Local
 * symbols are included: the harness's NVM buffers ({@code arena}, {@code output_<i>}) are static;
 * so are kernels' helper functions, which {@link #functionAt} names for {@link FunctionProfile}.
 */
public final class ElfSymbols {
  /** A symbol's address (for a Thumb function, with bit 0 set) and size in bytes. */
  public record Symbol(long address, long size) {}

  /** A function's code: [start, end), the Thumb bit cleared. */
  private record Function(long start, long end, String name) {}

  private static final int SHT_SYMTAB = 2;
  private static final int STT_FUNC = 2;
  private final Map<String, Symbol> symbols;
  private final List<Function> functions;

  private ElfSymbols(Map<String, Symbol> symbols, List<Function> functions) {
    this.symbols = symbols;
    this.functions = functions;
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
    List<Function> functions = new ArrayList<>();
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
          Symbol sym = new Symbol(Integer.toUnsignedLong(b.getInt(e + 4)), Integer.toUnsignedLong(b.getInt(e + 8)));
          found.putIfAbsent(name, sym);
          if ((b.get(e + 12) & 0xF) == STT_FUNC && sym.size() > 0) {
            long start = sym.address() & ~1L;
            functions.add(new Function(start, start + sym.size(), name));
          }
        }
      }
    }
    functions.sort(Comparator.comparingLong(Function::start));
    return new ElfSymbols(found, functions);
  }

  /** The name of the function whose code holds {@code address}, or the address in hex. */
  public String functionAt(long address) {
    long a = address & ~1L;
    int lo = 0;
    int hi = functions.size() - 1;
    while (lo <= hi) { // the last function starting at or before a
      int mid = (lo + hi) >>> 1;
      if (functions.get(mid).start() <= a) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return hi >= 0 && a < functions.get(hi).end() ? functions.get(hi).name() : String.format("0x%x", a);
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
