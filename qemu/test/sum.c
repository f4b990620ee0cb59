/*
 * Board smoke test (BoardsTest): reads input.bin through semihosting, sums
 * its bytes, writes the sum (4 bytes, little-endian) to output.bin, prints
 * "TENAX-OK sum=<n>" and exits 0. Input starting with "FAULT" makes it read
 * an unmapped address instead, which must end in a reported fault. It also
 * touches the weights, arena and NVM sections so a wrong memory map faults,
 * and the FPU/MVE the build targets so a missing enable in startup.c faults.
 */
#include <stdint.h>

#include "cycles.h"
#include "semihost.h"

#define UNMAPPED_ADDRESS 0xE0F00000u /* vendor system region: nothing there on any board */

__attribute__((section(".tenax_weights"))) const uint8_t weights[16] = {1, 2, 3, 4, 5, 6, 7, 8,
                                                                         9, 10, 11, 12, 13, 14, 15, 16};
__attribute__((section(".tenax_arena"))) static uint8_t arena[256];
__attribute__((section(".tenax_nvm"))) static volatile uint32_t nvm_word;
static volatile uint32_t data_word = 0x5A5A0001u;
static uint32_t bss_word;
static volatile float half = 0.5f;
static volatile double third = 1.0 / 3.0;

/* Faults (NOCP) unless startup.c enabled the FPU/MVE the compiler targets. */
static int coprocessors_work(uint32_t x) {
  (void)x;
#if defined(__ARM_FP)
  float f = (float)x * half;
  if ((uint32_t)(f + f) != x) {
    return 0;
  }
#endif
#if defined(__ARM_FP) && (__ARM_FP & 8)
  double d = (double)x * third; /* double-precision FPU (M7, M55) */
  if ((uint32_t)(d * 3.0 + 0.5) != x) {
    return 0;
  }
#endif
#if defined(__ARM_FEATURE_MVE)
  register uint32_t lanes_sum __asm__("r2"); /* VADDV needs an even register */
  __asm__ volatile("vdup.32 q0, %1\n\tvaddv.u32 %0, q0" : "=r"(lanes_sum) : "r"(x) : "q0");
  if (lanes_sum != 4u * x) {
    return 0;
  }
#endif
  return 1;
}

extern uint32_t __flash_start__, __flash_size__, __ram_start__, __ram_size__, __nvm_start__,
    __nvm_size__;

/* The address of the last word of a region whose start and size the linker
 * script exports as symbols. */
static volatile uint32_t *last_word(const uint32_t *start, const uint32_t *size) {
  return (volatile uint32_t *)((uintptr_t)start + (uintptr_t)size - 4u);
}

/* Faults if a region's declared length runs past the memory QEMU maps. */
static int regions_fully_mapped(void) {
  volatile uint32_t *flash = last_word(&__flash_start__, &__flash_size__);
  volatile uint32_t *ram = last_word(&__ram_start__, &__ram_size__);
  volatile uint32_t *nvm = last_word(&__nvm_start__, &__nvm_size__);
  (void)*flash;
  *ram = 0xA5A5A5A5u;
  *nvm = 0x5A5A5A5Au;
  return *ram == 0xA5A5A5A5u && *nvm == 0x5A5A5A5Au;
}

static int fail(const char *what) {
  tx_sh_puts("TENAX-ERROR ");
  tx_sh_puts(what);
  tx_sh_puts("\n");
  return 1;
}

int main(void) {
  if (data_word != 0x5A5A0001u || bss_word != 0u) {
    return fail(".data or .bss not initialised");
  }
  if (!regions_fully_mapped()) {
    return fail("the ends of RAM and NVM do not hold values");
  }
  tx_ticks_source src = tx_ticks_init();
  uint64_t t0 = tx_ticks_read();
  int32_t in = tx_sh_open("input.bin", "rb");
  if (in < 0) {
    return fail("cannot open input.bin");
  }
  int32_t n = tx_sh_read(in, arena, sizeof arena);
  (void)tx_sh_close(in);
  if (n < 0) {
    return fail("cannot read input.bin");
  }
  if (n >= 5 && arena[0] == 'F' && arena[1] == 'A' && arena[2] == 'U' && arena[3] == 'L' &&
      arena[4] == 'T') {
    return (int)*(volatile uint32_t *)UNMAPPED_ADDRESS;
  }
  uint32_t sum = 0;
  for (int32_t i = 0; i < n; i++) {
    sum += arena[i];
  }
  if (!coprocessors_work(sum)) {
    return fail("FPU or MVE arithmetic is wrong");
  }
  nvm_word = sum;
  if (nvm_word != sum) {
    return fail("NVM word does not hold its value");
  }
  for (int i = 0; i < 16; i++) {
    sum += weights[i] * 0u; /* keeps the weights referenced */
  }
  uint8_t out[4] = {(uint8_t)sum, (uint8_t)(sum >> 8), (uint8_t)(sum >> 16), (uint8_t)(sum >> 24)};
  int32_t o = tx_sh_open("output.bin", "wb");
  if (o < 0 || tx_sh_write(o, out, sizeof out) != 0 || tx_sh_close(o) != 0) {
    return fail("cannot write output.bin");
  }
  uint64_t t1 = tx_ticks_read();
  tx_sh_put_u32("TENAX-OK sum=", sum);
  tx_sh_put_u32(" ticks_source=", (uint32_t)src);
  tx_sh_put_u32(" ticks=", (uint32_t)(t1 - t0));
  tx_sh_puts("\n");
  return 0;
}
