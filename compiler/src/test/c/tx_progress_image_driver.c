/*
 * The NVM image of a sequence of progress commits (tx_progress.c), printed word by word after each
 * commit with what a load then gives. ProgressCommitTest builds it three ways: as is (on a 32-bit
 * host: the check summed in 32 bits and folded), with TX_PROGRESS_CHECK16 (the MSP430's 16-bit
 * end-around-carry sums) and with TX_NVM_WRITE16_GATED while nothing counts the writes (plain
 * stores, no calls); all three must print the same.
 */
#include <stdio.h>
#include <string.h>

#include "tx_progress.h"

#define COMMITS 400
#define FINGERPRINT UINT32_C(0xA11CE5ED)

#ifdef TX_NVM_WRITE16_GATED
uint8_t tx_nvm_counting; /* 0: the commits store in place */
#endif

static long calls;

void tx_nvm_write16(volatile uint16_t *dst, uint16_t value)
{
    calls++;
    *dst = value;
}

static uint32_t rng = UINT32_C(0x2545F491);
static uint16_t next16(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return (uint16_t)(rng >> 8);
}

int main(void)
{
    tx_progress_store store;
    tx_progress p;
    tx_progress q;
    int i;
    int w;
    memset(&store, 0, sizeof store);
    p.sequence = 0;
    for (i = 0; i < COMMITS; i++) {
        /* extreme field values too: the sums' carries are where two ways of summing could differ */
        p.step = i % 5 == 0 ? 0xFFFFu : next16();
        p.tile = i % 7 == 0 ? 0u : next16();
        p.split = i % 3 == 0 ? 0xFFFFu : next16();
        p.flags = next16();
        if (i % 11 == 0) {
            p.sequence = 0; /* a caller that does not know the latest commit */
        }
        if (i == COMMITS / 2) {
            p.sequence = UINT32_C(0xFFFFFFF0); /* the sequence's high half and its wrap-around */
            store.slot[0][2] = 0xFFF0u;
            store.slot[0][3] = 0xFFFFu;
        }
        tx_progress_commit(&store, FINGERPRINT, &p);
        for (w = 0; w < 2 * TX_PROGRESS_SLOT_WORDS; w++) {
            printf("%04x", (unsigned)store.slot[w / TX_PROGRESS_SLOT_WORDS][w % TX_PROGRESS_SLOT_WORDS]);
        }
        printf(" %d", tx_progress_load(&store, FINGERPRINT, &q));
        printf(" %lu %u %u %u %u\n", (unsigned long)q.sequence, (unsigned)q.step, (unsigned)q.tile,
            (unsigned)q.split, (unsigned)q.flags);
    }
#ifdef TX_NVM_WRITE16_GATED
    if (calls != 0) {
        printf("TENAX-ERROR %ld writes called tx_nvm_write16 while nothing counted them\n", calls);
        return 1;
    }
#endif
    return 0;
}
