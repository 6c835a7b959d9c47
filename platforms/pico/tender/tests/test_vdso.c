/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_vdso.c: the tender finds the vDSO's clock_gettime, and only that. */
#include <stdint.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "tender.h"
#include "unit.h"

typedef int (*clock_fn)(clockid_t, struct timespec *);

static uint64_t ns(const struct timespec *ts)
{
    return (uint64_t)ts->tv_sec * 1000000000u + (uint64_t)ts->tv_nsec;
}

/* The vDSO's reading lies between two readings by the system call. */
static void check_clock(clock_fn fn, clockid_t id)
{
    struct timespec a, v, b;

    CHECK(syscall(SYS_clock_gettime, id, &a) == 0);
    CHECK_INT(fn(id, &v), 0);
    CHECK(syscall(SYS_clock_gettime, id, &b) == 0);
    CHECK(ns(&a) <= ns(&v) && ns(&v) <= ns(&b));
}

int main(void)
{
    const unsigned char *vdso = (const void *)getauxval(AT_SYSINFO_EHDR);
    uint64_t fn = ig_tender_vdso_clock();

    if (!vdso) {
        printf("SKIP: the kernel maps no vDSO (vdso=0)\n");
        return 77;
    }
    CHECK(fn != 0);
    if (fn) {
        /* Inside the vDSO's first pages, and it tells the time. */
        CHECK(fn > (uint64_t)(uintptr_t)vdso &&
              fn < (uint64_t)(uintptr_t)vdso + (1u << 20));
        for (int i = 0; i < 3; i++) {
            check_clock((clock_fn)(uintptr_t)fn, CLOCK_MONOTONIC);
            check_clock((clock_fn)(uintptr_t)fn, CLOCK_REALTIME);
        }
    }
    /* A name the vDSO lacks, and malformed or cut-off objects: 0. */
    const Elf64_Ehdr *eh = (const void *)vdso;
    size_t len = eh->e_shoff + (size_t)eh->e_shnum * eh->e_shentsize;
    CHECK_INT(ig_tender_vdso_sym(vdso, len, "__vdso_no_such_call"), 0);
    CHECK(ig_tender_vdso_sym(vdso, len, "__vdso_clock_gettime") == fn);
    CHECK_INT(ig_tender_vdso_sym(vdso, len / 2, "__vdso_clock_gettime"), 0);
    CHECK_INT(ig_tender_vdso_sym(vdso, 10, "__vdso_clock_gettime"), 0);
    CHECK_INT(ig_tender_vdso_sym(NULL, len, "__vdso_clock_gettime"), 0);
    unsigned char *bad = malloc(len);
    if (bad) {
        memcpy(bad, vdso, len);
        bad[EI_CLASS] = ELFCLASS32;
        CHECK_INT(ig_tender_vdso_sym(bad, len, "__vdso_clock_gettime"), 0);
        memcpy(bad, vdso, len);
        memset(bad + 16, 0xff, 48); /* type, machine, offsets: garbage */
        CHECK_INT(ig_tender_vdso_sym(bad, len, "__vdso_clock_gettime"), 0);
        free(bad);
    }
    return unit_done();
}
