/* Two-slot, torn-write-safe progress commits; the protocol is described in tx_progress.h. */
#include "tx_progress.h"

enum { CHECK_LO, CHECK_HI, SEQ_LO, SEQ_HI, STEP, TILE, SPLIT, FLAGS, FP_LO, FP_HI };

/*
 * Fletcher-32 over the fields' words, both halves forced nonzero (a cleared half means invalid).
 * No multiplications: an MSP430 without the hardware multiplier spent about 100k cycles per
 * commit on the 48 32-bit products of the FNV hash this replaced. The check only has to tell a
 * complete commit from a torn one (whose low check word is still 0) and from random memory; the
 * fingerprint must match as well.
 */
static uint32_t check_of(const uint16_t *w)
{
    uint32_t a = UINT32_C(0xFFFF); /* nonzero start: all-zero fields do not sum to zero */
    uint32_t b = UINT32_C(0xFFFF);
    int i;
    for (i = SEQ_LO; i <= FP_HI; i++) {
        a += w[i];
        b += a;
    }
    a = (a & UINT32_C(0xFFFF)) + (a >> 16);
    b = (b & UINT32_C(0xFFFF)) + (b >> 16);
    b = (b & UINT32_C(0xFFFF)) + (b >> 16);
    return ((b & UINT32_C(0xFFFF)) << 16 | (a & UINT32_C(0xFFFF))) | UINT32_C(0x00010001);
}

static void fields(const tx_progress *p, uint32_t fingerprint, uint16_t *w)
{
    w[SEQ_LO] = (uint16_t)(p->sequence & 0xFFFFu);
    w[SEQ_HI] = (uint16_t)(p->sequence >> 16);
    w[STEP] = p->step;
    w[TILE] = p->tile;
    w[SPLIT] = p->split;
    w[FLAGS] = p->flags;
    w[FP_LO] = (uint16_t)(fingerprint & 0xFFFFu);
    w[FP_HI] = (uint16_t)(fingerprint >> 16);
}

/* Slot i's progress if it is a complete commit of this firmware. */
static int read_slot(const volatile tx_progress_store *store, int i, uint32_t fingerprint, tx_progress *out)
{
    uint16_t w[TX_PROGRESS_SLOT_WORDS];
    uint32_t check;
    int k;
    for (k = 0; k < TX_PROGRESS_SLOT_WORDS; k++) {
        w[k] = store->slot[i][k];
    }
    check = check_of(w);
    if (w[CHECK_LO] != (uint16_t)(check & 0xFFFFu) || w[CHECK_HI] != (uint16_t)(check >> 16)
        || w[FP_LO] != (uint16_t)(fingerprint & 0xFFFFu) || w[FP_HI] != (uint16_t)(fingerprint >> 16)) {
        return 0;
    }
    out->sequence = (uint32_t)w[SEQ_LO] | ((uint32_t)w[SEQ_HI] << 16);
    out->step = w[STEP];
    out->tile = w[TILE];
    out->split = w[SPLIT];
    out->flags = w[FLAGS];
    return 1;
}

/* Field by field: a struct assignment may become a memcpy call, and freestanding MSP430 builds
 * have no C library. */
static void copy(const tx_progress *from, tx_progress *to)
{
    to->sequence = from->sequence;
    to->step = from->step;
    to->tile = from->tile;
    to->split = from->split;
    to->flags = from->flags;
}

/* Which slot holds the latest commit (-1: none); sequence numbers compare modulo 2^32. */
static int latest(const volatile tx_progress_store *store, uint32_t fingerprint, tx_progress *out)
{
    tx_progress a, b;
    int va = read_slot(store, 0, fingerprint, &a);
    int vb = read_slot(store, 1, fingerprint, &b);
    if (va && (!vb || (b.sequence - a.sequence) > UINT32_C(0x7FFFFFFF))) {
        copy(&a, out);
        return 0;
    }
    if (vb) {
        copy(&b, out);
        return 1;
    }
    return -1;
}

int tx_progress_load(const volatile tx_progress_store *store, uint32_t fingerprint, tx_progress *out)
{
    if (latest(store, fingerprint, out) >= 0) {
        return 1;
    }
    out->sequence = 0;
    out->step = 0;
    out->tile = 0;
    out->split = 0;
    out->flags = 0;
    return 0;
}

void tx_progress_commit(volatile tx_progress_store *store, uint32_t fingerprint, tx_progress *p)
{
    tx_progress last;
    uint16_t w[TX_PROGRESS_SLOT_WORDS];
    uint32_t check;
    int current = latest(store, fingerprint, &last);
    int target = current == 0 ? 1 : 0;
    int k;
    volatile uint16_t *slot = store->slot[target];
    p->sequence = current >= 0 ? last.sequence + 1u : 1u;
    fields(p, fingerprint, w);
    check = check_of(w);
    tx_nvm_write16(&slot[CHECK_LO], 0);
    for (k = SEQ_LO; k <= FP_HI; k++) {
        tx_nvm_write16(&slot[k], w[k]);
    }
    tx_nvm_write16(&slot[CHECK_HI], (uint16_t)(check >> 16));
    tx_nvm_write16(&slot[CHECK_LO], (uint16_t)(check & 0xFFFFu));
}

uint16_t tx_progress_count_boot(volatile tx_progress_store *store, const tx_progress *p)
{
    const uint16_t seq = (uint16_t)(p->sequence & 0xFFFFu);
    uint16_t count = store->attempt[0] == seq && store->attempt[1] < 0xFFFFu ? (uint16_t)(store->attempt[1] + 1u)
                                                                           : (uint16_t)1u;
    tx_nvm_write16(&store->attempt[1], count);
    tx_nvm_write16(&store->attempt[0], seq);
    return count;
}
