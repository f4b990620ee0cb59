/*
 * Throughput probe for qemu/boards.md: runs SPIN_ITERATIONS iterations of a
 * two-instruction loop and prints the ticks counted, so that
 * ticks / instructions gives the board's SysTick rate under -icount shift=0
 * and wall time / instructions QEMU's speed on this machine. A second phase
 * runs an int8 dot product (loads, multiplies, a loop) as a more typical
 * workload; its instruction count is ticks * 1e9 / f_cpu.
 */
#include <stdint.h>

#include "cycles.h"
#include "semihost.h"

#ifndef DOT_REPEATS
#define DOT_REPEATS 20000u
#endif

static int8_t a[1024];
static int8_t b[1024];

static int32_t dot(void) {
  int32_t acc = 0;
  for (int i = 0; i < 1024; i++) {
    acc += a[i] * b[i];
  }
  return acc;
}

#ifndef SPIN_ITERATIONS
#define SPIN_ITERATIONS 100000000u
#endif

int main(void) {
  (void)tx_ticks_init();
  uint64_t t0 = tx_ticks_read();
  register uint32_t n __asm__("r0") = SPIN_ITERATIONS;
  __asm__ volatile(
      "1:\n\t"
#if defined(__ARM_ARCH_6M__)
      "sub %0, #1\n\t" /* GCC passes Thumb-1 inline asm in divided syntax */
#else
      "subs %0, %0, #1\n\t"
#endif
      "bne 1b\n"
      : "+l"(n)
      :
      : "cc");
  uint64_t t1 = tx_ticks_read();
  tx_sh_put_u32("TENAX-SPIN instructions=", 2u * SPIN_ITERATIONS);
  tx_sh_put_u32(" ticks=", (uint32_t)(t1 - t0));
  for (int i = 0; i < 1024; i++) {
    a[i] = (int8_t)(i * 7);
    b[i] = (int8_t)(i * 13);
  }
  volatile int32_t sink = 0;
  t0 = tx_ticks_read();
  for (uint32_t r = 0; r < DOT_REPEATS; r++) {
    __asm__ volatile("" ::: "memory");
    sink += dot();
  }
  t1 = tx_ticks_read();
  tx_sh_put_u32(" dot_ticks=", (uint32_t)(t1 - t0));
  tx_sh_puts("\n");
  return 0;
}
