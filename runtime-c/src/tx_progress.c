/*
 * Two-slot, torn-write-safe progress commits; the protocol is described in tx_progress.h.
 * Written for small cores: every boot and every tile pays for it (an MSP430 inference of a tiny
 * model takes some 16K MCLK cycles), so slots are read in place, the check takes 16-bit
 * operations only, and no expression needs a multiply helper (a slot is picked by pointer, not
 * by index). scripts/measure-msp430-progress.sh measures the cost per call. Where int has 32 bits
 * the code is tx_progress_body.h's, which generated models inline too.
 * TODO(issue 6): skip the writes of words the target slot already holds (the fingerprint, and
 * mostly the high sequence word, split and flags): about four fewer of the 11 writes per commit,
 * the larger part of a commit's cost under the power harnesses. The count then varies, so the
 * sweeps that assume 11 writes per commit (Msp430PowerFailureTest, CortexMIntermittentTest,
 * intermittent_host_driver.c, tx_progress_driver.c) would have to take it from the run.
 */
#include "tx_progress.h"

#include "tx_progress_body.h"

uint16_t tx_progress_count_boot(volatile tx_progress_store *store, const tx_progress *p)
{
    return tx_progress_count_inline(store, (uint16_t)(p->sequence & 0xFFFFu));
}

/*
 * Fletcher-32 of the six varying fields f[0..5] (a slot's SEQ_LO..FLAGS), its halves forced
 * nonzero: a cleared low half marks a slot whose commit has not finished (the commit clears it
 * first and writes it last), so the check only has to tell a complete commit from memory that
 * never held one. The fingerprint words are compared in full instead of being summed. Unrolled:
 * on an MSP430 a loop's indexing and counting cost as much as the sums.
 * Both sums are ones'-complement sums (modulo 65535, in 1..65535 since they start nonzero).
 */
#ifdef TX_PROGRESS_WIDE
int tx_progress_load(const volatile tx_progress_store *store, uint32_t fingerprint, tx_progress *out)
{
    return tx_progress_load_inline(store, fingerprint, out);
}

uint16_t tx_progress_boot(volatile tx_progress_store *store, uint32_t fingerprint, tx_progress *out)
{
    return tx_progress_boot_inline(store, fingerprint, out);
}

void tx_progress_commit(volatile tx_progress_store *store, uint32_t fingerprint, tx_progress *p)
{
    /* by value: *p might alias the slots, as far as the compiler knows */
    uint32_t sequence = p->sequence;
    const uint16_t step = p->step;
    const uint16_t tile = p->tile;
    const uint16_t split = p->split;
    const uint16_t flags = p->flags;
    /* The caller carries the latest sequence (from the load or the last commit): find its slot. */
    volatile uint16_t *slot = sequence != 0u ? tx_slot_after(store, sequence, fingerprint) : (volatile uint16_t *)0;
    if (slot == (volatile uint16_t *)0) {
        /* A restart, or a caller that does not know the latest commit: look it up. */
        const uint16_t *last = tx_slot_latest(store, fingerprint);
        sequence = last != (const uint16_t *)0 ? tx_slot_pair(&last[TX_SLOT_SEQ_LO]) : 0u;
        slot = last == TX_SLOT_PLAIN(store->slot[0]) ? store->slot[1] : store->slot[0];
    }
    sequence++;
    tx_slot_write(slot, fingerprint, sequence, step, tile, split, flags);
    p->sequence = sequence;
}
#else
enum { CHECK_LO, CHECK_HI, SEQ_LO, SEQ_HI, STEP, TILE, SPLIT, FLAGS, FP_LO, FP_HI };

/* 16-bit cores (or TX_PROGRESS_CHECK16, for the test that compares the two implementations). */

/* a + b in ones'-complement arithmetic (the end-around carry): the sum modulo 65535. With it the
 * check needs no 32-bit arithmetic. */
static uint16_t add1(uint16_t a, uint16_t b)
{
    uint16_t s = (uint16_t)(a + b);
    return (uint16_t)(s + (s < b ? 1u : 0u));
}

static uint16_t check_of(const volatile uint16_t *f, uint16_t *low)
{
    uint16_t a = 0xFFFFu; /* nonzero start: all-zero fields do not sum to zero */
    uint16_t b = 0xFFFFu;
#define TX_FLETCHER_ADD(x) (a = add1(a, (x)), b = add1(b, a))
    TX_FLETCHER_ADD(f[0]);
    TX_FLETCHER_ADD(f[1]);
    TX_FLETCHER_ADD(f[2]);
    TX_FLETCHER_ADD(f[3]);
    TX_FLETCHER_ADD(f[4]);
    TX_FLETCHER_ADD(f[5]);
#undef TX_FLETCHER_ADD
    *low = (uint16_t)(a | 1u);
    return (uint16_t)(b | 1u);
}

static int has_fingerprint(const volatile uint16_t *slot, uint32_t fingerprint)
{
    return slot[FP_LO] == (uint16_t)(fingerprint & 0xFFFFu) && slot[FP_HI] == (uint16_t)(fingerprint >> 16);
}

static uint32_t sequence_of(const volatile uint16_t *slot)
{
    return (uint32_t)slot[SEQ_LO] | ((uint32_t)slot[SEQ_HI] << 16);
}

/* Whether the slot holds a complete commit of the firmware with this fingerprint. */
static int valid(const volatile uint16_t *slot, uint32_t fingerprint)
{
    uint16_t low;
    uint16_t high;
    if (!has_fingerprint(slot, fingerprint) || slot[CHECK_LO] == 0u) {
        return 0;
    }
    high = check_of(&slot[SEQ_LO], &low);
    return slot[CHECK_LO] == low && slot[CHECK_HI] == high;
}

/*
 * The slot that holds the latest commit, or NULL. The slot whose sequence number is the newer
 * (modulo 2^32) is checked first: when it is valid the other cannot be the latest, so a boot
 * checks one slot, not two.
 */
static const volatile uint16_t *latest(const volatile tx_progress_store *store, uint32_t fingerprint)
{
    const volatile uint16_t *newer = store->slot[0];
    const volatile uint16_t *older = store->slot[1];
    if (sequence_of(older) - sequence_of(newer) <= UINT32_C(0x7FFFFFFF)) {
        newer = store->slot[1];
        older = store->slot[0];
    }
    if (valid(newer, fingerprint)) {
        return newer;
    }
    return valid(older, fingerprint) ? older : (const volatile uint16_t *)0;
}

int tx_progress_load(const volatile tx_progress_store *store, uint32_t fingerprint, tx_progress *out)
{
    const volatile uint16_t *slot = latest(store, fingerprint);
    if (slot != (const volatile uint16_t *)0) {
        out->sequence = sequence_of(slot);
        out->step = slot[STEP];
        out->tile = slot[TILE];
        out->split = slot[SPLIT];
        out->flags = slot[FLAGS];
        return 1;
    }
    out->sequence = 0;
    out->step = 0;
    out->tile = 0;
    out->split = 0;
    out->flags = 0;
    return 0;
}

/*
 * Whether the slot held commit `sequence` of this firmware when that commit's last write happened:
 * its low check word is nonzero again after the commit cleared it first. Five word reads, no
 * check: enough to tell which slot the caller's latest commit is in.
 */
static int holds(const volatile uint16_t *slot, uint32_t sequence, uint32_t fingerprint)
{
    return slot[CHECK_LO] != 0u && slot[SEQ_LO] == (uint16_t)(sequence & 0xFFFFu)
        && slot[SEQ_HI] == (uint16_t)(sequence >> 16) && has_fingerprint(slot, fingerprint);
}

void tx_progress_commit(volatile tx_progress_store *store, uint32_t fingerprint, tx_progress *p)
{
    volatile uint16_t *slot;
    const volatile uint16_t *last = (const volatile uint16_t *)0;
    uint16_t w[FLAGS - SEQ_LO + 1]; /* the varying fields, SEQ_LO..FLAGS */
    uint16_t low;
    uint16_t high;
    if (p->sequence != 0u) {
        /* The caller carries the latest sequence (from the load or the last commit): find its slot. */
        last = holds(store->slot[0], p->sequence, fingerprint) ? store->slot[0]
             : holds(store->slot[1], p->sequence, fingerprint) ? store->slot[1]
                                                                : (const volatile uint16_t *)0;
    }
    if (last == (const volatile uint16_t *)0) {
        /* A restart, or a caller that does not know the latest commit: look it up. */
        last = latest(store, fingerprint);
        p->sequence = last != (const volatile uint16_t *)0 ? sequence_of(last) : 0u;
    }
    slot = last == store->slot[0] ? store->slot[1] : store->slot[0];
    p->sequence++;
    w[0] = (uint16_t)(p->sequence & 0xFFFFu);
    w[1] = (uint16_t)(p->sequence >> 16);
    w[2] = p->step;
    w[3] = p->tile;
    w[4] = p->split;
    w[5] = p->flags;
    high = check_of(w, &low);
    /* Written one by one, not in a loop: the counting and indexing cost more than the stores. */
    TX_NVM_WRITE16(&slot[CHECK_LO], 0);
    TX_NVM_WRITE16(&slot[SEQ_LO], w[0]);
    TX_NVM_WRITE16(&slot[SEQ_HI], w[1]);
    TX_NVM_WRITE16(&slot[STEP], w[2]);
    TX_NVM_WRITE16(&slot[TILE], w[3]);
    TX_NVM_WRITE16(&slot[SPLIT], w[4]);
    TX_NVM_WRITE16(&slot[FLAGS], w[5]);
    TX_NVM_WRITE16(&slot[FP_LO], (uint16_t)(fingerprint & 0xFFFFu));
    TX_NVM_WRITE16(&slot[FP_HI], (uint16_t)(fingerprint >> 16));
    TX_NVM_WRITE16(&slot[CHECK_HI], high);
    TX_NVM_WRITE16(&slot[CHECK_LO], low);
}

#endif
