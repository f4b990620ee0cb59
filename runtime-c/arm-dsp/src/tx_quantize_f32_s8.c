/*
 * Cortex-M variant of tx_quantize_f32_s8 (same name, signature and bits as
 * runtime-c/src/tx_quantize_f32_s8.c) for cores with a single-precision FPU (M4, M7, M33):
 * VDIV, then VCVTR, which rounds to the nearest integer, ties to even, in the FPSCR's rounding
 * mode (set to round-to-nearest for the call and restored after, whatever the firmware chose),
 * saturates to int32 and gives 0 for NaN, exactly rint(x / scale) of the reference with its NaN
 * rule; QADD adds the zero point saturating at int32 (no wrap for a saturated quotient), then
 * SSAT to 8 bits: the reference's clamp to +-2^20 and its int8 saturation give the same bits.
 * Four elements a loop (one VLDM, two VMOVs of a register pair): about 6.3 instructions an
 * element (MobileNet VWW's 27,648-element input, cortex-m4: 276,640 -> 172,960 instructions; 10
 * an element before, 36 in portable C). Without the FPU (or on the host) the portable loop runs.
 */
#include "tx_quantize_f32_s8_vfp.h"

#define TX_QUANTIZE_F32_S8_LOOP tx_quantize_f32_s8_fast
#include "tx_quantize_f32_s8_entry.h"
