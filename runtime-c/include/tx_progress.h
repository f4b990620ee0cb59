/*
 * tx_progress: where an interrupted inference resumes. Progress lives in NVM as two slots; a
 * commit rewrites the older slot so that a power failure at any write, including in the middle
 * of the commit itself, leaves the previous commit readable:
 *   1. the slot's first check word is cleared (the slot is invalid from here on),
 *   2. the fields are written,
 *   3. the second check word, then the first, are written: the slot is valid only after the
 *      very last write of the commit.
 * A slot holds the fields, the firmware fingerprint and a check over the fields (Fletcher-32,
 * both 16-bit halves nonzero), so a half-cleared check, NVM that was never written, and progress
 * left by another firmware (re-flashing changes the fingerprint, compared in full) all read as
 * "no progress": the inference starts over. Needs only atomic, in-order 16-bit NVM writes
 * (tx_platform.h).
 * Cost on an MSP430FR5994 at -Os (scripts/measure-msp430-progress.sh, with the direct platform's
 * writes): load 367 MCLK cycles, a commit 506 (762 without a known sequence), a boot count 71.
 */
#ifndef TX_PROGRESS_H
#define TX_PROGRESS_H

#include <limits.h>
#include <stdint.h>

#include "tx_platform.h"

/*
 * Where int has 32 bits the load, boot count and commit are tx_progress_body.h's, with 32-bit sums
 * (TX_PROGRESS_CHECK16: the 16-bit cores' code instead, for the test that compares the two).
 */
#if UINT_MAX > 0xFFFFu && !defined(TX_PROGRESS_CHECK16)
#define TX_PROGRESS_WIDE 1
#endif

#define TX_PROGRESS_DONE UINT16_C(1)     /* every output of the inference is in NVM */
#define TX_PROGRESS_REPORTED UINT16_C(2) /* and the application has been told, once */

typedef struct {
    uint32_t sequence; /* number of commits so far; set by tx_progress_commit */
    uint16_t step;     /* the next kernel call to run */
    uint16_t tile;     /* the next tile of that call */
    uint16_t split;    /* halvings in force for the call's tiles (a tile that kept failing) */
    uint16_t flags;    /* TX_PROGRESS_DONE, TX_PROGRESS_REPORTED */
} tx_progress;

#define TX_PROGRESS_SLOT_WORDS 10

/* The NVM image: place it in the non-volatile section. Its initial contents do not matter. */
typedef struct {
    uint16_t slot[2][TX_PROGRESS_SLOT_WORDS];
    uint16_t attempt[2]; /* low half of the sequence the boots below started from, and how many */
} tx_progress_store;

/*
 * The latest commit of the firmware with this fingerprint: returns 1 and fills *out, or returns
 * 0 and sets *out to the start of an inference (all zero) when there is none.
 */
int tx_progress_load(const volatile tx_progress_store *store, uint32_t fingerprint, tx_progress *out);

/*
 * Publishes *p as the latest progress (p->sequence becomes one more than the latest commit's)
 * with 11 NVM word writes; the commit has happened once the last one completes. p->sequence on
 * entry: the latest commit's, as tx_progress_load or the previous commit left it (the commit then
 * only looks up which slot holds it), or 0 when the caller does not know it (a restart: the
 * commit reads and checks the slots to find it). A nonzero sequence that no complete slot holds
 * is treated as 0.
 */
void tx_progress_commit(volatile tx_progress_store *store, uint32_t fingerprint, tx_progress *p);

/*
 * Counts a boot that resumes from *p (the latest commit) and returns how many boots in a row have
 * started from it, 1 the first time: a count that keeps growing means the tile in flight never
 * finishes on one charge. Two NVM writes per boot, none per tile; a failure between them can only
 * miscount, which at worst splits a tile earlier or later (always correct).
 */
uint16_t tx_progress_count_boot(volatile tx_progress_store *store, const tx_progress *p);

/*
 * What a boot does first: tx_progress_load into *out, then, unless that is a finished inference
 * (TX_PROGRESS_DONE), tx_progress_count_boot. Returns the count, or 0 for a finished inference.
 * Where int has 32 bits it is one call that reads the slots and counts in one go (on a Cortex-M
 * some 20 instructions fewer per boot than the two calls); on 16-bit cores it is the two calls.
 */
#ifdef TX_PROGRESS_WIDE
uint16_t tx_progress_boot(volatile tx_progress_store *store, uint32_t fingerprint, tx_progress *out);
#else
static inline uint16_t tx_progress_boot(volatile tx_progress_store *store, uint32_t fingerprint, tx_progress *out)
{
    (void)tx_progress_load(store, fingerprint, out);
    return (out->flags & TX_PROGRESS_DONE) != 0u ? 0u : tx_progress_count_boot(store, out);
}
#endif

#endif /* TX_PROGRESS_H */
