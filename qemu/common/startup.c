/*
 * Reset and fault handling shared by every Cortex-M board under QEMU: the
 * vector table, .data/.bss set-up, FPU enable, stack limit on ARMv8-M, and
 * fault handlers that say what went wrong on the semihosting console and end
 * the emulation with TENAX_EXIT_FAULT. main()'s return value becomes QEMU's
 * exit status. No vendor headers: the few system registers are defined here.
 */
#include <stdint.h>
#include <string.h>

#include "semihost.h"

#define SCB_CPACR (*(volatile uint32_t *)0xE000ED88u)
#define SCB_CFSR (*(volatile uint32_t *)0xE000ED28u)
#define SCB_HFSR (*(volatile uint32_t *)0xE000ED2Cu)
#define SCB_MMFAR (*(volatile uint32_t *)0xE000ED34u)
#define SCB_BFAR (*(volatile uint32_t *)0xE000ED38u)
/* UsageFault status, ARMv8-M: the stack pointer went below MSPLIM. */
#define CFSR_STKOF (1u << 20)

/* Linker script symbols (tenax_sections.ld). */
extern uint32_t __stack_start__;
extern uint32_t __stack_end__;
extern uint32_t __data_load__;
extern uint32_t __data_start__;
extern uint32_t __data_end__;
extern uint32_t __bss_start__;
extern uint32_t __bss_end__;

int main(void);
void Reset_Handler(void);
void Fault_Handler(void);
void Default_Handler(void) __attribute__((alias("Fault_Handler")));
void tenax_fault_report(const uint32_t *frame, uint32_t exc_return);

/* Weak so a program (or the cycle counter in cycles.c) can supply its own. */
void NMI_Handler(void) __attribute__((weak, alias("Fault_Handler")));
void HardFault_Handler(void) __attribute__((weak, alias("Fault_Handler")));
void MemManage_Handler(void) __attribute__((weak, alias("Fault_Handler")));
void BusFault_Handler(void) __attribute__((weak, alias("Fault_Handler")));
void UsageFault_Handler(void) __attribute__((weak, alias("Fault_Handler")));
void SecureFault_Handler(void) __attribute__((weak, alias("Fault_Handler")));
void SVC_Handler(void) __attribute__((weak, alias("Fault_Handler")));
void DebugMon_Handler(void) __attribute__((weak, alias("Fault_Handler")));
void PendSV_Handler(void) __attribute__((weak, alias("Fault_Handler")));
void SysTick_Handler(void) __attribute__((weak, alias("Fault_Handler")));

typedef void (*tx_vector)(void);

#define D8                                                                                  \
  Default_Handler, Default_Handler, Default_Handler, Default_Handler, Default_Handler,     \
      Default_Handler, Default_Handler, Default_Handler

/* 16 system exceptions and 32 device interrupts; nothing here enables a
 * device interrupt, so any that fires is reported as a fault. */
__attribute__((section(".vectors"), used)) const tx_vector tx_vectors[48] = {
    (tx_vector)(uintptr_t)&__stack_end__,
    Reset_Handler,
    NMI_Handler,
    HardFault_Handler,
    MemManage_Handler,
    BusFault_Handler,
    UsageFault_Handler,
    SecureFault_Handler,
    0,
    0,
    0,
    SVC_Handler,
    DebugMon_Handler,
    0,
    PendSV_Handler,
    SysTick_Handler,
    D8, D8, D8, D8,
};

void Reset_Handler(void) {
#if defined(__ARM_ARCH_8M_MAIN__) || defined(__ARM_ARCH_8_1M_MAIN__)
  /* ARMv8-M checks the stack limit in hardware: an overflow becomes a
   * UsageFault (STKOF) instead of silently corrupting .bss. */
  __asm__ volatile("msr msplim, %0" : : "r"(&__stack_start__));
#endif
#if defined(__ARM_FP) || defined(__ARM_FEATURE_MVE)
  /* CP10 and CP11 full access: any FPU or MVE instruction faults until this
   * is set, and the compiler may emit them anywhere when they exist. */
  SCB_CPACR |= (0xFu << 20);
  __asm__ volatile("dsb\n\tisb" ::: "memory");
#endif
  memcpy(&__data_start__, &__data_load__,
         (size_t)((uintptr_t)&__data_end__ - (uintptr_t)&__data_start__));
  memset(&__bss_start__, 0, (size_t)((uintptr_t)&__bss_end__ - (uintptr_t)&__bss_start__));
  tx_sh_exit(main());
}

/* Finds the stacked frame (MSP or PSP by EXC_RETURN bit 2) in Thumb-1 only
 * so that the same code runs on ARMv6-M (ARMv8-M Mainline first lifts MSPLIM). */
__attribute__((naked)) void Fault_Handler(void) {
  __asm__ volatile(
#if defined(__ARM_ARCH_8M_MAIN__) || defined(__ARM_ARCH_8_1M_MAIN__)
      /* the report needs a little stack, maybe below the limit that just faulted (STKOF): lift
       * the limit, or its own frames would fault again and lock the core up unreported */
      "movs r0, #0\n\t"
      "msr msplim, r0\n\t"
#endif
      "movs r0, #4\n\t"
      "mov r1, lr\n\t"
      "tst r0, r1\n\t"
      "beq 1f\n\t"
      "mrs r0, psp\n\t"
      "b 2f\n"
      "1:\n\t"
      "mrs r0, msp\n"
      "2:\n\t"
      "ldr r2, =tenax_fault_report\n\t"
      "bx r2\n\t"
      ".ltorg\n");
}

static const char *exception_name(uint32_t ipsr) {
  switch (ipsr) {
    case 2: return "nmi";
    case 3: return "hardfault";
    case 4: return "memmanage";
    case 5: return "busfault";
    case 6: return "usagefault";
    case 7: return "securefault";
    case 11: return "svc";
    case 12: return "debugmon";
    case 14: return "pendsv";
    case 15: return "systick";
    default: return "irq";
  }
}

void tenax_fault_report(const uint32_t *frame, uint32_t exc_return) {
  uint32_t ipsr;
  __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
  ipsr &= 0x1FFu;
  tx_sh_puts("TENAX-FAULT ");
  tx_sh_puts(exception_name(ipsr));
  tx_sh_put_hex(" pc=", frame[6]);
  tx_sh_put_hex(" lr=", frame[5]);
  tx_sh_put_hex(" exc_return=", exc_return);
  tx_sh_put_u32(" exception=", ipsr);
#if !defined(__ARM_ARCH_6M__) && !defined(__ARM_ARCH_8M_BASE__)
  tx_sh_put_hex(" cfsr=", SCB_CFSR);
  tx_sh_put_hex(" hfsr=", SCB_HFSR);
  tx_sh_put_hex(" mmfar=", SCB_MMFAR);
  tx_sh_put_hex(" bfar=", SCB_BFAR);
#endif
#if defined(__ARM_ARCH_8M_MAIN__) || defined(__ARM_ARCH_8_1M_MAIN__)
  if (SCB_CFSR & CFSR_STKOF) {
    tx_sh_puts(" stack overflow: the stack outgrew __stack_size__ (raise STACK_SIZE in the Makefile)");
  }
#endif
  tx_sh_puts("\n");
  tx_sh_exit(TENAX_EXIT_FAULT);
}
