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

/* What the guest may do beneath a volume's directory. */
static uint64_t volume_rights(int abi, int ro)
{
    uint64_t r = LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR;

    if (ro)
        return r;
    r |= LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_REMOVE_DIR |
         LANDLOCK_ACCESS_FS_REMOVE_FILE | LANDLOCK_ACCESS_FS_MAKE_DIR |
         LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_MAKE_SYM;
    if (abi >= 2)
        r |= LANDLOCK_ACCESS_FS_REFER; /* renames between directories */
    if (abi >= 3)
        r |= LANDLOCK_ACCESS_FS_TRUNCATE;
    return r;
}

/*
 * A ruleset that handles every file system right and grants none, except
 * beneath the volumes' directories: no other path can be opened, created,
 * renamed or executed.  seccomp forbids openat; openat2 is allowed only
 * with volumes, and then Landlock is the wall that keeps the guest in them.
 */
static int landlock_confine(const struct ig_tender_volume *vols, int nvols,
                            int verbose)
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
        if (nvols) {
            fprintf(stderr,
                    "ingot-pico: --volume: Landlock is %s, so the guest "
                    "could not be kept inside the volume; refusing\n",
                    errno == ENOSYS ? "not built into this kernel"
                                    : "disabled at boot");
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
    if (fd < 0) {
        fprintf(stderr, "ingot-pico: landlock: %s\n", strerror(errno));
        return -1;
    }
    for (int i = 0; i < nvols; i++) {
        struct landlock_path_beneath_attr pb = {
            .allowed_access = volume_rights((int)abi, vols[i].ro),
            .parent_fd = vols[i].fd,
        };
        if (syscall(SYS_landlock_add_rule, fd, LANDLOCK_RULE_PATH_BENEATH, &pb,
                    0) < 0) {
            fprintf(stderr, "ingot-pico: landlock: %s: %s\n", vols[i].dir,
                    strerror(errno));
            close((int)fd);
            return -1;
        }
    }
    if (syscall(SYS_landlock_restrict_self, fd, 0) < 0) {
        fprintf(stderr, "ingot-pico: landlock: %s\n", strerror(errno));
        close((int)fd);
        return -1;
    }
    close((int)fd);
    if (verbose)
        fprintf(stderr, "ingot-pico: Landlock ABI %ld: no file access%s\n", abi,
                nvols ? " outside the volumes" : "");
    return 0;
}

/*
 * Descriptor arguments of the volume calls must lie in [3, 1023]: not
 * stdio and not AT_FDCWD (or any other value the kernel would read as a
 * negative int).  libseccomp takes one comparison per argument and rule,
 * so the range is the union of ranges one mask each: 3, 4-7, 8-15, ...,
 * 512-1023.
 */
#define FD_RANGES 9

static struct scmp_arg_cmp fd_range(unsigned arg, int i)
{
    scmp_datum_t lo = i == 0 ? 3 : (scmp_datum_t)4 << (i - 1);
    scmp_datum_t mask = i == 0 ? ~(scmp_datum_t)0 : ~(lo - 1);
    struct scmp_arg_cmp c = {arg, SCMP_CMP_MASKED_EQ, mask, lo};
    return c;
}

static int allow_fd(scmp_filter_ctx ctx, int nr, unsigned arg)
{
    int r = 0;

    for (int i = 0; r == 0 && i < FD_RANGES; i++) {
        struct scmp_arg_cmp c = fd_range(arg, i);
        r = seccomp_rule_add_array(ctx, SCMP_ACT_ALLOW, nr, 1, &c);
    }
    return r;
}

static int allow_volume_calls(scmp_filter_ctx ctx)
{
    static const int a0[] = {
        SCMP_SYS(openat2),  SCMP_SYS(pread64),    SCMP_SYS(pwrite64),
        SCMP_SYS(fstat),    SCMP_SYS(ftruncate),  SCMP_SYS(fsync),
        SCMP_SYS(close),    SCMP_SYS(getdents64), SCMP_SYS(mkdirat),
        SCMP_SYS(unlinkat), SCMP_SYS(readlinkat), SCMP_SYS(fstatfs),
    };
    int r = 0;

    for (size_t i = 0; r == 0 && i < sizeof(a0) / sizeof(a0[0]); i++)
        r = allow_fd(ctx, a0[i], 0);
    if (r == 0)
        r = allow_fd(ctx, SCMP_SYS(symlinkat), 1);
    /* utimensat only on the descriptor itself (a NULL path): Landlock
     * does not govern timestamps, so no path may name another file. */
    for (int i = 0; r == 0 && i < FD_RANGES; i++) {
        struct scmp_arg_cmp c[2] = {fd_range(0, i), {1, SCMP_CMP_EQ, 0, 0}};
        r = seccomp_rule_add_array(ctx, SCMP_ACT_ALLOW, SCMP_SYS(utimensat), 2,
                                   c);
    }
    for (int i = 0; r == 0 && i < FD_RANGES; i++)
        for (int j = 0; r == 0 && j < FD_RANGES; j++) {
            struct scmp_arg_cmp c[2] = {fd_range(0, i), fd_range(2, j)};
            r = seccomp_rule_add_array(ctx, SCMP_ACT_ALLOW, SCMP_SYS(renameat),
                                       2, c);
        }
    return r;
}

/* The allowlist; docs/platforms.md says why each call is there. */
static int seccomp_allowlist(int console_fd, int volumes, int tap_fd)
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
    if (r == 0 && volumes)
        r = allow_volume_calls(ctx);
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

int ig_tender_confine(int console_fd, const struct ig_tender_volume *vols,
                      int nvols, int tap_fd, int verbose)
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
    /* The filter allows volume calls on descriptors up to 1023 only: the
     * kernel must never hand out a higher one. */
    if (nvols) {
        struct rlimit nofile;
        if (getrlimit(RLIMIT_NOFILE, &nofile) == 0 && nofile.rlim_max > 1024) {
            nofile.rlim_max = 1024;
            if (nofile.rlim_cur > 1024)
                nofile.rlim_cur = 1024;
            if (setrlimit(RLIMIT_NOFILE, &nofile) < 0) {
                fprintf(stderr, "ingot-pico: RLIMIT_NOFILE: %s\n",
                        strerror(errno));
                return -1;
            }
        }
    }
    if (landlock_confine(vols, nvols, verbose) < 0)
        return -1;
    fflush(stderr);
    r = seccomp_allowlist(console_fd, nvols > 0, tap_fd);
    if (r != 0) {
        fprintf(stderr, "ingot-pico: seccomp: %s\n", strerror(-r));
        return -1;
    }
    return 0;
}
