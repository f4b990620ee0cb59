/*
 * The 64-bit multiply, divide and remainder helpers of the MSP430 EABI. The compiler calls them
 * with a special convention (LLVM's MSP430_BUILTIN): first operand in R8..R11, second in
 * R12..R15 (low word first), result in R12..R15. C cannot declare that, so a small assembly entry
 * per helper stores both operands on the stack, passes their addresses to a C function that
 * writes the result over the first operand, and pops it into R12..R15. R8..R10 are callee-saved
 * in the ordinary convention, so the C function leaves them as the caller expects.
 */
#include <stdint.h>

void tx_mspabi_mul64(uint64_t *a, const uint64_t *b);
void tx_mspabi_div64(uint64_t *a, const uint64_t *b);
void tx_mspabi_divu64(uint64_t *a, const uint64_t *b);
void tx_mspabi_rem64(uint64_t *a, const uint64_t *b);
void tx_mspabi_remu64(uint64_t *a, const uint64_t *b);

/* name: push b (R12..R15) then a (R8..R11), so that a sits at SP and b at SP+8. */
#define TX_BUILTIN64(name, impl) \
    __asm__(".section .text." name ",\"ax\",@progbits\n" \
            ".global " name "\n" \
            ".type " name ",@function\n" \
            name ":\n" \
            "  push r15\n  push r14\n  push r13\n  push r12\n" \
            "  push r11\n  push r10\n  push r9\n  push r8\n" \
            "  mov r1, r12\n  mov r1, r13\n  add #8, r13\n" \
            "  call #" impl "\n" \
            "  pop r12\n  pop r13\n  pop r14\n  pop r15\n" \
            "  add #8, r1\n  ret\n" \
            ".size " name ", .-" name "\n");

TX_BUILTIN64("__mspabi_mpyll", "tx_mspabi_mul64")
TX_BUILTIN64("__mspabi_divlli", "tx_mspabi_div64")
TX_BUILTIN64("__mspabi_divull", "tx_mspabi_divu64")
TX_BUILTIN64("__mspabi_remlli", "tx_mspabi_rem64")
TX_BUILTIN64("__mspabi_remull", "tx_mspabi_remu64")

/* The multiplier-flavoured names clang and gcc call with -mmcu or -mhwmult. */
__asm__(".global __mspabi_mpyll_hw\n.set __mspabi_mpyll_hw, __mspabi_mpyll\n"
        ".global __mspabi_mpyll_hw32\n.set __mspabi_mpyll_hw32, __mspabi_mpyll\n"
        ".global __mspabi_mpyll_f5hw\n.set __mspabi_mpyll_f5hw, __mspabi_mpyll\n");

/* The low 64 bits of a * b from 16-bit limbs: ten 16x16->32 products instead of 64 rounds of
   shift-and-add. */
void tx_mspabi_mul64(uint64_t *a, const uint64_t *b)
{
    uint16_t x[4];
    uint16_t y[4];
    uint16_t r[4] = {0, 0, 0, 0};
    int16_t i;
    int16_t j;
    /* Constant shifts (word moves): a variable 64-bit shift would be a helper looping per bit. */
    x[0] = (uint16_t)*a;
    x[1] = (uint16_t)(*a >> 16);
    x[2] = (uint16_t)(*a >> 32);
    x[3] = (uint16_t)(*a >> 48);
    y[0] = (uint16_t)*b;
    y[1] = (uint16_t)(*b >> 16);
    y[2] = (uint16_t)(*b >> 32);
    y[3] = (uint16_t)(*b >> 48);
    for (i = 0; i < 4; i++) {
        uint32_t carry = 0;
        for (j = 0; i + j < 4; j++) {
            uint32_t t = (uint32_t)x[i] * y[j] + r[i + j] + carry;
            r[i + j] = (uint16_t)t;
            carry = t >> 16;
        }
    }
    *a = (uint64_t)r[0] | ((uint64_t)r[1] << 16) | ((uint64_t)r[2] << 32) | ((uint64_t)r[3] << 48);
}

/* Restoring division; division by zero gives all ones and leaves the dividend as remainder. */
static uint64_t udiv64(uint64_t n, uint64_t d, uint64_t *rem)
{
    uint64_t q = 0;
    uint64_t r = 0;
    int16_t i;
    if (d == 0u) {
        *rem = n;
        return UINT64_MAX;
    }
    for (i = 0; i < 64; i++) {
        r = (r << 1) | (n >> 63);
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

static uint64_t magnitude64(uint64_t v)
{
    return (v >> 63) != 0u ? 0u - v : v;
}

void tx_mspabi_divu64(uint64_t *a, const uint64_t *b)
{
    uint64_t r;
    *a = udiv64(*a, *b, &r);
}

void tx_mspabi_remu64(uint64_t *a, const uint64_t *b)
{
    (void)udiv64(*a, *b, a);
}

void tx_mspabi_div64(uint64_t *a, const uint64_t *b)
{
    uint64_t r;
    uint64_t q = udiv64(magnitude64(*a), magnitude64(*b), &r);
    *a = ((*a ^ *b) >> 63) != 0u ? 0u - q : q;
}

void tx_mspabi_rem64(uint64_t *a, const uint64_t *b)
{
    uint64_t r;
    (void)udiv64(magnitude64(*a), magnitude64(*b), &r);
    *a = (*a >> 63) != 0u ? 0u - r : r;
}
