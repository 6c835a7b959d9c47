/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* confine.c: no_new_privs, Landlock and the seccomp allowlist (libseccomp). */
#include <errno.h>
#include <linux/landlock.h>
#include <seccomp.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "tender.h"

/* Rights newer than the installed kernel headers (Landlock ABI 3 and 5). */
#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE (1ULL << 14)
#endif
#ifndef LANDLOCK_ACCESS_FS_IOCTL_DEV
#define LANDLOCK_ACCESS_FS_IOCTL_DEV (1ULL << 15)
#endif

/* Every file system right the kernel's Landlock ABI (abi) knows. */
static uint64_t landlock_fs_rights(int abi)
{
    uint64_t r = (LANDLOCK_ACCESS_FS_MAKE_SYM << 1) - 1; /* ABI 1 */

    if (abi >= 2)
        r |= LANDLOCK_ACCESS_FS_REFER;
    if (abi >= 3)
        r |= LANDLOCK_ACCESS_FS_TRUNCATE;
    if (abi >= 5)
        r |= LANDLOCK_ACCESS_FS_IOCTL_DEV;
    return r;
}

/*
 * A ruleset that handles every file system right and grants none: no path
 * can be opened, created, renamed or executed.  seccomp already forbids
 * openat; Landlock is the second wall should the allowlist ever grow.
 */
static int landlock_no_files(int verbose)
{
    struct landlock_ruleset_attr attr;
    long abi, fd;

    abi = syscall(SYS_landlock_create_ruleset, NULL, 0,
                  LANDLOCK_CREATE_RULESET_VERSION);
    if (abi < 0) {
        if (errno != ENOSYS && errno != EOPNOTSUPP) {
            fprintf(stderr, "ingot-pico: landlock: %s\n", strerror(errno));
            return -1;
        }
        if (verbose)
            fprintf(stderr,
                    "ingot-pico: Landlock is %s; relying on seccomp "
                    "alone for file access\n",
                    errno == ENOSYS ? "not built into this kernel"
                                    : "disabled at boot");
        return 0;
    }
    memset(&attr, 0, sizeof(attr));
    attr.handled_access_fs = landlock_fs_rights((int)abi);
    fd = syscall(SYS_landlock_create_ruleset, &attr, sizeof(attr), 0);
    if (fd < 0 || syscall(SYS_landlock_restrict_self, fd, 0) < 0) {
        fprintf(stderr, "ingot-pico: landlock: %s\n", strerror(errno));
        return -1;
    }
    close((int)fd);
    if (verbose)
        fprintf(stderr, "ingot-pico: Landlock ABI %ld: no file access\n", abi);
    return 0;
}

/* The allowlist; docs/platforms.md says why each call is there. */
static int seccomp_allowlist(int console_fd, int tap_fd)
{
    scmp_filter_ctx ctx;
    int r;

    /* Anything else traps to the SIGSYS handler (faults.c). */
    ctx = seccomp_init(SCMP_ACT_TRAP);
    if (!ctx)
        return -ENOMEM;
    r = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS);
    if (r == 0)
        r = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(write), 1,
                             SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)console_fd));
    if (r == 0 && console_fd != STDERR_FILENO)
        r = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(write), 1,
                             SCMP_A0(SCMP_CMP_EQ, STDERR_FILENO));
    if (r == 0)
        r = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(clock_gettime), 1,
                             SCMP_A0(SCMP_CMP_EQ, CLOCK_MONOTONIC));
    if (r == 0)
        r = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(clock_gettime), 1,
                             SCMP_A0(SCMP_CMP_EQ, CLOCK_REALTIME));
    if (r == 0)
        r = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(clock_nanosleep), 2,
                             SCMP_A0(SCMP_CMP_EQ, CLOCK_MONOTONIC),
                             SCMP_A1(SCMP_CMP_EQ, TIMER_ABSTIME));
    if (r == 0)
        r = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(getrandom), 1,
                             SCMP_A2(SCMP_CMP_EQ, 0));
    if (r == 0)
        r = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(exit_group), 0);
    /* The tap device: frames in and out, and waiting for one with a
     * timeout (one descriptor, no signal mask: ppoll only reads the
     * guest's own memory). */
    if (r == 0 && tap_fd >= 0)
        r = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(read), 1,
                             SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)tap_fd));
    if (r == 0 && tap_fd >= 0)
        r = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(write), 1,
                             SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)tap_fd));
    if (r == 0 && tap_fd >= 0)
        r = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(ppoll), 2,
                             SCMP_A1(SCMP_CMP_EQ, 1), SCMP_A3(SCMP_CMP_EQ, 0));
    if (r == 0)
        r = seccomp_load(ctx);
    /*
     * The context is not released on success: freeing it could make glibc
     * return memory to the kernel (munmap, brk), which the filter now
     * forbids.  The tender becomes the guest and never returns to free it.
     */
    if (r != 0)
        seccomp_release(ctx);
    return r;
}

int ig_tender_confine(int console_fd, int tap_fd, int verbose)
{
    struct rlimit no_procs = {0, 0};
    int r;

    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) {
        fprintf(stderr, "ingot-pico: no_new_privs: %s\n", strerror(errno));
        return -1;
    }
    /* Belt and braces to seccomp's ban on clone/fork/execve. */
    if (setrlimit(RLIMIT_NPROC, &no_procs) < 0 && verbose)
        fprintf(stderr, "ingot-pico: RLIMIT_NPROC: %s\n", strerror(errno));
    if (landlock_no_files(verbose) < 0)
        return -1;
    fflush(stderr);
    r = seccomp_allowlist(console_fd, tap_fd);
    if (r != 0) {
        fprintf(stderr, "ingot-pico: seccomp: %s\n", strerror(-r));
        return -1;
    }
    return 0;
}
