/*
 * IEEE-754 single precision in software for the MSP430 EABI helpers clang calls: add, subtract,
 * multiply, divide, compare and the int32 conversions. Tenax models take and give float32
 * tensors at their boundaries (quantize, dequantize) and some keep a float kernel, and Java's
 * evaluator is the specification, so every result is correctly rounded to nearest-even with
 * subnormals, exactly like Java's float arithmetic. NaN results are the canonical quiet NaN.
 *
 * Working form: a value is m * 2^(e - 157) with m a 32-bit integer whose leading one sits at bit
 * 30 once normalized (7 bits below the 24-bit significand: guard, round and sticky, with room to
 * spare) and e the biased exponent the result gets.
 */
#include <stdint.h>

/* Moves a subnormal's leading one up to bit 23, lowering the exponent to match. */
static int16_t normalize24(int16_t e, uint32_t *m)
{
    while (*m < 0x800000u) {
        *m <<= 1;
        e--;
    }
    return e;
}

float __mspabi_addf(float a, float b);
float __mspabi_subf(float a, float b);
float __mspabi_mpyf(float a, float b);
float __mspabi_divf(float a, float b);
int16_t __mspabi_cmpf(float a, float b);
int16_t __unordsf2(float a, float b);
int32_t __mspabi_fixfli(float a);
uint32_t __mspabi_fixful(float a);
float __mspabi_fltlif(int32_t a);
float __mspabi_fltulf(uint32_t a);

#define SIGN 0x80000000u
#define INF 0x7F800000u
#define QNAN 0x7FC00000u

typedef union {
    float f;
    uint32_t u;
} tx_bits;

static uint32_t bits(float f)
{
    tx_bits b;
    b.f = f;
    return b.u;
}

static float value(uint32_t u)
{
    tx_bits b;
    b.u = u;
    return b.f;
}

static int is_nan(uint32_t u)
{
    return (u & ~SIGN) > INF;
}

/* Shifts right by n, OR-ing every bit shifted out into bit 0 so that rounding still sees them. */
static uint32_t shift_sticky(uint32_t m, int16_t n)
{
    if (n >= 31) {
        return m != 0u ? 1u : 0u;
    }
    for (; n > 0; n--) {
        m = (m >> 1) | (m & 1u);
    }
    return m;
}

/* Normalizes, rounds to nearest-even (subnormal and overflow included) and packs. */
static uint32_t round_pack(uint32_t sign, int16_t e, uint32_t m)
{
    uint32_t low;
    if (m == 0u) {
        return sign;
    }
    while (m >= 0x80000000u) {
        m = (m >> 1) | (m & 1u);
        e++;
    }
    while (m < 0x40000000u) {
        m <<= 1;
        e--;
    }
    if (e >= 0xFF) {
        return sign | INF;
    }
    if (e <= 0) {
        m = shift_sticky(m, (int16_t)(1 - e));
        e = 0;
    }
    low = m & 0x7Fu;
    m >>= 7;
    if (low > 0x40u || (low == 0x40u && (m & 1u) != 0u)) {
        m++;
    }
    if (e == 0) {
        return sign | m; /* rounding up to 2^23 gives the smallest normal, exponent field 1 */
    }
    if (m >= 0x1000000u) {
        m >>= 1;
        e++;
        if (e >= 0xFF) {
            return sign | INF;
        }
    }
    return sign | ((uint32_t)e << 23) | (m & 0x7FFFFFu);
}

/* Exponent and significand (hidden bit included; subnormals get exponent 1) of a finite value. */
static int16_t unpack(uint32_t u, uint32_t *m)
{
    int16_t e = (int16_t)((u >> 23) & 0xFFu);
    *m = u & 0x7FFFFFu;
    if (e == 0) {
        return 1;
    }
    *m |= 0x800000u;
    return e;
}

float __mspabi_addf(float fa, float fb)
{
    uint32_t a = bits(fa);
    uint32_t b = bits(fb);
    uint32_t ma;
    uint32_t mb;
    int16_t ea;
    int16_t eb;
    if (is_nan(a) || is_nan(b)) {
        return value(QNAN);
    }
    if ((a & ~SIGN) == INF || (b & ~SIGN) == INF) {
        if ((a & ~SIGN) == INF && (b & ~SIGN) == INF && a != b) {
            return value(QNAN);
        }
        return value((a & ~SIGN) == INF ? a : b);
    }
    if ((a & ~SIGN) == 0u && (b & ~SIGN) == 0u) {
        return value(a & b); /* -0 only when both are -0 */
    }
    /* Order by magnitude so that the larger operand sets the exponent and a - b >= 0. */
    if ((a & ~SIGN) < (b & ~SIGN)) {
        uint32_t t = a;
        a = b;
        b = t;
    }
    ea = unpack(a, &ma);
    eb = unpack(b, &mb);
    ma <<= 7;
    mb = shift_sticky(mb << 7, (int16_t)(ea - eb));
    if (((a ^ b) & SIGN) == 0u) {
        return value(round_pack(a & SIGN, ea, ma + mb));
    }
    if (ma == mb) {
        return value(0u); /* x - x is +0 when rounding to nearest */
    }
    return value(round_pack(a & SIGN, ea, ma - mb));
}

float __mspabi_subf(float a, float b)
{
    return __mspabi_addf(a, value(bits(b) ^ SIGN));
}

float __mspabi_mpyf(float fa, float fb)
{
    uint32_t a = bits(fa);
    uint32_t b = bits(fb);
    uint32_t sign = (a ^ b) & SIGN;
    uint32_t ma;
    uint32_t mb;
    uint32_t hi;
    uint32_t mid;
    uint32_t lo;
    int16_t ea;
    int16_t eb;
    if (is_nan(a) || is_nan(b)) {
        return value(QNAN);
    }
    if ((a & ~SIGN) == INF || (b & ~SIGN) == INF) {
        return value((a & ~SIGN) == 0u || (b & ~SIGN) == 0u ? QNAN : sign | INF);
    }
    if ((a & ~SIGN) == 0u || (b & ~SIGN) == 0u) {
        return value(sign);
    }
    ea = unpack(a, &ma);
    eb = unpack(b, &mb);
    ea = normalize24(ea, &ma); /* subnormals: full 24-bit significands keep the product exact */
    eb = normalize24(eb, &mb);
    /* The 48-bit product from 16-bit halves, shifted right by 16 with the lost bits as sticky. */
    hi = (uint32_t)(uint16_t)(ma >> 16) * (uint16_t)(mb >> 16);
    mid = (uint32_t)(uint16_t)(ma >> 16) * (uint16_t)mb + (uint32_t)(uint16_t)ma * (uint16_t)(mb >> 16);
    lo = (uint32_t)(uint16_t)ma * (uint16_t)mb;
    lo = ((hi << 16) + mid + (lo >> 16)) | ((lo & 0xFFFFu) != 0u ? 1u : 0u);
    return value(round_pack(sign, (int16_t)(ea + eb - 127), lo));
}

float __mspabi_divf(float fa, float fb)
{
    uint32_t a = bits(fa);
    uint32_t b = bits(fb);
    uint32_t sign = (a ^ b) & SIGN;
    uint32_t ma;
    uint32_t mb;
    uint32_t q = 0;
    int16_t ea;
    int16_t eb;
    int16_t i;
    if (is_nan(a) || is_nan(b)) {
        return value(QNAN);
    }
    if ((a & ~SIGN) == INF) {
        return value((b & ~SIGN) == INF ? QNAN : sign | INF);
    }
    if ((b & ~SIGN) == INF) {
        return value(sign);
    }
    if ((b & ~SIGN) == 0u) {
        return value((a & ~SIGN) == 0u ? QNAN : sign | INF);
    }
    if ((a & ~SIGN) == 0u) {
        return value(sign);
    }
    ea = unpack(a, &ma);
    eb = unpack(b, &mb);
    ea = normalize24(ea, &ma);
    eb = normalize24(eb, &mb);
    /* 31 quotient bits of ma / mb * 2^30, the remainder as sticky. */
    for (i = 0; i < 31; i++) {
        q <<= 1;
        if (ma >= mb) {
            ma -= mb;
            q |= 1u;
        }
        ma <<= 1;
    }
    return value(round_pack(sign, (int16_t)(ea - eb + 127), q | (ma != 0u ? 1u : 0u)));
}

/* <0, 0 or >0 like a - b; 1 when either is NaN, so that only the ordered tests see "false". */
int16_t __mspabi_cmpf(float fa, float fb)
{
    uint32_t a = bits(fa);
    uint32_t b = bits(fb);
    if (is_nan(a) || is_nan(b)) {
        return 1;
    }
    if (((a | b) & ~SIGN) == 0u) {
        return 0; /* +0 == -0 */
    }
    if ((a & SIGN) != (b & SIGN)) {
        return (a & SIGN) != 0u ? -1 : 1;
    }
    if (a == b) {
        return 0;
    }
    return ((a < b) != ((a & SIGN) != 0u)) ? -1 : 1;
}

int16_t __unordsf2(float a, float b)
{
    return is_nan(bits(a)) || is_nan(bits(b)) ? 1 : 0;
}

/* Truncation toward zero; out of range saturates and NaN gives 0, as Java's (int) does. */
int32_t __mspabi_fixfli(float fa)
{
    uint32_t a = bits(fa);
    uint32_t m;
    int16_t e;
    if (is_nan(a)) {
        return 0;
    }
    e = unpack(a, &m);
    if (e >= 127 + 31) {
        return (a & SIGN) != 0u ? INT32_MIN : INT32_MAX;
    }
    if (e < 127) {
        return 0;
    }
    if (e >= 127 + 23) {
        for (; e > 127 + 23; e--) {
            m <<= 1;
        }
    } else {
        for (; e < 127 + 23; e++) {
            m >>= 1;
        }
    }
    return (a & SIGN) != 0u ? (int32_t)(0u - m) : (int32_t)m;
}

uint32_t __mspabi_fixful(float fa)
{
    uint32_t a = bits(fa);
    uint32_t m;
    int16_t e;
    if (is_nan(a) || (a & SIGN) != 0u) {
        return 0;
    }
    e = unpack(a, &m);
    if (e >= 127 + 32) {
        return UINT32_MAX;
    }
    if (e < 127) {
        return 0;
    }
    for (; e > 127 + 23; e--) {
        m <<= 1;
    }
    for (; e < 127 + 23; e++) {
        m >>= 1;
    }
    return m;
}

float __mspabi_fltlif(int32_t a)
{
    uint32_t m = a < 0 ? 0u - (uint32_t)a : (uint32_t)a;
    return value(round_pack(a < 0 ? SIGN : 0u, 157, m));
}

float __mspabi_fltulf(uint32_t a)
{
    return value(round_pack(0u, 157, a));
}
