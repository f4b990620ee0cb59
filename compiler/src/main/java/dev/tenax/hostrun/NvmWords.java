package dev.tenax.hostrun;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of NVM the kernels store into: the harness's arena and its output buffers, found in
 * the firmware's symbol table. A first-write sweep watches these words, on Cortex-M
 * ({@link FirstWriteSweep}: 32-bit words, outputs {@code output_<i>}) and on MSP430
 * ({@link Msp430FirstWrites}: 16-bit words, outputs {@code tenax_output_<i>}).
 */
final class NvmWords {
  private NvmWords() {}

  /** The word addresses ({@code wordBytes} apart) of {@code arena} and of each output buffer, in order. */
  static List<Long> of(ElfSymbols symbols, ProjectManifest m, String outputPrefix, int wordBytes)
      throws IOException {
    List<String> buffers = new ArrayList<>(List.of("arena"));
    for (int i = 0; i < m.outputs().size(); i++) {
      buffers.add(outputPrefix + i);
    }
    List<Long> words = new ArrayList<>();
    for (String name : buffers) {
      ElfSymbols.Symbol s = symbols.find(name).orElseThrow(() -> new IOException(Path.of(m.name() + ".elf")
          + " has no symbol " + name + ": is it an intermittent build? compile the model again"));
      for (long a = s.address() & ~(long) (wordBytes - 1); a < s.address() + s.size(); a += wordBytes) {
        words.add(a);
      }
    }
    return words;
  }
}
