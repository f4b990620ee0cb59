/*
 * tx_progress_body.h: tx_progress's load, boot count and commit where int has 32 bits (Cortex-M,
 * hosts), as inline functions. tx_progress.c makes the calls of tx_progress.h from them; a
 * generated model whose groups run by direct calls (templates/model.c.ftl) inlines the boot and
 * its groups' commits too: the call, the copies of the fields to and from memory and their
 * masking are a good part of a small model's fixed cost, and a group's commit has mostly
 * constant fields (tile and split 0), which the inlined sums take as constants.
 *
 * The same slots, checks and writes as tx_progress.c's 16-bit code (ProgressCommitTest compares
 * the NVM images the two leave), computed with 32-bit values: the sequence, the fingerprint and
 * the check word (CHECK_LO | CHECK_HI << 16) are each read as one pair of words, the check is
 * summed in registers and folded once. On 16-bit cores (and with TX_PROGRESS_CHECK16) the
 * inline calls are tx_progress.c's 16-bit code, called out of line.
 * TODO(issue 6): the code costs flash: velardo-lesson9-mlp's cortex-m4 firmware grew by 1,088 bytes
 * (9,308 -> 10,396 of text), as every function here is forced inline, also into tx_progress.c's
 * out-of-line load and commit (cold paths: result_ready, the restart, the call-by-call commits),
 * and each of the 11 gated writes has a store and a call branch. Forcing inline only into the
 * generated resume (the boot and the group commit) would keep most of the gain for less code.
 */
#ifndef TX_PROGRESS_BODY_H
#define TX_PROGRESS_BODY_H

#include <stdint.h>

#include "tx_progress.h"

#if defined(__GNUC__)
#define TX_PROGRESS_INLINE static inline __attribute__((always_inline))
#else
#define TX_PROGRESS_INLINE static inline
#endif

/*
 * NVM read as plain memory, without volatile: only the writes here change the progress store, and
 * GCC widens every volatile halfword read with an extra instruction.
 */
#define TX_SLOT_PLAIN(slot) ((const uint16_t *)(const void *)(slot))

/* tx_progress_count_boot for a boot from the commit whose sequence has this low half (all cores). */
TX_PROGRESS_INLINE uint16_t tx_progress_count_inline(volatile tx_progress_store *store, uint16_t seq)
{
    const uint16_t *attempt = TX_SLOT_PLAIN(store->attempt);
    uint16_t count = attempt[0] == seq && attempt[1] < 0xFFFFu ? (uint16_t)(attempt[1] + 1u) : (uint16_t)1u;
    TX_NVM_WRITE16(&store->attempt[1], count);
    TX_NVM_WRITE16(&store->attempt[0], seq);
    return count;
}

/*
 * tx_progress_commit of these fields after commit `sequence` (0: the commit looks the latest up),
 * called out of line; returns the new commit's sequence.
 */
TX_PROGRESS_INLINE uint32_t tx_progress_commit_call(volatile tx_progress_store *store, uint32_t fingerprint,
    uint32_t sequence, uint16_t step, uint16_t tile, uint16_t split, uint16_t flags)
{
    tx_progress p;
    p.sequence = sequence;
    p.step = step;
    p.tile = tile;
    p.split = split;
    p.flags = flags;
    tx_progress_commit(store, fingerprint, &p);
    return p.sequence;
}

#ifdef TX_PROGRESS_WIDE

/* A slot's words (tx_progress.h: TX_PROGRESS_SLOT_WORDS). */
enum {
    TX_SLOT_CHECK_LO,
    TX_SLOT_CHECK_HI,
    TX_SLOT_SEQ_LO,
    TX_SLOT_SEQ_HI,
    TX_SLOT_STEP,
    TX_SLOT_TILE,
    TX_SLOT_SPLIT,
    TX_SLOT_FLAGS,
    TX_SLOT_FP_LO,
    TX_SLOT_FP_HI
};

/* The words w[0] | w[1] << 16 of a slot. */
TX_PROGRESS_INLINE uint32_t tx_slot_pair(const uint16_t *w)
{
    return (uint32_t)w[0] | ((uint32_t)w[1] << 16);
}

/*
 * x modulo 65535 as a ones'-complement value (in 1..65535 for 1 <= x < 2^22) in the low half of
 * the result; the high half is left over: the caller masks or shifts it out.
 */
TX_PROGRESS_INLINE uint32_t tx_slot_fold(uint32_t x)
{
    x = (x & 0xFFFFu) + (x >> 16);
    return x + (x >> 16);
}

/*
 * The check word of these fields (tx_progress.c: Fletcher-32, both halves forced nonzero): the
 * sums are exact in 32 bits (at most 7 * 65535 and 43 * 65535) and folded once at the end.
 */
TX_PROGRESS_INLINE uint32_t tx_slot_check(uint32_t sequence, uint16_t step, uint16_t tile, uint16_t split, uint16_t flags)
{
    uint32_t a = UINT32_C(0xFFFF) + (sequence & 0xFFFFu);
    uint32_t b = UINT32_C(0xFFFF) + a;
    a += sequence >> 16;
    b += a;
    a += step;
    b += a;
    a += tile;
    b += a;
    a += split;
    b += a;
    a += flags;
    b += a;
    return ((tx_slot_fold(a) & 0xFFFFu) | (tx_slot_fold(b) << 16)) | UINT32_C(0x10001);
}

/* Whether the slot holds a complete commit of the firmware with this fingerprint. */
TX_PROGRESS_INLINE int tx_slot_valid(const uint16_t *slot, uint32_t fingerprint)
{
    return tx_slot_pair(&slot[TX_SLOT_FP_LO]) == fingerprint && slot[TX_SLOT_CHECK_LO] != 0u
        && tx_slot_pair(&slot[TX_SLOT_CHECK_LO])
               == tx_slot_check(tx_slot_pair(&slot[TX_SLOT_SEQ_LO]), slot[TX_SLOT_STEP], slot[TX_SLOT_TILE],
                   slot[TX_SLOT_SPLIT], slot[TX_SLOT_FLAGS]);
}

/*
 * The slot that holds the latest commit, or NULL. The slot whose sequence number is the newer
 * (modulo 2^32) is checked first: when it is valid the other cannot be the latest, so a boot
 * checks one slot, not two.
 */
TX_PROGRESS_INLINE const uint16_t *tx_slot_latest(const volatile tx_progress_store *store, uint32_t fingerprint)
{
    const uint16_t *newer = TX_SLOT_PLAIN(store->slot[0]);
    const uint16_t *older = TX_SLOT_PLAIN(store->slot[1]);
    if (tx_slot_pair(&older[TX_SLOT_SEQ_LO]) - tx_slot_pair(&newer[TX_SLOT_SEQ_LO]) <= UINT32_C(0x7FFFFFFF)) {
        const uint16_t *slot = newer;
        newer = older;
        older = slot;
    }
    if (tx_slot_valid(newer, fingerprint)) {
        return newer;
    }
    return tx_slot_valid(older, fingerprint) ? older : (const uint16_t *)0;
}

/* tx_progress_load. */
TX_PROGRESS_INLINE int tx_progress_load_inline(const volatile tx_progress_store *store, uint32_t fingerprint, tx_progress *out)
{
    const uint16_t *slot = tx_slot_latest(store, fingerprint);
    if (slot != (const uint16_t *)0) {
        /* all read before any is stored: *out might alias the slot, as far as the compiler knows */
        const uint32_t sequence = tx_slot_pair(&slot[TX_SLOT_SEQ_LO]);
        const uint16_t step = slot[TX_SLOT_STEP];
        const uint16_t tile = slot[TX_SLOT_TILE];
        const uint16_t split = slot[TX_SLOT_SPLIT];
        const uint16_t flags = slot[TX_SLOT_FLAGS];
        out->sequence = sequence;
        out->step = step;
        out->tile = tile;
        out->split = split;
        out->flags = flags;
        return 1;
    }
    out->sequence = 0u;
    out->step = 0u;
    out->tile = 0u;
    out->split = 0u;
    out->flags = 0u;
    return 0;
}

/* tx_progress_boot. */
TX_PROGRESS_INLINE uint16_t tx_progress_boot_inline(volatile tx_progress_store *store, uint32_t fingerprint, tx_progress *out)
{
    (void)tx_progress_load_inline(store, fingerprint, out);
    return (out->flags & TX_PROGRESS_DONE) != 0u ? 0u
                                                 : tx_progress_count_inline(store, (uint16_t)(out->sequence & 0xFFFFu));
}

/*
 * The slot a commit after commit `sequence` (nonzero) writes: the other slot than the one holding
 * it, found by its low check word (nonzero), its sequence and its fingerprint; NULL when neither
 * holds it (the caller then looks the latest commit up).
 */
TX_PROGRESS_INLINE volatile uint16_t *tx_slot_after(volatile tx_progress_store *store, uint32_t sequence, uint32_t fingerprint)
{
    const uint16_t *first = TX_SLOT_PLAIN(store->slot[0]);
    const uint16_t *second = TX_SLOT_PLAIN(store->slot[1]);
    if (first[TX_SLOT_CHECK_LO] != 0u && tx_slot_pair(&first[TX_SLOT_SEQ_LO]) == sequence
        && tx_slot_pair(&first[TX_SLOT_FP_LO]) == fingerprint) {
        return store->slot[1];
    }
    if (second[TX_SLOT_CHECK_LO] != 0u && tx_slot_pair(&second[TX_SLOT_SEQ_LO]) == sequence
        && tx_slot_pair(&second[TX_SLOT_FP_LO]) == fingerprint) {
        return store->slot[0];
    }
    return (volatile uint16_t *)0;
}

/*
 * Writes commit `sequence` into the slot: its first check word cleared first, written last
 * (tx_progress.h), one word at a time, not in a loop: the counting and indexing cost more than
 * the stores.
 */
TX_PROGRESS_INLINE void tx_slot_write(volatile uint16_t *slot, uint32_t fingerprint, uint32_t sequence, uint16_t step,
    uint16_t tile, uint16_t split, uint16_t flags)
{
    const uint32_t check = tx_slot_check(sequence, step, tile, split, flags);
    TX_NVM_WRITE16(&slot[TX_SLOT_CHECK_LO], 0);
    TX_NVM_WRITE16(&slot[TX_SLOT_SEQ_LO], (uint16_t)(sequence & 0xFFFFu));
    TX_NVM_WRITE16(&slot[TX_SLOT_SEQ_HI], (uint16_t)(sequence >> 16));
    TX_NVM_WRITE16(&slot[TX_SLOT_STEP], step);
    TX_NVM_WRITE16(&slot[TX_SLOT_TILE], tile);
    TX_NVM_WRITE16(&slot[TX_SLOT_SPLIT], split);
    TX_NVM_WRITE16(&slot[TX_SLOT_FLAGS], flags);
    TX_NVM_WRITE16(&slot[TX_SLOT_FP_LO], (uint16_t)(fingerprint & 0xFFFFu));
    TX_NVM_WRITE16(&slot[TX_SLOT_FP_HI], (uint16_t)(fingerprint >> 16));
    TX_NVM_WRITE16(&slot[TX_SLOT_CHECK_HI], (uint16_t)(check >> 16));
    TX_NVM_WRITE16(&slot[TX_SLOT_CHECK_LO], (uint16_t)(check & 0xFFFFu));
}

/*
 * tx_progress_commit with the fields by value: publishes them after commit `sequence` (the
 * latest, as the load or the last commit left it; 0 or a sequence no slot holds: the commit
 * looks the latest up, out of line) and returns the new commit's sequence.
 */
TX_PROGRESS_INLINE uint32_t tx_progress_commit_inline(volatile tx_progress_store *store, uint32_t fingerprint,
    uint32_t sequence, uint16_t step, uint16_t tile, uint16_t split, uint16_t flags)
{
    volatile uint16_t *slot = sequence != 0u ? tx_slot_after(store, sequence, fingerprint) : (volatile uint16_t *)0;
    if (slot == (volatile uint16_t *)0) {
        return tx_progress_commit_call(store, fingerprint, 0u, step, tile, split, flags);
    }
    tx_slot_write(slot, fingerprint, sequence + 1u, step, tile, split, flags);
    return sequence + 1u;
}

#else
/* 16-bit cores: the same calls, made to tx_progress.c's 16-bit code (a model generated for another
 * target still compiles). */
TX_PROGRESS_INLINE uint16_t tx_progress_boot_inline(volatile tx_progress_store *store, uint32_t fingerprint, tx_progress *out)
{
    return tx_progress_boot(store, fingerprint, out);
}

TX_PROGRESS_INLINE uint32_t tx_progress_commit_inline(volatile tx_progress_store *store, uint32_t fingerprint,
    uint32_t sequence, uint16_t step, uint16_t tile, uint16_t split, uint16_t flags)
{
    return tx_progress_commit_call(store, fingerprint, sequence, step, tile, split, flags);
}
#endif /* 32-bit int */
#endif /* TX_PROGRESS_BODY_H */
