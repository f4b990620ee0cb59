/*
 * Scalar Cortex-M variant of tx_quantize_f32_s8 (same name, signature and bits as
 * runtime-c/src/tx_quantize_f32_s8.c) for the cores without an FPU (cortex-m0, cortex-m3):
 * saturate(rint(x / scale) + zero_point) with the float32 division and both roundings done in
 * integers (include/tx_quantize_f32_s8_integer.h, shared with the MSP430), the quotient's bits from
 * UDIV eight at a time on cortex-m3. The reference's software float division, rint and compares
 * cost about 280 instructions an element on cortex-m3 (MobileNet VWW's float input: 7.7M).
 */
#include "tx_quantize_f32_s8_integer.h"

#define TX_QUANTIZE_F32_S8_LOOP tx_quantize_f32_s8_integer
#include "tx_quantize_f32_s8_entry.h"
