package dev.tenax.hostrun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The address a just-executed MSP430 store wrote, from the 6 code bytes before the PC and the registers after. */
class Msp430StoreDecoderTest {
  private static int[] registers(int reg, int value) {
    int[] r = new int[16];
    r[reg] = value;
    return r;
  }

  /** Little-endian bytes of 16-bit words. */
  private static byte[] code(int... words) {
    byte[] b = new byte[words.length * 2];
    for (int i = 0; i < words.length; i++) {
      b[2 * i] = (byte) words[i];
      b[2 * i + 1] = (byte) (words[i] >> 8);
    }
    return b;
  }

  @Test
  void anIndexedByteStoreAddsItsOffsetToTheRegister() {
    // 0x59b2: a word that belongs to the instruction before, then mov.b r12, 0(r13) (as the kernels store)
    assertEquals(List.of(0xC461), Msp430StoreDecoder.candidates(code(0x0056, 0x4CCD, 0x0000), 0x59B8,
        registers(13, 0xC461)));
  }

  @Test
  void anAbsoluteStoreIgnoresTheRegisters() {
    assertEquals(List.of(0x1234), Msp430StoreDecoder.candidates(code(0x0000, 0x4C82, 0x1234), 0x6000,
        registers(2, 0xFFFF)));
  }

  @Test
  void anAutoincrementedSourceRegisterIsSeenIncrementedByTheDestination() {
    // add @r14+, 2(r14): the simulator fetches the source first
    assertEquals(List.of(0x2004), Msp430StoreDecoder.candidates(code(0x0000, 0x5EBE, 0x0002), 0x6000,
        registers(14, 0x2002)));
  }

  @Test
  void aSymbolicDestinationIsRelativeToTheEndOfTheInstruction() {
    assertEquals(List.of(0x5014), Msp430StoreDecoder.candidates(code(0x0000, 0x4C80, 0x0010), 0x5004,
        new int[16]));
  }

  @Test
  void aSingleOperandStoreThroughAnAutoincrementedRegisterWroteWhereItPointedBefore() {
    // rra.b @r13+ (byte: r13 went up by one)
    assertEquals(List.of(0x3000), Msp430StoreDecoder.candidates(code(0x0000, 0x0000, 0x117D), 0x6000,
        registers(13, 0x3001)));
  }

  @Test
  void comparisonsAndRegisterDestinationsStoreNothing() {
    // cmp r12, 0(r13); mov r12, r13
    assertEquals(List.of(), Msp430StoreDecoder.candidates(code(0x0000, 0x9C8D, 0x0000), 0x6000,
        registers(13, 0xC460)));
    assertEquals(List.of(), Msp430StoreDecoder.candidates(code(0x0000, 0x0000, 0x4C0D), 0x6000,
        registers(13, 0xC460)));
  }
}
