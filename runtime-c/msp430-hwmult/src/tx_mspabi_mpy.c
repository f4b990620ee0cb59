/*
 * The 16- and 32-bit multiplication helpers of the MSP430 EABI on the hardware multiplier's
 * 16x16 registers (MPY, OP2, RESLO, RESHI): same names and results as the software reference in
 * runtime-c/msp430/src/tx_mspabi_mpy.c. The 16-bit registers are the ones every FR part has and
 * the ones mspdebug's simulator models (its hwmult device; the 32-bit MPY32 registers are not
 * simulated), so the tested path is the path that runs on the part.
 *
 * TX_MSP430_HWMULT_BASE is a build parameter: 0x0130 under mspdebug sim (the only address its
 * hwmult device takes), 0x04C0 on the MSP430FR5994 and FR5969. The multiplier is one shared
 * peripheral, so each helper runs with interrupts disabled (and restores GIE as it found it).
 * Projects for parts with target feature "hwmult32" get this file (RuntimeSources); the
 * simulator runs them with "simio add hwmult m".
 */
#include <stdint.h>

#ifndef TX_MSP430_HWMULT_BASE
#error "define TX_MSP430_HWMULT_BASE: 0x0130 for mspdebug sim, 0x04C0 on the MSP430FR5994/FR5969"
#endif

#define TX_HWMULT(offset) (*(volatile uint16_t *)(uintptr_t)((TX_MSP430_HWMULT_BASE) + (offset)))
#define TX_MPY TX_HWMULT(0x00u)
#define TX_OP2 TX_HWMULT(0x08u)
#define TX_RESLO TX_HWMULT(0x0Au)
#define TX_RESHI TX_HWMULT(0x0Cu)

#define TX_ALIAS(name) __attribute__((alias(name)))

int16_t __mspabi_mpyi(int16_t a, int16_t b);
int32_t __mspabi_mpyl(int32_t a, int32_t b);

/* Returns the status register and disables interrupts (the nop lets DINT take effect). */
static inline uint16_t irq_save(void)
{
    uint16_t sr;
    __asm__ volatile("mov r2, %0\n\tdint\n\tnop" : "=r"(sr) : : "memory");
    return sr;
}

static inline void irq_restore(uint16_t sr)
{
    if ((sr & 0x0008u) != 0u) {
        __asm__ volatile("nop\n\teint\n\tnop" : : : "memory");
    }
}

/* The low 16 bits of a product do not depend on signedness: an unsigned MPY serves. */
int16_t __mspabi_mpyi(int16_t a, int16_t b)
{
    uint16_t sr = irq_save();
    uint16_t r;
    TX_MPY = (uint16_t)a;
    TX_OP2 = (uint16_t)b;
    r = TX_RESLO;
    irq_restore(sr);
    return (int16_t)r;
}

/* Modulo 2^32: al*bl + ((ah*bl + al*bh) << 16); the cross products need their low halves only. */
int32_t __mspabi_mpyl(int32_t a, int32_t b)
{
    uint16_t al = (uint16_t)(uint32_t)a;
    uint16_t ah = (uint16_t)((uint32_t)a >> 16);
    uint16_t bl = (uint16_t)(uint32_t)b;
    uint16_t bh = (uint16_t)((uint32_t)b >> 16);
    uint16_t sr = irq_save();
    uint32_t low;
    uint16_t cross;
    TX_MPY = al;
    TX_OP2 = bl;
    low = (uint32_t)TX_RESLO | ((uint32_t)TX_RESHI << 16);
    /* Zero-extended 16-bit operands (the limb products of __mspabi_mpyll, say): no cross terms. */
    if ((ah | bh) == 0u) {
        irq_restore(sr);
        return (int32_t)low;
    }
    TX_MPY = ah;
    TX_OP2 = bl;
    cross = TX_RESLO;
    TX_MPY = al;
    TX_OP2 = bh;
    cross = (uint16_t)(cross + TX_RESLO);
    irq_restore(sr);
    return (int32_t)(low + ((uint32_t)cross << 16));
}

int16_t __mspabi_mpyi_hw(int16_t a, int16_t b) TX_ALIAS("__mspabi_mpyi");
int16_t __mspabi_mpyi_f5hw(int16_t a, int16_t b) TX_ALIAS("__mspabi_mpyi");
int32_t __mspabi_mpyl_hw(int32_t a, int32_t b) TX_ALIAS("__mspabi_mpyl");
int32_t __mspabi_mpyl_hw32(int32_t a, int32_t b) TX_ALIAS("__mspabi_mpyl");
int32_t __mspabi_mpyl_f5hw(int32_t a, int32_t b) TX_ALIAS("__mspabi_mpyl");
