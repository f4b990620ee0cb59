/*
 * Cortex-M firmware of dev.tenax.codegen.CortexMAddRunTest: runs tx_add_s8 (the file the
 * target's projects take) on the cases of cases.bin and writes the results to results.bin, both
 * through semihosting, for Java to compare with dev.tenax.kernels.AddS8.
 *
 * A case: 13 little-endian int32 (the 12 fields of tx_add_s8_params in order, then the element
 * count), then the count bytes of each input. A result: the status, then the count output bytes.
 */
#include <stdint.h>

#include "cortex_m_cases.h"
#include "semihost.h"
#include "tx_add_s8.h"

/* the test's cases have at most 300 elements; 512 keeps the three buffers within the micro:bit's
 * 16 KB of SRAM (cortex-m0) */
#define MAX_COUNT 512

static int8_t in1[MAX_COUNT];
static int8_t in2[MAX_COUNT];
static int8_t out[MAX_COUNT];

int main(void)
{
  uint8_t head[52];
  int32_t cases = 0;
  const int32_t src = tx_sh_open("cases.bin", "rb");
  const int32_t dst = tx_sh_open("results.bin", "wb");
  if (src < 0 || dst < 0) {
    return fail("cannot open cases.bin or results.bin");
  }
  while (tx_sh_read(src, head, sizeof head) == (int32_t)sizeof head) {
    tx_add_s8_params p;
    tx_shape4 shape;
    int32_t count, status;
    uint8_t word[4];
    p.input1_offset = le32(head);
    p.input1_multiplier = le32(head + 4);
    p.input1_shift = le32(head + 8);
    p.input2_offset = le32(head + 12);
    p.input2_multiplier = le32(head + 16);
    p.input2_shift = le32(head + 20);
    p.left_shift = le32(head + 24);
    p.output_offset = le32(head + 28);
    p.output_multiplier = le32(head + 32);
    p.output_shift = le32(head + 36);
    p.act_min = le32(head + 40);
    p.act_max = le32(head + 44);
    count = le32(head + 48);
    if (count < 1 || count > MAX_COUNT || tx_sh_read(src, in1, (uint32_t)count) != count
        || tx_sh_read(src, in2, (uint32_t)count) != count) {
      return fail("malformed case");
    }
    shape.n = 1;
    shape.h = 1;
    shape.w = 1;
    shape.c = count;
    status = (int32_t)tx_add_s8(&p, &shape, in1, in2, out);
    put32(word, status);
    if (tx_sh_write(dst, word, 4) != 0 || tx_sh_write(dst, out, (uint32_t)count) != 0) {
      return fail("cannot write results.bin");
    }
    cases++;
  }
  tx_sh_put_u32("TENAX-OK cases=", (uint32_t)cases);
  tx_sh_puts("\n");
  return 0;
}
