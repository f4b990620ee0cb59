/*
 * tx_platform.h: the one seam between the runtime and a platform (DESIGN.md, house rule 6).
 * Kernels never call it; the intermittent-execution code does. Each platform links one
 * implementation (runtime-c/platform/<name>/); tests link their own, e.g. one that injects a
 * power failure at a chosen write.
 */
#ifndef TX_PLATFORM_H
#define TX_PLATFORM_H

#include <stdint.h>

/*
 * Stores one 16-bit word in non-volatile memory. The contract the progress commit relies on:
 * the store is atomic (after a power failure the word holds the old or the new value, never a
 * mix), and stores reach NVM in program order. 16 bits is the narrowest atomic write among the
 * supported platforms (MSP430 FRAM).
 */
void tx_nvm_write16(volatile uint16_t *dst, uint16_t value);

/*
 * How the runtime makes its NVM writes. A platform whose writes are plain stores except while
 * something counts them (a power-failure harness that fails the power at the K-th write) builds
 * with TX_NVM_WRITE16_GATED and defines tx_nvm_counting: while it is 0 a write is a store in
 * place, without a call (a commit's eleven calls are a good part of the fixed cost of a small
 * model's inference), and tx_nvm_write16 is called only while it is nonzero. The flag may change
 * only inside tx_nvm_write16 or between commits.
 */
#ifdef TX_NVM_WRITE16_GATED
extern uint8_t tx_nvm_counting;
#define TX_NVM_WRITE16(dst, value) \
    (tx_nvm_counting != 0u ? tx_nvm_write16((dst), (value)) : (void)(*(dst) = (value)))
#else
#define TX_NVM_WRITE16(dst, value) tx_nvm_write16((dst), (value))
#endif

#endif /* TX_PLATFORM_H */
