/*
 * What the Cortex-M test firmwares that read cases.bin and write results.bin through semihosting
 * share (transpose_s8_cortex_m.c, add_s8_cortex_m.c): little-endian words and the error line.
 */
#ifndef CORTEX_M_CASES_H
#define CORTEX_M_CASES_H

#include <stdint.h>

#include "semihost.h"

static int32_t le32(const uint8_t *b)
{
  return (int32_t)((uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24);
}

static void put32(uint8_t *b, int32_t v)
{
  const uint32_t u = (uint32_t)v;
  b[0] = (uint8_t)u;
  b[1] = (uint8_t)(u >> 8);
  b[2] = (uint8_t)(u >> 16);
  b[3] = (uint8_t)(u >> 24);
}

/* The line the Java side reports, and main's exit status. */
static int fail(const char *what)
{
  tx_sh_puts("TENAX-ERROR ");
  tx_sh_puts(what);
  tx_sh_puts("\n");
  return 1;
}

#endif /* CORTEX_M_CASES_H */
