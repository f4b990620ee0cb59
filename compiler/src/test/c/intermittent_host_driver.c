/*
 * Power failures injected into an intermittent build of model "m" on the host. Usage:
 *   driver INPUT.bin OUTPUT.bin
 * INPUT.bin holds input 0 (raw float32). The driver runs m_invoke once without failures (the
 * reference bytes, written to OUTPUT.bin for the Java side to compare with its evaluator), then,
 * for every event k of an uninterrupted m_resume (each NVM word write of a commit and each
 * finished kernel call), a fresh inference whose power fails at event k and then once more at a
 * seeded random later event, rebooting after each failure; the outputs must equal the reference
 * bytes. NVM (arena, outputs, progress) keeps its contents across failures, as FRAM does, and
 * starts as random bytes. Finally it fails the power every N events for several N and checks that
 * the inference still finishes. Prints "TENAX-INTERMITTENT-OK events=<E> runs=<R>" or the first
 * mismatch (exit 1).
 *
 * Every run also reports its result the way m.h tells applications to: once m_resume returned 0,
 * while m_result_ready gives an id, the id and a checksum of the outputs are written word by word
 * into an NVM mailbox (each word an event, so the sweeps fail the power inside the report too; a
 * radio packet would be as short), then m_result_reported. The
 * driver checks that a report is completed exactly once per inference, or once more for each
 * failure that fell after a completed copy and before m_result_reported's commit (the window m.h
 * names), always with the same id, and that further boots report nothing.
 */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "m.h"
#include "tx_platform.h"

#if M_NUM_INPUTS != 1 || M_NUM_OUTPUTS != 1
#error "the driver handles one input and one output"
#endif

static jmp_buf power_failure;
static long events;
static long fail_at; /* the event at which power fails (the event does not happen); 0: never */
static volatile int in_report_window;  /* a report was completed and is not yet recorded */
static volatile long window_failures;  /* power failures that fell in that window */
static volatile long reports;          /* completed reports of the current inference */
static volatile uint32_t reported_id;  /* the id the first of them carried */
static volatile int report_id_changed; /* a later report carried another id */

static void event(void)
{
    events++;
    if (events == fail_at) {
        if (in_report_window) {
            window_failures++;
        }
        longjmp(power_failure, 1);
    }
}

void tx_nvm_write16(volatile uint16_t *dst, uint16_t value)
{
    event();
    *dst = value;
}

void m_profile_step(int32_t step)
{
    (void)step;
    event();
}

static float input[M_INPUT_0_ELEMENTS];
static float reference[M_OUTPUT_0_ELEMENTS];
static float output[M_OUTPUT_0_ELEMENTS];
static unsigned char arena[M_ARENA_SIZE + 16];
static uint16_t progress[M_PROGRESS_SIZE / 2];
static uint16_t mailbox[4]; /* NVM: the report, {id low, id high, checksum low, checksum high} */
static unsigned long rng = 12345;

static unsigned next_random(void)
{
    rng = rng * 6364136223846793005UL + 1442695040888963407UL;
    return (unsigned)(rng >> 33);
}

static void scramble(void *p, size_t n)
{
    size_t i;
    for (i = 0; i < n; i++) {
        ((unsigned char *)p)[i] = (unsigned char)next_random();
    }
}

static uint32_t checksum(const float *values)
{
    const unsigned char *b = (const unsigned char *)values;
    uint32_t h = 2166136261u;
    size_t i;
    for (i = 0; i < sizeof output; i++) {
        h = (h ^ b[i]) * 16777619u;
    }
    return h;
}

/* The application's report: its packet into the NVM mailbox, then the record that it happened. */
static void report(uint32_t id)
{
    uint32_t sum = checksum(output);
    tx_nvm_write16(&mailbox[0], (uint16_t)id);
    tx_nvm_write16(&mailbox[1], (uint16_t)(id >> 16));
    tx_nvm_write16(&mailbox[2], (uint16_t)sum);
    tx_nvm_write16(&mailbox[3], (uint16_t)(sum >> 16));
    if (reports == 0) {
        reported_id = id;
    } else if (id != reported_id) {
        report_id_changed = 1;
    }
    reports++;
    in_report_window = 1;
    m_result_reported(progress);
    in_report_window = 0;
}

/* One inference from NVM full of random bytes; power fails at the events in `at` (counted from
 * each boot, 0: none), each boot reporting a finished result as m.h says; returns the number of
 * boots, or -1 on a kernel error. */
static int run(const long *at, int failures, long every)
{
    const void *ins[1] = {input};
    void *outs[1] = {output};
    void *a = (void *)(((size_t)arena + 15u) & ~(size_t)15u);
    volatile int boots = 0;
    scramble(arena, sizeof arena);
    scramble(output, sizeof output);
    scramble(progress, sizeof progress);
    events = 0;
    fail_at = 0;
    scramble(mailbox, sizeof mailbox);
    m_restart(progress);
    reports = 0;
    window_failures = 0;
    report_id_changed = 0;
    in_report_window = 0;
    for (;;) {
        int32_t status;
        events = 0;
        fail_at = every > 0 ? every : (boots < failures ? at[boots] : 0);
        boots++;
        in_report_window = 0; /* RAM: a failure clears it */
        if (setjmp(power_failure) == 0) {
            uint32_t id;
            status = m_resume(ins, outs, a, progress);
            if (status == 0 && (id = m_result_ready(progress)) != 0u) {
                report(id);
            }
            fail_at = 0;
            return status == 0 ? boots : -1;
        }
        if (boots > 100000) {
            return -2; /* no progress */
        }
    }
}

/* After run(): one report (more only for failures in the window), one id, the outputs in the
 * mailbox, and no report on later boots. */
static int report_checks(const char *what)
{
    int boot;
    uint32_t sum = checksum(reference);
    int packet_ok = mailbox[0] == (uint16_t)reported_id && mailbox[1] == (uint16_t)(reported_id >> 16)
                    && mailbox[2] == (uint16_t)sum && mailbox[3] == (uint16_t)(sum >> 16);
    if (reports != 1 + window_failures || report_id_changed || !packet_ok) {
        printf("FAIL %s: %ld reports completed with %ld power failures between a report and its record%s%s\n",
               what, (long)reports, (long)window_failures, report_id_changed ? ", with different ids" : "",
               packet_ok ? "" : ", the mailbox does not hold the id and the outputs' checksum");
        return 0;
    }
    for (boot = 0; boot < 3; boot++) {
        const void *ins[1] = {input};
        void *outs[1] = {output};
        void *a = (void *)(((size_t)arena + 15u) & ~(size_t)15u);
        fail_at = 0;
        if (m_resume(ins, outs, a, progress) != 0 || m_result_ready(progress) != 0u) {
            printf("FAIL %s: a later boot %s\n", what, m_result_ready(progress) != 0u ? "reports again" : "fails");
            return 0;
        }
    }
    return 1;
}

int main(int argc, char **argv)
{
    FILE *f;
    long total, k, runs = 0;
    long at[2];
    long everies[] = {16, 25, 40, 97}; /* more than a boot count (2 writes), one tile and its commit (12 events) */
    size_t e;
    if (argc != 3 || (f = fopen(argv[1], "rb")) == NULL || fread(input, sizeof input, 1, f) != 1) {
        fprintf(stderr, "usage: driver INPUT.bin OUTPUT.bin (input of %u floats)\n", (unsigned)M_INPUT_0_ELEMENTS);
        return 2;
    }
    fclose(f);
    {
        const void *ins[1] = {input};
        void *outs[1] = {reference};
        void *a = (void *)(((size_t)arena + 15u) & ~(size_t)15u);
        fail_at = 0;
        if (m_invoke(ins, outs, a) != 0) {
            printf("FAIL m_invoke\n");
            return 1;
        }
    }
    f = fopen(argv[2], "wb");
    if (f == NULL || fwrite(reference, sizeof reference, 1, f) != 1 || fclose(f) != 0) {
        return 2;
    }
    if (run(NULL, 0, 0) != 1 || memcmp(output, reference, sizeof reference) != 0) {
        printf("FAIL uninterrupted m_resume differs from m_invoke\n");
        return 1;
    }
    total = events;
    if (!report_checks("uninterrupted")) {
        return 1;
    }
    for (k = 1; k <= total; k++) {
        int boots;
        at[0] = k;
        at[1] = 1 + (long)(next_random() % (unsigned long)total);
        boots = run(at, 2, 0);
        runs++;
        if (boots < 2 || memcmp(output, reference, sizeof reference) != 0) {
            printf("FAIL power failures at events %ld then %ld: boots %d, outputs %s\n", at[0], at[1], boots,
                   boots < 0 ? "missing" : "differ");
            return 1;
        }
        if (!report_checks("power failures at two events")) {
            printf("  (events %ld then %ld)\n", at[0], at[1]);
            return 1;
        }
    }
    for (e = 0; e < sizeof everies / sizeof everies[0]; e++) {
        int boots = run(NULL, 0, everies[e]);
        runs++;
        if (boots < 0 || memcmp(output, reference, sizeof reference) != 0) {
            printf("FAIL power failing every %ld events: boots %d\n", everies[e], boots);
            return 1;
        }
        if (!report_checks("power failing every N events")) {
            printf("  (every %ld)\n", everies[e]);
            return 1;
        }
    }
    printf("TENAX-INTERMITTENT-OK events=%ld runs=%ld\n", total, runs);
    return 0;
}
