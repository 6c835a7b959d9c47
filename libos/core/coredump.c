/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* coredump.c: libos option core=1: send a crash's core stream to the host. */
#include <ingot/component.h>
#include <ingot/console.h>
#include <ingot/core_abi.h>
#include <ingot/mm.h>
#include <ingot/panic.h>
#include <ingot/plat.h>
#include <ingot/sched.h>

#include <errno.h>
#include <string.h>

/*
 * Runs from the crash hook (<ingot/panic.h>), after the report: no malloc,
 * no locks, nothing but the console.  Small records are gathered in a
 * static buffer; memory goes out in pieces straight from where it lies.
 * The stream format is <ingot/core_abi.h>.
 */
static char piece[IG_CORE_PIECE_MAX];
static size_t npiece;

static void send_piece(const void *p, size_t n)
{
    char hdr[32] = IG_CORE_PREFIX;
    size_t h = sizeof(IG_CORE_PREFIX) - 1;
    char digits[8];
    int nd = 0;

    do {
        digits[nd++] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    size_t len = 0;
    for (int i = nd - 1; i >= 0; i--) {
        hdr[h++] = digits[i];
        len = len * 10 + (size_t)(digits[i] - '0');
    }
    hdr[h++] = '\033';
    hdr[h++] = '\\';
    ig_plat_console_write(hdr, h);
    ig_plat_console_write(p, len);
}

static void flush(void)
{
    if (npiece)
        send_piece(piece, npiece);
    npiece = 0;
}

static void put(const void *p, size_t n)
{
    const char *c = p;

    while (n) {
        size_t room = sizeof(piece) - npiece, k = n < room ? n : room;
        memcpy(piece + npiece, c, k);
        npiece += k;
        c += k;
        n -= k;
        if (npiece == sizeof(piece))
            flush();
    }
}

static void rec(uint32_t type, uint32_t len)
{
    struct ig_core_rec r = {.type = type, .len = len};
    put(&r, sizeof(r));
}

/* [lo, hi) in records of at most 1 GiB (the length field is 32 bits). */
static void mem(uintptr_t lo, uintptr_t hi)
{
    while (lo < hi) {
        uintptr_t n = hi - lo > (1u << 30) ? (1u << 30) : hi - lo;
        uint64_t addr = lo;

        rec(IG_CORE_MEM, (uint32_t)(sizeof(addr) + n));
        put(&addr, sizeof(addr));
        flush();
        for (uintptr_t off = 0; off < n; off += IG_CORE_PIECE_MAX)
            send_piece((const void *)(lo + off), n - off < IG_CORE_PIECE_MAX
                                                     ? n - off
                                                     : IG_CORE_PIECE_MAX);
        lo += n;
    }
}

struct walk {
    const struct ig_fault *f;
    int pass; /* 0: registers, 1: stacks */
    int crashed_seen;
};

static void crashed_regs(struct ig_core_thread *t, const struct ig_fault *f)
{
    t->flags = IG_CORE_THREAD_CRASHED;
    t->rip = f->rip;
    t->rsp = f->rsp;
    t->rbp = f->rbp;
    t->rflags = f->rflags;
    t->rax = f->rax;
    t->rbx = f->rbx;
    t->rcx = f->rcx;
    t->rdx = f->rdx;
    t->rsi = f->rsi;
    t->rdi = f->rdi;
    t->r8 = f->r8;
    t->r9 = f->r9;
    t->r10 = f->r10;
    t->r11 = f->r11;
    t->r12 = f->r12;
    t->r13 = f->r13;
    t->r14 = f->r14;
    t->r15 = f->r15;
}

/* The used part of a stack: from the stack pointer (or its bottom, when
 * the pointer lies elsewhere) to its top. */
static void stack(uint64_t sp, uintptr_t lo, uintptr_t hi)
{
    if (hi <= lo)
        return;
    if (sp >= lo && sp < hi)
        lo = (uintptr_t)sp & ~(uintptr_t)15;
    mem(lo, hi);
}

static void one_thread(void *ctx, const struct ig_thread_regs *r)
{
    struct walk *w = ctx;
    struct ig_core_thread t = {.id = r->id, .fs_base = r->fs_base};

    if (r->running) {
        crashed_regs(&t, w->f);
        w->crashed_seen = 1;
    } else {
        t.rip = r->rip;
        t.rsp = r->rsp;
        t.rbp = r->rbp;
        t.rbx = r->rbx;
        t.r12 = r->r12;
        t.r13 = r->r13;
        t.r14 = r->r14;
        t.r15 = r->r15;
    }
    if (w->pass == 0) {
        rec(IG_CORE_THREAD, sizeof(t));
        put(&t, sizeof(t));
    } else {
        /* A switched-out thread's saved registers lie just below. */
        stack(r->running ? t.rsp : t.rsp - 64, r->stack_lo, r->stack_hi);
    }
}

static void dump(const struct ig_fault *f)
{
    struct ig_core_begin b = {.version = IG_CORE_VERSION,
                              .signo = -f->vector,
                              .fault_addr = f->fault_addr};
    struct walk w = {.f = f};
    uintptr_t heap_lo, heap_hi, lo, hi;

    /* A hardware vector becomes the signal Linux would have sent. */
    if (f->vector >= 0)
        b.signo = f->vector == 0 || f->vector == 16 || f->vector == 19 ? 8
                  : f->vector == 6                                     ? 4
                  : f->vector == 3 || f->vector == 1                   ? 5
                                                                       : 11;
    memcpy(b.magic, IG_CORE_MAGIC, sizeof(b.magic));
    ig_printk("ingot: sending the core file to the host\n");
    rec(IG_CORE_BEGIN, sizeof(b));
    put(&b, sizeof(b));
    ig_sched_threads(one_thread, &w);
    if (!w.crashed_seen) { /* before the scheduler, or off its threads */
        struct ig_core_thread t = {.id = 1};
        crashed_regs(&t, f);
        rec(IG_CORE_THREAD, sizeof(t));
        put(&t, sizeof(t));
    }
    struct ig_plat_mem_region data[8];
    int nd = ig_plat_image_data(data, 8);
    for (int i = 0; i < nd && i < 8; i++)
        mem(data[i].base, data[i].base + data[i].len);
    ig_mm_heap_range(&heap_lo, &heap_hi);
    mem(heap_lo, heap_hi);
    w.pass = 1;
    ig_sched_threads(one_thread, &w);
    if (!w.crashed_seen) {
        ig_stack_current(&lo, &hi);
        stack(f->rsp, lo, hi);
    }
    rec(IG_CORE_END, 0);
    flush();
}

static int core_option(const char *opt)
{
    if (strcmp(opt, "core=1") == 0)
        ig_fault_set_hook(dump);
    else if (strcmp(opt, "core=0") == 0)
        ig_fault_set_hook(NULL);
    else
        return -EINVAL;
    return 0;
}

IG_COMPONENT(coredump, .prefix = "core=", .option = core_option,
             .order = IG_ORDER_COREDUMP);
