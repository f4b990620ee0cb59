/*
 * Power failures at every NVM write of a sequence of progress commits (tx_progress.c), and at
 * every pair of writes (a second failure during the recovery), over NVM that starts as random
 * bytes or as another firmware's progress. After each failure the firmware "reboots": the load
 * must give exactly the last completed commit (or no progress before the first), and the commits
 * that follow must carry on from it. Every scenario runs twice: with commits that do not know the
 * latest commit (sequence 0: the commit finds it in NVM) and with commits that carry the sequence
 * the load or the previous commit left (the commit only looks up its slot), as the generated
 * resume loop does. Prints "TENAX-PROGRESS-OK cases=<n>" or the first failure (exit 1). Words are
 * written whole: the platform contract is atomic 16-bit writes.
 */
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include "tx_progress.h"

#define COMMITS 6
#define WRITES_PER_COMMIT 11
#define FINGERPRINT UINT32_C(0x5EED1234)

static jmp_buf power_failure;
static long writes;
static long fail_at; /* the write that never happens; 0: none */

void tx_nvm_write16(volatile uint16_t *dst, uint16_t value)
{
    writes++;
    if (writes == fail_at) {
        longjmp(power_failure, 1);
    }
    *dst = value;
}

static uint32_t rng;
static uint16_t next16(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return (uint16_t)(rng >> 8);
}

/* The state commit j (1-based) publishes. */
static tx_progress state(int j)
{
    tx_progress p;
    p.sequence = 0;
    p.step = (uint16_t)(3 * j + 1);
    p.tile = (uint16_t)(j % 2 == 0 ? 0 : 65535 - j);
    p.split = (uint16_t)(j % 3);
    p.flags = (uint16_t)(j == COMMITS ? TX_PROGRESS_DONE : 0);
    return p;
}

static int same(const tx_progress *a, const tx_progress *b)
{
    return a->step == b->step && a->tile == b->tile && a->split == b->split && a->flags == b->flags;
}

static int carry; /* commits carry the latest sequence (1) or pass 0 */
static tx_progress_store initial;
static tx_progress_store nvm; /* static: a longjmp leaves changed automatic objects indeterminate */
static long cases;

/* 0 when the load after commit `done` (0: none) shows exactly that commit. */
static int expect(const tx_progress_store *s, int done, const char *when, long f1, long f2)
{
    tx_progress got;
    int found = tx_progress_load(s, FINGERPRINT, &got);
    tx_progress want = state(done);
    cases++;
    if (done == 0 ? found != 0 || got.step != 0 || got.sequence != 0
                  : found != 1 || !same(&got, &want) || got.sequence != (uint32_t)done) {
        printf("FAIL %s: failures at writes %ld, %ld: expected commit %d, got found=%d seq=%lu step=%u tile=%u\n",
               when, f1, f2, done, found, (unsigned long)got.sequence, got.step, got.tile);
        return 1;
    }
    return 0;
}

/*
 * Commits 1..COMMITS from a fresh boot; the first failure at write f1 (0: none), a second one at
 * write f2 counted from the reboot (0: none). Returns 0 when every load was right.
 */
static int scenario(long f1, long f2)
{
    int next = 1; /* the commit to attempt */
    int j;
    long failures[2];
    volatile int failed;
    volatile uint32_t last;
    nvm = initial;
    failures[0] = f1;
    failures[1] = f2;
    for (failed = 0; failed <= 2; failed++) {
        tx_progress now;
        tx_progress_load(&nvm, FINGERPRINT, &now);
        next = (int)now.sequence + 1;
        last = now.sequence;
        writes = 0;
        fail_at = failed < 2 ? failures[failed] : 0;
        if (setjmp(power_failure) == 0) {
            for (j = next; j <= COMMITS; j++) {
                tx_progress p = state(j);
                p.sequence = carry ? last : 0u;
                tx_progress_commit(&nvm, FINGERPRINT, &p);
                last = p.sequence;
                if (p.sequence != (uint32_t)j || expect(&nvm, j, "after a commit", f1, f2)) {
                    return 1;
                }
            }
            return expect(&nvm, COMMITS, "at the end", f1, f2);
        }
        /* Power failed during commit next + (writes - 1) / WRITES_PER_COMMIT: it must not show. */
        if (expect(&nvm, next - 1 + (int)((writes - 1) / WRITES_PER_COMMIT), "after a reboot", f1, f2)) {
            return 1;
        }
    }
    return 0;
}

int main(void)
{
    int seed;
    for (seed = 1; seed <= 80; seed++) {
        long f1, f2;
        unsigned k;
        carry = seed > 40;
        rng = (uint32_t)(seed - (carry ? 40 : 0)) * UINT32_C(2654435761) + 1u;
        for (k = 0; k < 2 * TX_PROGRESS_SLOT_WORDS; k++) {
            (&initial.slot[0][0])[k] = next16();
        }
        if (seed % 4 == 0) {
            /* NVM that holds a complete commit of another firmware (before re-flashing). */
            tx_progress stale = state(5);
            fail_at = 0;
            tx_progress_commit(&initial, FINGERPRINT ^ UINT32_C(0x100), &stale);
        }
        for (f1 = 0; f1 <= COMMITS * WRITES_PER_COMMIT; f1++) {
            long f2max = (seed <= 4 || (carry && seed <= 44)) && f1 > 0 ? COMMITS * WRITES_PER_COMMIT : 0;
            for (f2 = 0; f2 <= f2max; f2++) {
                if (scenario(f1, f2)) {
                    return 1;
                }
            }
        }
    }
    printf("TENAX-PROGRESS-OK cases=%ld\n", cases);
    return 0;
}
