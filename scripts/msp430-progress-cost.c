/*
 * The progress calls one at a time between tenax_begin and tenax_end, for
 * scripts/measure-msp430-progress.sh: a load with both slots holding commits (as at a boot), a
 * boot count, a commit that carries the latest sequence (as a tile's) and one that does not (as
 * the restart's). -DCOUNTING: tx_nvm_write16 counts the writes against a schedule in
 * FRAM, as the MSP430 power harness does.
 */
#include "tenax_msp430.h"
#include "tx_progress.h"

#define FINGERPRINT UINT32_C(0x5EED1234)
__attribute__((section(".tenax_nvm"))) volatile tx_progress_store store;
#ifdef COUNTING
__attribute__((section(".tenax_nvm"))) volatile uint32_t writes;
__attribute__((section(".tenax_nvm"))) volatile uint32_t fail_at;
#endif

void tx_nvm_write16(volatile uint16_t *dst, uint16_t value)
{
#ifdef COUNTING
    if (fail_at != 0u && writes + 1u == fail_at) {
        tenax_exit(9);
    }
    writes++;
#endif
    *dst = value;
}

int main(void)
{
    tx_progress p;
    p.sequence = 0u;
    p.step = 3u;
    p.tile = 1u;
    p.split = 0u;
    p.flags = 0u;
    tx_progress_commit(&store, FINGERPRINT, &p);
    tx_progress_commit(&store, FINGERPRINT, &p);
    tenax_begin();
    tenax_end();
    tenax_begin();
    tx_progress_load(&store, FINGERPRINT, &p);
    tenax_end();
    tenax_begin();
    tx_progress_count_boot(&store, &p);
    tenax_end();
    tenax_begin();
    tx_progress_commit(&store, FINGERPRINT, &p);
    tenax_end();
    p.sequence = 0u; /* as a restart commits: the latest commit is not known */
    tenax_begin();
    tx_progress_commit(&store, FINGERPRINT, &p);
    tenax_end();
    return 0;
}
