/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* hostile.c: a pico guest that attacks its own tender (pico only). */
#include <ingot/pico_abi.h>

#include <stdint.h>
#include <stdio.h>
#include <string.h>

void ig_plat_boot_stack(uintptr_t *lo, uintptr_t *hi);

/* Straight to the host kernel, bypassing the library OS. */
static long raw_syscall3(long nr, long a0, long a1, long a2)
{
    long ret;

    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(nr), "D"(a0), "S"(a1), "d"(a2)
                     : "rcx", "r11", "memory");
    return ret;
}

/* The tender maps the boot page just above the boot stack. */
static struct ig_pico_boot *boot_page(void)
{
    uintptr_t lo, hi;

    ig_plat_boot_stack(&lo, &hi);
    struct ig_pico_boot *b = (struct ig_pico_boot *)hi;
    return b->magic == IG_PICO_BOOT_MAGIC ? b : NULL;
}

/* openat2(dirfd, path, {flags}, 24) */
static long raw_openat2(long dirfd, const char *path, unsigned long flags)
{
    unsigned long how[3] = {flags, 0, 0};
    long ret;
    register long size __asm__("r10") = sizeof(how);

    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(437L), "D"(dirfd), "S"(path), "d"(how), "r"(size)
                     : "rcx", "r11", "memory");
    return ret;
}

/* utimensat(fd, NULL, times, 0): both times set to 1 (1970). */
static long raw_futimens(long fd)
{
    static const long times[4] = {1, 0, 1, 0};
    long ret;
    register long flags __asm__("r10") = 0;

    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(280L), "D"(fd), "S"(0L), "d"(times), "r"(flags)
                     : "rcx", "r11", "memory");
    return ret;
}

static void faulting_report(const struct ig_pico_fault *f)
{
    (void)f;
    *(volatile int *)8 = 1;
}

static int recursing_report_depth(int n)
{
    volatile char pad[512];

    pad[0] = (char)n;
    return recursing_report_depth(n + 1) + pad[0];
}

static void recursing_report(const struct ig_pico_fault *f)
{
    (void)f;
    recursing_report_depth(0);
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "";
    struct ig_pico_boot *b;
    long r = 0;

    printf("hostile: %s\n", what);
    fflush(stdout);
    if (strcmp(what, "syscall-negative") == 0) {
        r = raw_syscall3(-1, 0, 0, 0);
    } else if (!(b = boot_page())) {
        printf("hostile: boot page not found\n");
        return 1;
    } else if (strcmp(what, "ro-utimens") == 0) {
        /* Timestamps through read-only descriptors of a read-only
         * volume: the directory itself and a file opened beneath it. */
        long vol = b->nvolumes ? b->volumes[0].fd : -1;
        long d = raw_openat2(vol, ".", 0 /* O_RDONLY */);
        long f = raw_openat2(vol, "f", 0);
        printf("hostile: utimensat(directory) = %ld\n", raw_futimens(d));
        printf("hostile: utimensat(file) = %ld\n", raw_futimens(f));
        return 0;
    } else if (0) {
        printf("hostile: boot page not found\n");
        return 1;
    } else {
        /* Garbage for the tender's FS base: its handlers must not use it. */
        b->tender_fs = 0x10;
        if (strcmp(what, "entry-outside") == 0)
            b->fault_entry = 0x1234;
        else if (strcmp(what, "entry-faults") == 0)
            b->fault_entry = (uint64_t)(uintptr_t)faulting_report;
        else if (strcmp(what, "entry-recurses") == 0)
            b->fault_entry = (uint64_t)(uintptr_t)recursing_report;
        *(volatile int *)0 = 1;
    }
    printf("hostile: not stopped, returned %ld\n", r);
    return 0;
}
