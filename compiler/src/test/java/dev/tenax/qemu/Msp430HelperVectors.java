package dev.tenax.qemu;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A C test program for the MSP430 EABI helpers (runtime-c/msp430/src): random operands and the
 * results Java computes for them, as const tables in FRAM, and a loop per operation that does
 * the operation in C (so clang calls the helper) and counts mismatches. Operands are read through
 * volatile so that clang cannot fold the operations at compile time; floats travel as bit patterns.
 */
final class Msp430HelperVectors {
  private final Random rnd;
  private final int count;
  private final StringBuilder tables = new StringBuilder();
  private final StringBuilder checks = new StringBuilder();
  private int op;

  Msp430HelperVectors(long seed, int count) {
    this.rnd = new Random(seed);
    this.count = count;
  }

  /** The whole program: tenax_result = {failures, first failing op * 1000 + index, 0x7E57}. */
  String source() {
    int16("mul16", "a * b", (a, b) -> (short) (a * b));
    int32("mul32", "a * b", (a, b) -> a * b, false);
    int32("div32", "a / b", (a, b) -> a / b, true);
    int32("rem32", "a % b", (a, b) -> a % b, true);
    uint32("udiv32", "a / b", Integer::divideUnsigned);
    uint32("urem32", "a % b", Integer::remainderUnsigned);
    shift("shl32", "(int32_t)((uint32_t)a << n)", (a, n) -> a << n);
    shift("sar32", "a >> n", (a, n) -> a >> n);
    shift("shr32", "(int32_t)((uint32_t)a >> n)", (a, n) -> a >>> n);
    int64("mul64", "a * b", (a, b) -> a * b);
    int64("div64", "a / b", (a, b) -> a / b);
    int64("rem64", "a % b", (a, b) -> a % b);
    int64("udiv64", "(int64_t)((uint64_t)a / (uint64_t)b)", Long::divideUnsigned);
    int64("urem64", "(int64_t)((uint64_t)a % (uint64_t)b)", Long::remainderUnsigned);
    float2("addf", "a + b", (a, b) -> a + b);
    float2("subf", "a - b", (a, b) -> a - b);
    float2("mulf", "a * b", (a, b) -> a * b);
    float2("divf", "a / b", (a, b) -> a / b);
    floatCompare();
    conversions();
    return "#include <stdint.h>\n#include \"tenax_msp430.h\"\n\n"
        + "volatile int32_t tenax_result[3];\nstatic int32_t failures;\nstatic int32_t first = -1;\n\n"
        + "static void fail(int32_t op, int32_t i)\n{\n    if (failures++ == 0) {\n"
        + "        first = op * 1000 + i;\n    }\n}\n\n"
        + "typedef union {\n    float f;\n    uint32_t u;\n} bits_t;\n\n"
        + "static uint32_t fbits(float f)\n{\n    bits_t b;\n    b.f = f;\n    return b.u;\n}\n\n"
        + "static float fval(uint32_t u)\n{\n    bits_t b;\n    b.u = u;\n    return b.f;\n}\n\n"
        + tables + "int main(void)\n{\n    int16_t i;\n" + checks
        + "    tenax_result[0] = failures;\n    tenax_result[1] = first;\n    tenax_result[2] = 0x7E57;\n"
        + "    return 0;\n}\n";
  }

  interface IntOp {
    int apply(int a, int b);
  }

  interface LongOp {
    long apply(long a, long b);
  }

  interface FloatOp {
    float apply(float a, float b);
  }

  /** Mixed magnitudes: small, mid-size and full-width values, both signs. */
  private int int32() {
    return switch (rnd.nextInt(4)) {
      case 0 -> rnd.nextInt(256) - 128;
      case 1 -> rnd.nextInt(1 << 20) - (1 << 19);
      default -> rnd.nextInt();
    };
  }

  private long int64() {
    return switch (rnd.nextInt(3)) {
      case 0 -> int32();
      case 1 -> rnd.nextLong() >> rnd.nextInt(40);
      default -> rnd.nextLong();
    };
  }

  private float float32() {
    int bits = rnd.nextInt();
    switch (rnd.nextInt(6)) {
      case 0 -> bits &= 0x807FFFFF; // subnormal
      case 1, 2 -> bits = (bits & 0x80FFFFFF) | ((110 + rnd.nextInt(40)) << 23); // similar magnitudes
      default -> { }
    }
    float f = Float.intBitsToFloat(bits);
    return Float.isNaN(f) || Float.isInfinite(f) ? 1.5f : f;
  }

  private void table(String name, String ctype, List<String> values) {
    tables.append("static const volatile ").append(ctype).append(' ').append(name).append("[] = {")
        .append(String.join(", ", values)).append("};\n");
  }

  /** A loop over count vectors checking "got == want" for one operation. */
  private void loop(String declare, String compare) {
    checks.append("    for (i = 0; i < ").append(count).append("; i++) {\n        ").append(declare)
        .append("\n        if (").append(compare).append(") {\n            fail(").append(op)
        .append(", i);\n        }\n    }\n");
    op++;
  }

  private static String lit32(long v) {
    return v == Integer.MIN_VALUE ? "INT32_MIN" : "INT32_C(" + v + ")";
  }

  private static String lit64(long v) {
    return v == Long.MIN_VALUE ? "INT64_MIN" : "INT64_C(" + v + ")";
  }

  private void int16(String name, String expr, IntOp f) {
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    List<String> r = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      short x = (short) rnd.nextInt();
      short y = (short) (rnd.nextBoolean() ? rnd.nextInt() : rnd.nextInt(64) - 32);
      a.add(Short.toString(x));
      b.add(Short.toString(y));
      r.add(Short.toString((short) f.apply(x, y)));
    }
    table(name + "_a", "int16_t", a);
    table(name + "_b", "int16_t", b);
    table(name + "_r", "int16_t", r);
    loop("int16_t a = " + name + "_a[i], b = " + name + "_b[i];", "(int16_t)(" + expr + ") != " + name + "_r[i]");
  }

  private void int32(String name, String expr, IntOp f, boolean divides) {
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    List<String> r = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int x = int32();
      int y = int32();
      if (divides && (y == 0 || (x == Integer.MIN_VALUE && y == -1))) {
        y = 7;
      }
      a.add(lit32(x));
      b.add(lit32(y));
      r.add(lit32(f.apply(x, y)));
    }
    table(name + "_a", "int32_t", a);
    table(name + "_b", "int32_t", b);
    table(name + "_r", "int32_t", r);
    loop("int32_t a = " + name + "_a[i], b = " + name + "_b[i];", "(int32_t)(" + expr + ") != " + name + "_r[i]");
  }

  private void uint32(String name, String expr, IntOp f) {
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    List<String> r = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int x = int32();
      int y = int32();
      y = y == 0 ? 3 : y;
      a.add("UINT32_C(" + Integer.toUnsignedString(x) + ")");
      b.add("UINT32_C(" + Integer.toUnsignedString(y) + ")");
      r.add("UINT32_C(" + Integer.toUnsignedString(f.apply(x, y)) + ")");
    }
    table(name + "_a", "uint32_t", a);
    table(name + "_b", "uint32_t", b);
    table(name + "_r", "uint32_t", r);
    loop("uint32_t a = " + name + "_a[i], b = " + name + "_b[i];", "(uint32_t)(" + expr + ") != " + name + "_r[i]");
  }

  private void shift(String name, String expr, IntOp f) {
    List<String> a = new ArrayList<>();
    List<String> n = new ArrayList<>();
    List<String> r = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int x = int32();
      int s = rnd.nextInt(32);
      a.add(lit32(x));
      n.add(Integer.toString(s));
      r.add(lit32(f.apply(x, s)));
    }
    table(name + "_a", "int32_t", a);
    table(name + "_n", "int16_t", n);
    table(name + "_r", "int32_t", r);
    loop("int32_t a = " + name + "_a[i]; int16_t n = " + name + "_n[i];", "(int32_t)(" + expr + ") != " + name + "_r[i]");
  }

  private void int64(String name, String expr, LongOp f) {
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    List<String> r = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long x = int64();
      long y = int64();
      if (y == 0 || (x == Long.MIN_VALUE && y == -1)) {
        y = 5;
      }
      a.add(lit64(x));
      b.add(lit64(y));
      r.add(lit64(f.apply(x, y)));
    }
    table(name + "_a", "int64_t", a);
    table(name + "_b", "int64_t", b);
    table(name + "_r", "int64_t", r);
    loop("int64_t a = " + name + "_a[i], b = " + name + "_b[i];", "(int64_t)(" + expr + ") != " + name + "_r[i]");
  }

  private static String bits(float f) {
    return "UINT32_C(0x" + Integer.toHexString(Float.floatToRawIntBits(f)) + ")";
  }

  /** Float operands as bit patterns (exact), turned into floats through a union in C. */
  private void float2(String name, String expr, FloatOp f) {
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    List<String> r = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      float x = i < 2 ? (i == 0 ? 1.0f : Math.nextUp(1.0f)) : float32();
      float y = i < 2 ? 0x1p-24f : float32(); // the first two sums are exact ties: to even
      float z = f.apply(x, y);
      if (Float.isNaN(z)) {
        y = 1.0f;
        z = f.apply(x, y);
      }
      a.add(bits(x));
      b.add(bits(y));
      r.add(bits(z));
    }
    table(name + "_a", "uint32_t", a);
    table(name + "_b", "uint32_t", b);
    table(name + "_r", "uint32_t", r);
    loop("float a = fval(" + name + "_a[i]), b = fval(" + name + "_b[i]);", "fbits(" + expr + ") != " + name + "_r[i]");
  }

  private void floatCompare() {
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    List<String> r = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      float x = float32();
      float y = rnd.nextInt(4) == 0 ? x : rnd.nextInt(8) == 0 ? -x : float32();
      a.add(bits(x));
      b.add(bits(y));
      r.add(Integer.toString((x < y ? 1 : 0) | (x > y ? 2 : 0) | (x == y ? 4 : 0) | (x <= y ? 8 : 0)
          | (x >= y ? 16 : 0)));
    }
    table("cmpf_a", "uint32_t", a);
    table("cmpf_b", "uint32_t", b);
    table("cmpf_r", "int16_t", r);
    loop("float a = fval(cmpf_a[i]), b = fval(cmpf_b[i]);",
        "((a < b ? 1 : 0) | (a > b ? 2 : 0) | (a == b ? 4 : 0) | (a <= b ? 8 : 0) | (a >= b ? 16 : 0)) != cmpf_r[i]");
  }

  private void conversions() {
    List<String> n = new ArrayList<>();
    List<String> nf = new ArrayList<>();
    List<String> x = new ArrayList<>();
    List<String> xi = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int v = int32();
      n.add(lit32(v));
      nf.add(bits((float) v));
      float f = Float.intBitsToFloat((rnd.nextInt() & 0x807FFFFF) | ((100 + rnd.nextInt(58)) << 23)); // < 2^31
      x.add(bits(f));
      xi.add(lit32((int) f));
    }
    table("fltlif_a", "int32_t", n);
    table("fltlif_r", "uint32_t", nf);
    table("fixfli_a", "uint32_t", x);
    table("fixfli_r", "int32_t", xi);
    loop("int32_t a = fltlif_a[i];", "fbits((float)a) != fltlif_r[i]");
    loop("float a = fval(fixfli_a[i]);", "(int32_t)a != fixfli_r[i]");
  }
}
