/*
 * The 16- and 32-bit multiplication helpers of the MSP430 EABI, in software (shift-and-add, every
 * shift by a constant 1, which the compiler inlines). A sibling with the same names,
 * runtime-c/msp430-hwmult/src/tx_mspabi_mpy.c, uses the hardware multiplier instead.
 *
 * The _hw, _hw32 and _f5hw names are what clang and msp430-elf-gcc call when told the part has a
 * hardware multiplier (-mmcu=msp430fr5994 implies the 32-bit one). They are aliases of the
 * software versions, so a build links whatever multiplier option it chose.
 */
#include <stdint.h>

#define TX_ALIAS(name) __attribute__((alias(name)))

int16_t __mspabi_mpyi(int16_t a, int16_t b);
int32_t __mspabi_mpyl(int32_t a, int32_t b);

/* Two's complement wraps: multiplying the unsigned patterns gives the signed product's bits. */
int16_t __mspabi_mpyi(int16_t a, int16_t b)
{
    uint16_t x = (uint16_t)a;
    uint16_t y = (uint16_t)b;
    uint16_t r = 0;
    if ((y >> 15) != 0u) { /* as in __mspabi_mpyl: a small positive multiplier ends the loop early */
        x = (uint16_t)(0u - x);
        y = (uint16_t)(0u - y);
    }
    while (y != 0u) {
        if ((y & 1u) != 0u) {
            r = (uint16_t)(r + x);
        }
        x = (uint16_t)(x << 1);
        y = (uint16_t)(y >> 1);
    }
    return (int16_t)r;
}

/* The loop runs once per bit of the multiplier up to its highest one, so the multiplier is the
   operand of smaller magnitude, made positive (x * y == -x * -y modulo 2^32): an int8 product then
   takes 7 rounds, not 32. */
int32_t __mspabi_mpyl(int32_t a, int32_t b)
{
    uint32_t x = (uint32_t)a;
    uint32_t y = (uint32_t)b;
    uint32_t r = 0;
    if ((y >> 31) != 0u) {
        x = 0u - x;
        y = 0u - y;
    }
    if ((x >> 31) == 0u && x < y) {
        uint32_t t = x;
        x = y;
        y = t;
    }
    while (y != 0u) {
        if ((y & 1u) != 0u) {
            r += x;
        }
        x <<= 1;
        y >>= 1;
    }
    return (int32_t)r;
}

int16_t __mspabi_mpyi_hw(int16_t a, int16_t b) TX_ALIAS("__mspabi_mpyi");
int16_t __mspabi_mpyi_f5hw(int16_t a, int16_t b) TX_ALIAS("__mspabi_mpyi");
int32_t __mspabi_mpyl_hw(int32_t a, int32_t b) TX_ALIAS("__mspabi_mpyl");
int32_t __mspabi_mpyl_hw32(int32_t a, int32_t b) TX_ALIAS("__mspabi_mpyl");
int32_t __mspabi_mpyl_f5hw(int32_t a, int32_t b) TX_ALIAS("__mspabi_mpyl");
