package dev.tenax.hostrun;

import java.util.ArrayList;
import java.util.List;

/**
 * Which address the instruction that just ran stored to, from the code before the PC and the
 * registers after it. mspdebug's simulator stops after the instruction that hit a write watchpoint
 * without saying which watchpoint it was, and a store may leave the word's value unchanged, so a
 * first-write discovery that watches several words at once decodes the instruction instead. The
 * instruction ends at the PC and is 2, 4 or 6 bytes long; each length whose opcode decodes to a
 * store of exactly that length is a candidate. The address follows the simulator's own
 * arithmetic (drivers/sim.c of mspdebug 0.22): the source operand is fetched before the
 * destination, so an autoincremented source register is seen incremented by an indexed
 * destination; for the PC as base register the simulator adds the address after the extension
 * word. Only MSP430 (not MSP430X) instructions exist in the simulator, and only format I (two
 * operands, memory destination, not CMP or BIT) and RRC, SWPB, RRA, SXT on memory store through a
 * watchpoint; PUSH and CALL write the stack without a check.
 */
final class Msp430StoreDecoder {
  private static final int PC = 0;
  private static final int SR = 2;
  private static final int CG = 3;
  private static final int OP_CMP = 0x9000;
  private static final int OP_BIT = 0xB000;

  private Msp430StoreDecoder() {}

  /**
   * The addresses a store that ended at {@code pc} may have written; {@code code} holds the 6
   * bytes before the PC, {@code registers} the registers after the instruction.
   */
  static List<Integer> candidates(byte[] code, int pc, int[] registers) {
    List<Integer> addresses = new ArrayList<>();
    for (int length = 2; length <= 6; length += 2) {
      int start = (pc - length) & 0xFFFF;
      int at = code.length - length;
      int ins = word(code, at);
      Integer a = ins >= 0x4000 ? twoOperand(code, at, start, length, ins, registers)
          : ins < 0x2000 ? oneOperand(code, at, start, length, ins, registers) : null;
      if (a != null) {
        addresses.add(a);
      }
    }
    return addresses;
  }

  private static Integer twoOperand(byte[] code, int at, int start, int length, int ins, int[] regs) {
    int opcode = ins & 0xF000;
    int dstIndexed = (ins >> 7) & 1;
    int as = (ins >> 4) & 3;
    int src = (ins >> 8) & 0xF;
    int dst = ins & 0xF;
    if (dstIndexed == 0 || dst == CG || opcode == OP_CMP || opcode == OP_BIT) {
      return null;
    }
    boolean srcWord = (as == 1 && src != CG) || (as == 3 && src == PC);
    int dstExt = 2 + (srcWord ? 2 : 0);
    if (length != dstExt + 2) {
      return null;
    }
    int base = dst == SR ? 0 : dst == PC ? start + dstExt + 2 : regs[dst];
    return (word(code, at + dstExt) + base) & 0xFFFF;
  }

  private static Integer oneOperand(byte[] code, int at, int start, int length, int ins, int[] regs) {
    int opcode = ins & 0xFF80;
    boolean stores = opcode == 0x1000 || opcode == 0x1080 || opcode == 0x1100 || opcode == 0x1180;
    int as = (ins >> 4) & 3;
    int reg = ins & 0xF;
    if (!stores || as == 0 || reg == CG || (as >= 2 && (reg == SR || reg == PC))) {
      return null;
    }
    if (as == 1) {
      int base = reg == SR ? 0 : reg == PC ? start + 4 : regs[reg];
      return length == 4 ? (word(code, at + 2) + base) & 0xFFFF : null;
    }
    if (length != 2) {
      return null;
    }
    boolean isByte = (ins & 0x40) != 0;
    return as == 2 ? regs[reg] : (regs[reg] - (isByte ? 1 : 2)) & 0xFFFF;
  }

  private static int word(byte[] b, int at) {
    return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
  }
}
