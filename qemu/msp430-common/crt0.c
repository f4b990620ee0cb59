/*
 * Start-up code for Tenax firmware on MSP430 FRAM parts, built with clang-19 --target=msp430
 * and ld.lld-19 (no libc, no vendor crt0): stop the watchdog, set the stack pointer, copy .data
 * from FRAM, zero .bss, run main, then park in tenax_exit. The simulator runner breaks on
 * tenax_exit (mspdebug "setbreak tenax_exit") and on tenax_begin/tenax_end around the part it
 * measures; on a real part tenax_exit just idles with the status in tenax_exit_status.
 */
#include <stdint.h>

#include "tenax_msp430.h"

extern int main(void);
extern uint16_t __data_start__, __data_end__, __data_load__, __bss_start__, __bss_end__;

volatile int16_t tenax_exit_status;

/* Separate, never-inlined functions so that their addresses are breakpoints the runner can use. */
__attribute__((noinline, used)) void tenax_begin(void)
{
    __asm__ volatile("nop");
}

__attribute__((noinline, used)) void tenax_end(void)
{
    __asm__ volatile("nop");
}

__attribute__((noinline, used, noreturn)) void tenax_exit(int16_t status)
{
    tenax_exit_status = status;
    for (;;) {
        __asm__ volatile("nop");
    }
}

__attribute__((used, noreturn)) void tenax_start(void);

__attribute__((used, noreturn)) void tenax_start(void)
{
    const uint16_t *src = &__data_load__;
    uint16_t *dst = &__data_start__;
    /* The watchdog runs from reset and would restart a long inference: hold it (password 0x5A). */
    TX_WDTCTL = 0x5A80u;
    while (dst < &__data_end__) {
        *dst++ = *src++;
    }
    for (dst = &__bss_start__; dst < &__bss_end__; dst++) {
        *dst = 0u;
    }
    tenax_exit((int16_t)main());
}

/* C cannot set the stack pointer before its first frame, so the reset entry is two instructions of
   assembly. */
__asm__(".section .text.tenax_reset,\"ax\",@progbits\n"
        ".global tenax_reset\n"
        ".type tenax_reset,@function\n"
        "tenax_reset:\n"
        "  mov #__stack_end__, r1\n"
        "  call #tenax_start\n");

extern void tenax_reset(void);

/* The reset vector (0xFFFE); other interrupts stay disabled, so they need no handlers. */
__attribute__((section(".tenax_reset_vector"), used)) void (*const tenax_reset_vector)(void) = tenax_reset;
