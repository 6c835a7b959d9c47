/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_run_console.c: the exit-record filter and the frame annotator. */
#include <stdlib.h>

#include <ingot/kvm_abi.h>

#include "run.h"
#include "unit.h"

#define REC(n) "\033_ingot-exit:" #n "\033\\"

struct out {
    char buf[4096];
    size_t len;
};

static void collect(void *ctx, const char *buf, size_t len)
{
    struct out *o = ctx;
    if (o->len + len > sizeof(o->buf) - 1)
        len = sizeof(o->buf) - 1 - o->len;
    memcpy(o->buf + o->len, buf, len);
    o->len += len;
    o->buf[o->len] = '\0';
}

/* Feeds (in) split at (cut1) and (cut2) and checks the output and status. */
static int filter3(const char *in, size_t len, size_t cut1, size_t cut2,
                   const char *want, int want_status)
{
    struct ig_run_exitrec f;
    struct out o = {.len = 0};

    ig_run_exitrec_init(&f);
    ig_run_exitrec_feed(&f, in, cut1, collect, &o);
    ig_run_exitrec_feed(&f, in + cut1, cut2 - cut1, collect, &o);
    ig_run_exitrec_feed(&f, in + cut2, len - cut2, collect, &o);
    ig_run_exitrec_flush(&f, collect, &o);
    if (o.len != strlen(want) || memcmp(o.buf, want, o.len) != 0 ||
        f.status != want_status) {
        fprintf(stderr, "cuts %zu,%zu: got status %d, output [%s]\n", cut1,
                cut2, f.status, o.buf);
        return 1;
    }
    return 0;
}

/* Every way of cutting (in) into three reads gives the same result. */
static void every_split(const char *in, const char *want, int want_status)
{
    size_t len = strlen(in);
    int bad = 0;

    for (size_t a = 0; a <= len && !bad; a++)
        for (size_t b = a; b <= len && !bad; b++)
            bad = filter3(in, len, a, b, want, want_status);
    if (bad) {
        fprintf(stderr, "  for input [%s]\n", in);
        unit_failures++;
    }
}

static void test_exitrec(void)
{
    every_split("hello\n" REC(42), "hello\n", 42);
    every_split(REC(0), "", 0);
    every_split(REC(255) "after\n", "after\n", 255);
    every_split("a" REC(7) "b", "ab", 7);
    /* Not records: released unchanged. */
    every_split("no record here\n", "no record here\n", -1);
    every_split("\033[31mred\033[0m\n", "\033[31mred\033[0m\n", -1);
    every_split("\033_ingot-exi", "\033_ingot-exi", -1);
    every_split("\033_ingot-exit:", "\033_ingot-exit:", -1);
    every_split("\033_ingot-exit:12", "\033_ingot-exit:12", -1);
    every_split("\033_ingot-exit:12\033", "\033_ingot-exit:12\033", -1);
    every_split("\033_ingot-exit:256\033\\", "\033_ingot-exit:256\033\\", -1);
    every_split("\033_ingot-exit:1234\033\\", "\033_ingot-exit:1234\033\\", -1);
    every_split("\033_ingot-exit:\033\\", "\033_ingot-exit:\033\\", -1);
    every_split("\033_ingot-exit:x\033\\", "\033_ingot-exit:x\033\\", -1);
    every_split("\033_ingot-exit:5\033x", "\033_ingot-exit:5\033x", -1);
    /* A false start immediately followed by the real thing. */
    every_split("\033_ingot\033_ingot-exit:3\033\\", "\033_ingot", 3);
    every_split("\033\033" REC(9), "\033\033", 9);
    every_split("\033_ingot-exit:1\033" REC(2), "\033_ingot-exit:1\033", 2);
    /* The first record counts; later ones are removed too. */
    every_split(REC(1) "x" REC(2), "x", 1);
}

static const char *fake_sym(void *ctx, uint64_t addr, uint64_t *off)
{
    (void)ctx;
    if (addr >= 0x1000 && addr < 0x1100) {
        *off = addr - 0x1000;
        return "main";
    }
    return NULL;
}

static void annotate(const char *in, size_t cut, const char *want)
{
    struct ig_run_btline b;
    struct out o = {.len = 0};

    ig_run_btline_init(&b, fake_sym, NULL);
    ig_run_btline_feed(&b, in, cut, collect, &o);
    ig_run_btline_feed(&b, in + cut, strlen(in) - cut, collect, &o);
    ig_run_btline_flush(&b, collect, &o);
    if (strcmp(o.buf, want) != 0) {
        fprintf(stderr, "cut %zu of [%s]: got [%s], want [%s]\n", cut, in,
                o.buf, want);
        unit_failures++;
    }
}

static void every_cut(const char *in, const char *want)
{
    for (size_t i = 0; i <= strlen(in); i++)
        annotate(in, i, want);
}

#define ERR(n) "\033_ingot-err:" #n "\033\\"

/* Standard error pieces (kvm_abi.h) go to their own emitter, whatever the
 * cuts; a bad header is ordinary output. */
static void err_split(const char *in, const char *want_out,
                      const char *want_err, int want_status)
{
    size_t len = strlen(in);

    for (size_t a = 0; a <= len; a++) {
        for (size_t b = a; b <= len; b++) {
            struct ig_run_exitrec f;
            struct out o = {.len = 0}, e = {.len = 0};

            ig_run_exitrec_init(&f);
            ig_run_exitrec_set_err(&f, collect, &e);
            ig_run_exitrec_feed(&f, in, a, collect, &o);
            ig_run_exitrec_feed(&f, in + a, b - a, collect, &o);
            ig_run_exitrec_feed(&f, in + b, len - b, collect, &o);
            ig_run_exitrec_flush(&f, collect, &o);
            if (strcmp(o.buf, want_out) != 0 || strcmp(e.buf, want_err) != 0 ||
                f.status != want_status) {
                fprintf(stderr,
                        "cuts %zu,%zu of [%s]: out [%s] err [%s] status %d\n",
                        a, b, in, o.buf, e.buf, f.status);
                unit_failures++;
                return;
            }
        }
    }
}

static void test_stderr(void)
{
    err_split("out\n" ERR(4) "err\nmore\n" REC(3), "out\nmore\n", "err\n", 3);
    /* The body is raw: an escape or a record inside it is data. */
    err_split(ERR(16) REC(7) "x", "x", REC(7), -1);
    err_split(ERR(1) "a" ERR(2) "bc", "", "abc", -1);
    /* Lengths 0 and over 4096, and a missing terminator, are not headers. */
    err_split(ERR(0) "z", ERR(0) "z", "", -1);
    err_split(ERR(4097) "z", ERR(4097) "z", "", -1);
    err_split("\033_ingot-err:5x", "\033_ingot-err:5x", "", -1);
}

#define CORE(n) "\033_ingot-core:" #n "\033\\"

/* Core stream pieces (core_abi.h) go to the core emitter, never to the
 * output, whatever the cuts; without an emitter they are dropped. */
static void core_split(const char *in, const char *want_out,
                       const char *want_core, int with_core)
{
    size_t len = strlen(in);

    for (size_t a = 0; a <= len; a++) {
        for (size_t b = a; b <= len; b++) {
            struct ig_run_exitrec f;
            struct out o = {.len = 0}, c = {.len = 0};

            ig_run_exitrec_init(&f);
            if (with_core)
                ig_run_exitrec_set_core(&f, collect, &c);
            ig_run_exitrec_feed(&f, in, a, collect, &o);
            ig_run_exitrec_feed(&f, in + a, b - a, collect, &o);
            ig_run_exitrec_feed(&f, in + b, len - b, collect, &o);
            ig_run_exitrec_flush(&f, collect, &o);
            if (strcmp(o.buf, want_out) != 0 || strcmp(c.buf, want_core) != 0) {
                fprintf(stderr, "cuts %zu,%zu of [%s]: out [%s] core [%s]\n", a,
                        b, in, o.buf, c.buf);
                unit_failures++;
                return;
            }
        }
    }
}

static void test_core(void)
{
    core_split("crash\n" CORE(5) "\033_x\0332" REC(255), "crash\n",
               "\033_x\0332", 1);
    core_split(CORE(3) "abc" CORE(2) "de"
                                     "tail",
               "tail", "abcde", 1);
    core_split(CORE(3) "abc"
                       "tail",
               "tail", "", 0);
    /* Length 0 and over 4096 are not headers. */
    core_split(CORE(0) "z", CORE(0) "z", "", 1);
    core_split(CORE(4097) "z", CORE(4097) "z", "", 1);
}

/* Terminal attribute records (ingot run -t): taken whole, however cut;
 * malformed ones are output; without a taker they vanish. */
static char tty_seen[8][80];
static int tty_when[8], tty_n;

static void take_tty(int when, const char *hex)
{
    if (tty_n < 8) {
        tty_when[tty_n] = when;
        memcpy(tty_seen[tty_n], hex, IG_KVM_TTY_HEX);
        tty_seen[tty_n][IG_KVM_TTY_HEX] = '\0';
    }
    tty_n++;
}

#define HEX72                                                                  \
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021"     \
    "2223"
#define TTYREC(w) "\033_ingot-tty:" #w HEX72 "\033\\"

static void tty_split(const char *in, const char *want, int want_n,
                      int want_when, int taker)
{
    size_t len = strlen(in);
    for (size_t a = 0; a <= len; a++) {
        struct ig_run_exitrec f;
        struct out o = {.len = 0};
        tty_n = 0;
        ig_run_exitrec_init(&f);
        if (taker)
            ig_run_exitrec_set_tty(&f, take_tty);
        ig_run_exitrec_feed(&f, in, a, collect, &o);
        ig_run_exitrec_feed(&f, in + a, len - a, collect, &o);
        ig_run_exitrec_flush(&f, collect, &o);
        if (strcmp(o.buf, want) != 0 || tty_n != want_n ||
            (want_n &&
             (tty_when[0] != want_when || strcmp(tty_seen[0], HEX72) != 0))) {
            fprintf(stderr, "tty cut %zu: %d records, output [%s]\n", a, tty_n,
                    o.buf);
            unit_failures++;
            return;
        }
    }
}

static void test_tty(void)
{
    CHECK_INT((int)strlen(HEX72), IG_KVM_TTY_HEX);
    tty_split("a" TTYREC(1) "b", "ab", 1, 1, 1);
    tty_split(TTYREC(0) REC(3), "", 1, 0, 1);
    tty_split("a" TTYREC(2) "b", "ab", 0, 0, 0); /* no -t: dropped */
    /* Malformed: a bad mode, uppercase or short hex, no terminator. */
    tty_split("\033_ingot-tty:3" HEX72 "\033\\",
              "\033_ingot-tty:3" HEX72 "\033\\", 0, 0, 1);
    tty_split("\033_ingot-tty:0AB\033\\", "\033_ingot-tty:0AB\033\\", 0, 0, 1);
    tty_split("\033_ingot-tty:0ab\033\\", "\033_ingot-tty:0ab\033\\", 0, 0, 1);
    tty_split("\033_ingot-tty:1" HEX72 "x", "\033_ingot-tty:1" HEX72 "x", 0, 0,
              1);
}

static void test_backtrace(void)
{
    every_cut("  #0 0x1010\n", "  #0 0x1010 main+0x10\n");
    every_cut("#0 0x1010\r\n", "#0 0x1010 main+0x10\r\n");
    /* Outer frames are looked up one byte back: a return address just
     * past the end of main still names main. */
    every_cut("  #1 0x1100\n", "  #1 0x1100 main+0x100\n");
    every_cut("  #0 0x1100\n", "  #0 0x1100\n");
    every_cut("  #2 0x00000000deadbeef\n", "  #2 0x00000000deadbeef\n");
    every_cut("crash!\n  #0 0x1004\n  #1 0x1008\nbye\n",
              "crash!\n  #0 0x1004 main+0x4\n  #1 0x1008 main+0x8\nbye\n");
    /* Near misses pass through unchanged. */
    every_cut("  #0 0x1010 extra\n", "  #0 0x1010 extra\n");
    every_cut("  #x 0x1010\n", "  #x 0x1010\n");
    every_cut("  #0 1010\n", "  #0 1010\n");
    every_cut("  #0 0x\n", "  #0 0x\n");
    every_cut("a  #0 0x1010\n", "a  #0 0x1010\n");
    every_cut("  #0 0x11111111111111111\n", "  #0 0x11111111111111111\n");
    every_cut("  #0 0x1010", "  #0 0x1010");
    every_cut("   \n#0 0x1000\n", "   \n#0 0x1000 main+0x0\n");

    /* A long line of blanks is let go rather than held forever. */
    char spaces[300];
    memset(spaces, ' ', sizeof(spaces) - 2);
    spaces[sizeof(spaces) - 2] = '\n';
    spaces[sizeof(spaces) - 1] = '\0';
    annotate(spaces, 150, spaces);
}

static void test_end_status(void)
{
    /* Raw waitpid() statuses: exit code << 8, or the signal number. */
    struct ig_run_end e = {.record = 7, .signalled = 2, .qemu_raw = 1 << 8};
    CHECK_INT(ig_run_end_status(&e), 7);
    e = (struct ig_run_end){.record = 0, .qemu_raw = 1 << 8};
    CHECK_INT(ig_run_end_status(&e), 0);
    e = (struct ig_run_end){.record = -1, .signalled = 2, .qemu_raw = 1 << 8};
    CHECK_INT(ig_run_end_status(&e), 130);
    e = (struct ig_run_end){.record = -1, .signalled = 15, .qemu_raw = 15};
    CHECK_INT(ig_run_end_status(&e), 143);
    /* QEMU refused to start (it says why on stderr). */
    e = (struct ig_run_end){.record = -1, .qemu_raw = 1 << 8};
    CHECK_INT(ig_run_end_status(&e), IG_RUN_STATUS_FAIL);
    e = (struct ig_run_end){.record = -1, .qemu_raw = 6};
    CHECK_INT(ig_run_end_status(&e), IG_RUN_STATUS_FAIL);
    /* The guest ran and vanished: triple fault (QEMU exits 0 with
     * -no-reboot) or a debug-exit without a record. */
    e = (struct ig_run_end){.record = -1, .qemu_raw = 0, .saw_console = 1};
    CHECK_INT(ig_run_end_status(&e), 255);
    e = (struct ig_run_end){
        .record = -1, .qemu_raw = 33 << 8, .saw_console = 1};
    CHECK_INT(ig_run_end_status(&e), 255);
    e = (struct ig_run_end){.record = -1, .qemu_raw = 1 << 8, .saw_console = 1};
    CHECK_INT(ig_run_end_status(&e), 255);
}

int main(void)
{
    test_exitrec();
    test_stderr();
    test_tty();
    test_core();
    test_backtrace();
    test_end_status();
    return unit_done();
}
