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

/* A routine that the sources of several kernels include (the dot products and the output stage
 * that the convolution and the fully-connected layer share, the cortex-m0 pair and quad routines):
 * out of line and weak on Cortex-M with GCC, so that the kernels of a build share one copy (the
 * linker keeps one definition and --gc-sections drops the others) where each kept its own (2.4 KB
 * of DS-CNN KWS's code on cortex-m0); static elsewhere (the host's cross-checks). Every kernel of a
 * build is compiled with the same flags, so the copies are one text. TX_SCALAR_SHARED_ASM: the
 * same for the Thumb-1 routines written in assembly. */
#if defined(__arm__) && defined(__GNUC__)
#define TX_SCALAR_SHARED __attribute__((noinline, weak))
#define TX_SCALAR_SHARED_ASM __attribute__((naked, weak))
#else
#define TX_SCALAR_SHARED TX_SCALAR_LOOP
#define TX_SCALAR_SHARED_ASM __attribute__((naked, unused)) static
#endif

/* 1: cortex-m3's code that buys speed with flash: the output stages in assembly after the sums
 * (tx_scalar_conv3.h, tx_scalar_dw3.h; the C one otherwise) and the 3x3 depthwise windows' rows
 * unrolled (tx_scalar_dw3.h); 0 with TX_SMALL_CODE (tenax compile --optimize=size), which leaves
 * both out (about 1.4 KB). */
#if defined(TX_SMALL_CODE)
#define TX_SCALAR_FAST_CODE 0
#else
#define TX_SCALAR_FAST_CODE 1
#endif

#endif /* TX_SCALAR_H */
