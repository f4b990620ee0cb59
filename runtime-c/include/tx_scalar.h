/*
 * What the scalar Cortex-M variants (runtime-c/arm-scalar: cores without the DSP extension,
 * cortex-m0 and cortex-m3) share besides their dot products (tx_scalar_dot.h) and output stage
 * (tx_scalar_requant.h).
 */
#ifndef TX_SCALAR_H
#define TX_SCALAR_H

/* A hot loop stays a function of its own: inlined into a kernel, whose variable-length arrays
 * take a frame pointer, GCC's cortex-m0 code (eight low registers, one of them then the frame
 * pointer) spends most of its instructions reloading spilled values. (unused: a kernel that
 * includes a header of them calls only some.) */
#if defined(__GNUC__)
#define TX_SCALAR_LOOP __attribute__((noinline, unused)) static
#else
#define TX_SCALAR_LOOP static
#endif

#endif /* TX_SCALAR_H */
