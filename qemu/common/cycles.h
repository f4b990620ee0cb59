/*
 * A free-running 64-bit counter for timing code under QEMU and on hardware.
 * Uses DWT->CYCCNT when the core has it and it actually counts (QEMU models
 * no DWT, so there it reads 0), else SysTick at the processor clock, extended
 * to 64 bits by its wrap interrupt. Under -icount shift=0 QEMU's virtual time
 * advances 1 ns per instruction, so SysTick ticks = instructions * f_cpu / 1e9
 * exactly (see qemu/boards.md for each board's f_cpu).
 */
#ifndef TENAX_CYCLES_H
#define TENAX_CYCLES_H

#include <stdint.h>

typedef enum { TX_TICKS_NONE = 0, TX_TICKS_DWT = 1, TX_TICKS_SYSTICK = 2 } tx_ticks_source;

/* Starts the counter; returns which source it uses. The SysTick source needs
 * interrupts enabled (they are after reset) and owns SysTick_Handler. */
tx_ticks_source tx_ticks_init(void);

/* Ticks since tx_ticks_init. */
uint64_t tx_ticks_read(void);

/*
 * A SysTick countdown: calls expired() from the SysTick interrupt once `ticks` processor-clock
 * ticks have passed (to within one tick). It is how the intermittent harness makes the power fail
 * at an exact instruction count under -icount. It shares SysTick with the SysTick tick source: a
 * firmware uses one or the other.
 */
void tx_countdown_start(uint64_t ticks, void (*expired)(void));

/* Ticks since tx_countdown_start (the countdown keeps running until it expires or is stopped). */
uint64_t tx_countdown_elapsed(void);

void tx_countdown_stop(void);

#endif
