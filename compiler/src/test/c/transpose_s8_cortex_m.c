/*
 * Cortex-M firmware of dev.tenax.codegen.CortexMTransposeRunTest: runs tx_transpose_s8 (the file
 * the target's projects take) on the cases of cases.bin and writes what it did to results.bin,
 * both through semihosting, for Java to compare with dev.tenax.kernels.TransposeS8.
 *
 * A case: 11 little-endian int32 (perm[4], the input shape, the input's and the output's offset
 * from a word boundary, the number of input bytes), then those bytes. A result: the status, 1 when
 * every byte around the output (GUARD before, up to the buffer's end after) kept its fill, the
 * call's time in tx_ticks_read ticks (qemu/common/cycles.h), then the output bytes (as many as
 * the input's).
 */
#include <stdint.h>

#include "cortex_m_cases.h"
#include "cycles.h"
#include "semihost.h"
#include "tx_transpose_s8.h"

#define MAX_BYTES 4096
#define GUARD 16
#define FILL 0xA5u

static int8_t in_buf[MAX_BYTES + 4];
static uint8_t out_buf[GUARD + MAX_BYTES + 4 + GUARD];

int main(void)
{
  uint8_t head[44];
  uint8_t result[12];
  int32_t cases = 0;
  const int32_t src = tx_sh_open("cases.bin", "rb");
  const int32_t dst = tx_sh_open("results.bin", "wb");
  if (src < 0 || dst < 0) {
    return fail("cannot open cases.bin or results.bin");
  }
  (void)tx_ticks_init();
  while (tx_sh_read(src, head, sizeof head) == (int32_t)sizeof head) {
    tx_transpose_s8_params p;
    tx_shape4 shape;
    int32_t i, in_off, out_off, bytes, status, guarded = 1;
    uint64_t t0, t1;
    for (i = 0; i < 4; i++) {
      p.perm[i] = le32(head + 4 * i);
    }
    shape.n = le32(head + 16);
    shape.h = le32(head + 20);
    shape.w = le32(head + 24);
    shape.c = le32(head + 28);
    in_off = le32(head + 32);
    out_off = le32(head + 36);
    bytes = le32(head + 40);
    if (in_off < 0 || in_off > 3 || out_off < 0 || out_off > 3 || bytes < 0 || bytes > MAX_BYTES
        || tx_sh_read(src, in_buf + in_off, (uint32_t)bytes) != bytes) {
      return fail("malformed case");
    }
    for (i = 0; i < (int32_t)sizeof out_buf; i++) {
      out_buf[i] = FILL;
    }
    t0 = tx_ticks_read();
    status = tx_transpose_s8(&p, &shape, in_buf + in_off, (int8_t *)(out_buf + GUARD + out_off));
    t1 = tx_ticks_read();
    for (i = 0; i < (int32_t)sizeof out_buf; i++) {
      if ((i < GUARD + out_off || i >= GUARD + out_off + bytes) && out_buf[i] != FILL) {
        guarded = 0;
      }
    }
    put32(result, status);
    put32(result + 4, guarded);
    put32(result + 8, (int32_t)(t1 - t0));
    if (tx_sh_write(dst, result, sizeof result) != 0
        || tx_sh_write(dst, out_buf + GUARD + out_off, (uint32_t)bytes) != 0) {
      return fail("cannot write results.bin");
    }
    cases++;
  }
  (void)tx_sh_close(src);
  (void)tx_sh_close(dst);
  tx_sh_put_u32("TENAX-OK cases=", (uint32_t)cases);
  tx_sh_puts("\n");
  return 0;
}
