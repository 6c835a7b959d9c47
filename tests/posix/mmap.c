/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mmap.c: anonymous mappings, munmap splits, mremap, madvise, mprotect and
 * their errnos; the output must be identical on Ingot and on Linux, a
 * differential test.  Run with at least 512 MiB (the 200 MiB rounds). */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/sysinfo.h>
#include <unistd.h>

#include "ename.h"

#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

static size_t pg;

static char *map(size_t len)
{
    return mmap(NULL, len, RW, ANON, -1, 0);
}

/* Whether [p, p + len) is mapped: madvise answers ENOMEM where not. */
static int mapped(void *p, size_t len)
{
    return madvise(p, len, MADV_NORMAL) == 0;
}

/* A span of (n) pages nothing else uses, unmapped again: fixed mappings
 * go there on both systems. */
static char *span(size_t n)
{
    char *p = map(n * pg);
    munmap(p, n * pg);
    return p;
}

static void placement(void)
{
    char *r = span(16), *p;

    p = mmap(r, pg, RW, ANON, -1, 0);
    printf("hint honoured: %d\n", p == r);
    p[0] = 'a';
    p = mmap(r, pg, RW, ANON | MAP_FIXED, -1, 0);
    printf("MAP_FIXED replaces, zeroed: %d %d\n", p == r, p[0]);
    errno = 0;
    p = mmap(r, pg, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
    printf("MAP_FIXED_NOREPLACE over a mapping: %s\n",
           p == MAP_FAILED ? ename(errno) : "mapped");
    p = mmap(r + pg, 2 * pg, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
    printf("MAP_FIXED_NOREPLACE beside it: %d\n", p == r + pg);
    p = mmap(r + 2 * pg, 4 * pg, RW, ANON | MAP_FIXED_NOREPLACE, -1, 0);
    printf("MAP_FIXED_NOREPLACE half over: %s\n",
           p == MAP_FAILED ? ename(errno) : "mapped");
    p = mmap(r + 1, pg, RW, ANON | MAP_FIXED, -1, 0);
    printf("MAP_FIXED unaligned: %s\n",
           p == MAP_FAILED ? ename(errno) : "mapped");
    p = mmap(NULL, 3 * pg, RW, ANON | MAP_NORESERVE, -1, 0);
    printf("MAP_NORESERVE: %d\n", p != MAP_FAILED && p[3 * pg - 1] == 0);
    munmap(p, 3 * pg);
    T(munmap(r, 16 * pg));
}

static void splits(void)
{
    char *p = map(8 * pg);

    for (int i = 0; i < 8; i++)
        p[i * pg] = (char)('a' + i);
    T(munmap(p + 3 * pg, 2 * pg)); /* a hole in the middle */
    printf("mapped: head %d hole %d tail %d\n", mapped(p, 3 * pg),
           mapped(p + 3 * pg, pg), mapped(p + 5 * pg, 3 * pg));
    printf("around the hole: %c %c\n", p[2 * pg], p[5 * pg]);
    T(mprotect(p, 8 * pg, PROT_READ)); /* spans the hole */
    T(madvise(p + 2 * pg, 2 * pg, MADV_DONTNEED));
    T(munmap(p, 8 * pg)); /* both pieces and the hole */
    printf("after: %d\n", mapped(p, pg) || mapped(p + 7 * pg, pg));
    T(munmap(p, 8 * pg)); /* nothing mapped there is no error */
}

static void remaps(void)
{
    char *r = span(16), *p, *q;

    /* Grow in place: the pages above are free. */
    p = mmap(r, 2 * pg, RW, ANON | MAP_FIXED, -1, 0);
    p[0] = 'x';
    q = mremap(p, 2 * pg, 4 * pg, 0);
    printf("grown in place: %d %c %d\n", q == p, q[0], q[3 * pg]);
    /* Blocked: ENOMEM without MREMAP_MAYMOVE, a move with it. */
    mmap(r + 4 * pg, pg, RW, ANON | MAP_FIXED, -1, 0);
    errno = 0;
    q = mremap(p, 4 * pg, 6 * pg, 0);
    printf("blocked: %s\n", q == MAP_FAILED ? ename(errno) : "grown");
    q = mremap(p, 4 * pg, 6 * pg, MREMAP_MAYMOVE);
    printf("moved: %d %c, old gone %d, neighbour kept %d\n", q != p, q[0],
           !mapped(p, pg), mapped(r + 4 * pg, pg));
    /* Shrinking keeps the address and unmaps the tail. */
    p = mremap(q, 6 * pg, pg, 0);
    printf("shrunk: %d tail gone %d\n", p == q, !mapped(q + pg, pg));
    /* MREMAP_FIXED moves onto a chosen place, replacing what was there. */
    q = mremap(p, pg, 2 * pg, MREMAP_MAYMOVE | MREMAP_FIXED, r + 8 * pg);
    printf("fixed: %d %c\n", q == r + 8 * pg, q[0]);
    /* MREMAP_DONTUNMAP leaves the old range mapped, reading zeros. */
    q[0] = 'y';
    p = mremap(q, 2 * pg, 2 * pg, MREMAP_MAYMOVE | MREMAP_DONTUNMAP);
    printf("dontunmap: %c old %d mapped %d\n", p[0], q[0], mapped(q, 2 * pg));
    munmap(p, 2 * pg);
    /* A mapping made by two calls, then one mprotect round trip, is one
     * range for mremap, as Linux merges them. */
    p = mmap(r, pg, RW, ANON | MAP_FIXED, -1, 0);
    mmap(r + pg, pg, RW, ANON | MAP_FIXED, -1, 0);
    mprotect(p, pg, PROT_READ);
    mprotect(p, pg, RW);
    p[pg] = 'z';
    q = mremap(p, 2 * pg, 3 * pg, MREMAP_MAYMOVE);
    printf("merged: %d %c\n", q != MAP_FAILED, q == MAP_FAILED ? '-' : q[pg]);
    munmap(r, 16 * pg);
    munmap(q, 3 * pg);
}

static void advice(void)
{
    char *p = map(4 * pg);

    memset(p, 7, 4 * pg);
    T(madvise(p + pg, 2 * pg, MADV_DONTNEED));
    printf("after MADV_DONTNEED: %d %d %d %d\n", p[0], p[pg], p[3 * pg - 1],
           p[3 * pg]);
    /* Zeroed even where the program may not write. */
    p[pg] = 9;
    T(mprotect(p, 4 * pg, PROT_READ));
    T(madvise(p, 2 * pg, MADV_DONTNEED));
    printf("read-only, after: %d %d\n", p[0], p[pg]);
    T(mprotect(p, 4 * pg, PROT_NONE));
    T(mprotect(p, 4 * pg, RW));
    printf("PROT_NONE round trip kept: %d\n", p[3 * pg]);
    T(madvise(p, 4 * pg, MADV_WILLNEED));
    T(munmap(p, 4 * pg));
}

static void errnos(void)
{
    /* One page with nothing mapped on either side. */
    char *r = span(3), *p = mmap(r + pg, pg, RW, ANON | MAP_FIXED, -1, 0);

    printf("mmap len 0: %s\n",
           mmap(NULL, 0, RW, ANON, -1, 0) == MAP_FAILED ? ename(errno) : "ok");
    printf("mmap len SIZE_MAX: %s\n",
           mmap(NULL, SIZE_MAX, RW, ANON, -1, 0) == MAP_FAILED ? ename(errno)
                                                               : "ok");
    printf("mmap len 2^62: %s\n",
           mmap(NULL, 1ul << 62, RW, ANON, -1, 0) == MAP_FAILED ? ename(errno)
                                                                : "ok");
    printf("mmap no type: %s\n",
           mmap(NULL, pg, RW, MAP_ANONYMOUS, -1, 0) == MAP_FAILED ? ename(errno)
                                                                  : "ok");
    printf("mmap offset unaligned: %s\n",
           mmap(NULL, pg, RW, ANON, -1, 1) == MAP_FAILED ? ename(errno) : "ok");
    printf("mmap bad fd: %s\n",
           mmap(NULL, pg, RW, MAP_PRIVATE, 77, 0) == MAP_FAILED ? ename(errno)
                                                                : "ok");
    printf("mmap MAP_FIXED at the top: %s\n",
           mmap((void *)(UINTPTR_MAX & ~(pg - 1)), pg, RW, ANON | MAP_FIXED, -1,
                0) == MAP_FAILED
               ? ename(errno)
               : "ok");
    T(munmap(p + 1, pg));
    T(munmap(p, 0));
    T(munmap(p, SIZE_MAX));
    T(munmap(p, (size_t)1 << 62));
    T(mprotect(p + 1, pg, PROT_READ));
    T(mprotect(p, pg, 0x100));
    T(mprotect(p, 0, PROT_READ));
    T(mprotect(p, SIZE_MAX, PROT_READ));
    T(mprotect(p, 2 * pg, PROT_READ)); /* the next page is not ours */
    T(madvise(p + 1, pg, MADV_NORMAL));
    T(madvise(p, pg, 12345));
    T(madvise(p, 0, MADV_DONTNEED));
    T(madvise(p, SIZE_MAX, MADV_NORMAL));
    T(madvise(p, 2 * pg, MADV_NORMAL));
    printf("mremap bad flags: %s\n",
           mremap(p, pg, pg, 0x80) == MAP_FAILED ? ename(errno) : "ok");
    printf("mremap FIXED alone: %s\n",
           mremap(p, pg, pg, MREMAP_FIXED, p) == MAP_FAILED ? ename(errno)
                                                            : "ok");
    printf("mremap unaligned: %s\n",
           mremap(p + 1, pg, pg, 0) == MAP_FAILED ? ename(errno) : "ok");
    printf("mremap to 0: %s\n",
           mremap(p, pg, 0, 0) == MAP_FAILED ? ename(errno) : "ok");
    printf("mremap private old_len 0: %s\n",
           mremap(p, 0, pg, MREMAP_MAYMOVE) == MAP_FAILED ? ename(errno)
                                                          : "ok");
    printf("mremap past the mapping: %s\n",
           mremap(p, 2 * pg, 3 * pg, MREMAP_MAYMOVE) == MAP_FAILED
               ? ename(errno)
               : "ok");
    printf("mremap DONTUNMAP resize: %s\n",
           mremap(p, pg, 2 * pg, MREMAP_MAYMOVE | MREMAP_DONTUNMAP) ==
                   MAP_FAILED
               ? ename(errno)
               : "ok");
    printf("mremap FIXED onto itself: %s\n",
           mremap(p, pg, pg, MREMAP_MAYMOVE | MREMAP_FIXED, p) == MAP_FAILED
               ? ename(errno)
               : "ok");
    T(munmap(p, pg));
    errno = 0;
    printf("mremap unmapped: %s\n",
           mremap(p, pg, 2 * pg, MREMAP_MAYMOVE) == MAP_FAILED ? ename(errno)
                                                               : "ok");
    /* Far more than the machine has, without MAP_NORESERVE: Linux's
     * overcommit heuristic refuses it as the image runs out. */
    struct sysinfo si;
    sysinfo(&si);
    size_t huge = (size_t)si.totalram * si.mem_unit * 4;
    printf("mmap of 4x RAM: %s\n",
           mmap(NULL, huge, RW, ANON, -1, 0) == MAP_FAILED ? ename(errno)
                                                           : "ok");
}

/* 200 MiB mapped, written, unmapped, three times over, with malloc between
 * them: the same room serves every round. */
static void big(void)
{
    size_t len = 200ul << 20;
    int ok = 1;

    for (int round = 0; round < 3; round++) {
        char *m = malloc(8ul << 20);
        unsigned char *p = (unsigned char *)map(len);
        if (p == MAP_FAILED || !m) {
            printf("round %d: %s\n", round, ename(errno));
            return;
        }
        memset(m, round, 8ul << 20);
        for (size_t i = 0; i < len; i += pg)
            ok &= p[i] == 0 && p[i + pg - 1] == 0;
        for (size_t i = 0; i < len; i += pg)
            p[i] = (unsigned char)(i / pg + round);
        for (size_t i = 0; i < len; i += pg)
            ok &= p[i] == (unsigned char)(i / pg + round);
        if (munmap(p, len) != 0)
            ok = 0;
        free(m);
    }
    printf("200 MiB three times: %s\n", ok ? "ok" : "bad");
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    pg = (size_t)sysconf(_SC_PAGESIZE);
    placement();
    splits();
    remaps();
    advice();
    errnos();
    big();
    printf("mmap: done\n");
    return 0;
}
