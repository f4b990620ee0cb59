/*
 * MSP430 variant of tx_quantize_f32_s8 (same name, signature and bits as
 * runtime-c/src/tx_quantize_f32_s8.c): saturate(rint(x / scale) + zero_point) with the float32
 * division and both roundings done in integers (include/tx_quantize_f32_s8_integer.h, which says
 * why it gives the same bits). The reference's software division and rint cost
 * about 5,700 MCLK cycles an element on the MSP430 (qemu/msp430.md), most of an MLP's inference
 * when its input is float; this takes about a tenth. It does not use the multiplier; it lives here
 * because every MSP430 part Tenax targets takes its kernels from this folder.
 */
#include "tx_quantize_f32_s8_integer.h"

#define TX_QUANTIZE_F32_S8_LOOP tx_quantize_f32_s8_integer
#include "tx_quantize_f32_s8_entry.h"
