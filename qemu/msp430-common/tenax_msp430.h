/* Registers and symbols shared by the MSP430 board support and the generated harness. */
#ifndef TENAX_MSP430_H
#define TENAX_MSP430_H

#include <stdint.h>

/* Watchdog control, the same address on every FR5xx/FR6xx part. */
#define TX_WDTCTL (*(volatile uint16_t *)0x015Cu)

/* Breakpoints for the simulator runner: the measured region lies between begin and end. */
void tenax_begin(void);
void tenax_end(void);
__attribute__((noreturn)) void tenax_exit(int16_t status);

/* Bottom and top of the stack the linker script reserves (for stack painting). */
extern uint16_t __stack_start__, __stack_end__, __stack_size__;

#endif
