/*
 * The 16- and 32-bit integer helpers the MSP430 EABI lets a C compiler call instead of
 * inlining: division, remainder and variable shifts (multiplication is in tx_mspabi_mpy.c). A
 * freestanding clang-19 --target=msp430 build has no libgcc or compiler-rt for this target, so
 * Tenax ships its own. Plain C (shift-and-subtract): these must not use the operations they
 * implement, so every shift below is by a constant 1, which the compiler inlines.
 */
#include <stdint.h>

int16_t __mspabi_divi(int16_t a, int16_t b);
uint16_t __mspabi_divu(uint16_t a, uint16_t b);
int16_t __mspabi_remi(int16_t a, int16_t b);
uint16_t __mspabi_remu(uint16_t a, uint16_t b);
int32_t __mspabi_divli(int32_t a, int32_t b);
uint32_t __mspabi_divul(uint32_t a, uint32_t b);
int32_t __mspabi_remli(int32_t a, int32_t b);
uint32_t __mspabi_remul(uint32_t a, uint32_t b);
int16_t __mspabi_slli(int16_t a, int16_t n);
int16_t __mspabi_srai(int16_t a, int16_t n);
uint16_t __mspabi_srli(uint16_t a, int16_t n);
int32_t __mspabi_slll(int32_t a, int16_t n);
int32_t __mspabi_sral(int32_t a, int16_t n);
uint32_t __mspabi_srll(uint32_t a, int16_t n);

/* Restoring division of magnitudes; *rem gets the remainder. Division by zero gives all ones. */
static uint32_t udiv32(uint32_t n, uint32_t d, uint32_t *rem)
{
    uint32_t q = 0;
    uint32_t r = 0;
    int16_t i;
    if (d == 0u) {
        *rem = n;
        return UINT32_MAX;
    }
    for (i = 0; i < 32; i++) {
        r = (r << 1) | (n >> 31);
        n <<= 1;
        q <<= 1;
        if (r >= d) {
            r -= d;
            q |= 1u;
        }
    }
    *rem = r;
    return q;
}

static uint32_t magnitude(int32_t v)
{
    return v < 0 ? 0u - (uint32_t)v : (uint32_t)v;
}

/* C's truncating division: the quotient is negative when the signs differ, the remainder takes
   the dividend's sign. */
int32_t __mspabi_divli(int32_t a, int32_t b)
{
    uint32_t r;
    uint32_t q = udiv32(magnitude(a), magnitude(b), &r);
    return (int32_t)((a < 0) != (b < 0) ? 0u - q : q);
}

int32_t __mspabi_remli(int32_t a, int32_t b)
{
    uint32_t r;
    (void)udiv32(magnitude(a), magnitude(b), &r);
    return (int32_t)(a < 0 ? 0u - r : r);
}

uint32_t __mspabi_divul(uint32_t a, uint32_t b)
{
    uint32_t r;
    return udiv32(a, b, &r);
}

uint32_t __mspabi_remul(uint32_t a, uint32_t b)
{
    uint32_t r;
    (void)udiv32(a, b, &r);
    return r;
}

int16_t __mspabi_divi(int16_t a, int16_t b)
{
    return (int16_t)__mspabi_divli(a, b);
}

int16_t __mspabi_remi(int16_t a, int16_t b)
{
    return (int16_t)__mspabi_remli(a, b);
}

uint16_t __mspabi_divu(uint16_t a, uint16_t b)
{
    return (uint16_t)__mspabi_divul(a, b);
}

uint16_t __mspabi_remu(uint16_t a, uint16_t b)
{
    return (uint16_t)__mspabi_remul(a, b);
}

int16_t __mspabi_slli(int16_t a, int16_t n)
{
    uint16_t x = (uint16_t)a;
    for (; n > 0; n--) {
        x = (uint16_t)(x << 1);
    }
    return (int16_t)x;
}

int16_t __mspabi_srai(int16_t a, int16_t n)
{
    for (; n > 0; n--) {
        a = (int16_t)(a >> 1);
    }
    return a;
}

uint16_t __mspabi_srli(uint16_t a, int16_t n)
{
    for (; n > 0; n--) {
        a = (uint16_t)(a >> 1);
    }
    return a;
}

int32_t __mspabi_slll(int32_t a, int16_t n)
{
    uint32_t x = (uint32_t)a;
    for (; n > 0; n--) {
        x <<= 1;
    }
    return (int32_t)x;
}

int32_t __mspabi_sral(int32_t a, int16_t n)
{
    for (; n > 0; n--) {
        a >>= 1;
    }
    return a;
}

uint32_t __mspabi_srll(uint32_t a, int16_t n)
{
    for (; n > 0; n--) {
        a >>= 1;
    }
    return a;
}
