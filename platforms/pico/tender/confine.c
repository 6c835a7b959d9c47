/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* confine.c: no_new_privs, Landlock and the seccomp allowlist (libseccomp). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <malloc.h>
#include <linux/filter.h>
#include <linux/landlock.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
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
 * The base allowlist: what every guest may call, whatever its devices.
 * Optional devices add their own rows next to their code (tap.c,
 * volume.c); docs/platforms.md says why each call is there.  Anything
 * else traps to the SIGSYS handler (faults.c).
 */
static const struct ig_tender_rule base_rules[] = {
    /* ig_plat_console_write(): the console is the tender's stdout. */
    {"write(stdout)", SCMP_SYS(write), 1, {IG_TENDER_ARG_EQ(0, STDOUT_FILENO)}},
    /* ig_plat_stderr_write(), and the tender's own last words (the SIGSYS
     * report, fault reports). */
    {"write(stderr)", SCMP_SYS(write), 1, {IG_TENDER_ARG_EQ(0, STDERR_FILENO)}},
    /* ig_plat_stdin_read(): standard input, only after ppoll said it
     * would not block. */
    {"read(stdin)", SCMP_SYS(read), 1, {IG_TENDER_ARG_EQ(0, STDIN_FILENO)}},
    /* ig_plat_stdin_read()'s readiness test and ig_plat_idle(): stdin and
     * the tap device at most, no signal mask; it reads only the guest's
     * own memory, and an unknown descriptor is only POLLNVAL. */
    {"ppoll(at most 2 descriptors, no signal mask)",
     SCMP_SYS(ppoll),
     2,
     {{1, SCMP_CMP_LE, 2, 0}, IG_TENDER_ARG_EQ(3, 0)}},
    /* Return from the handler of a host signal (faults.c), which records
     * SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2 for the guest. */
    {"rt_sigreturn", SCMP_SYS(rt_sigreturn), 0, {{0}}},
    /* ig_plat_clock_monotonic(), ig_plat_clock_wall() when the vDSO's
     * clock_gettime is missing, and the vDSO's own fallback to the call
     * (vdso.c, pico_abi.h). */
    {"clock_gettime(CLOCK_MONOTONIC)",
     SCMP_SYS(clock_gettime),
     1,
     {IG_TENDER_ARG_EQ(0, CLOCK_MONOTONIC)}},
    {"clock_gettime(CLOCK_REALTIME)",
     SCMP_SYS(clock_gettime),
     1,
     {IG_TENDER_ARG_EQ(0, CLOCK_REALTIME)}},
    /* ig_plat_idle() until a deadline on the monotonic clock. */
    {"clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME)",
     SCMP_SYS(clock_nanosleep),
     2,
     {IG_TENDER_ARG_EQ(0, CLOCK_MONOTONIC),
      IG_TENDER_ARG_EQ(1, TIMER_ABSTIME)}},
    /* ig_plat_entropy(): blocking, no GRND_* flags. */
    {"getrandom(flags 0)", SCMP_SYS(getrandom), 1, {IG_TENDER_ARG_EQ(2, 0)}},
    /* ig_plat_exit(), and the tender's handlers ending the process. */
    {"exit_group", SCMP_SYS(exit_group), 0, {{0}}},
};

/*
 * --tty (ingot run -t): the terminal on standard input is the guest's, as
 * a container's pty is its process's.  ig_plat_tty_set() sets its
 * attributes (which `ingot run` restores when the run ends) and
 * ig_plat_tty_winsize() reads its size; no other request, and no other
 * descriptor (TIOCSTI, which would type into the host's shell, stays
 * forbidden).
 */
static const struct ig_tender_rule tty_rules[] = {
    {"ioctl(stdin, TCSETS)",
     SCMP_SYS(ioctl),
     2,
     {IG_TENDER_ARG_EQ(0, STDIN_FILENO), IG_TENDER_ARG_EQ(1, TCSETS)}},
    {"ioctl(stdin, TCSETSW)",
     SCMP_SYS(ioctl),
     2,
     {IG_TENDER_ARG_EQ(0, STDIN_FILENO), IG_TENDER_ARG_EQ(1, TCSETSW)}},
    {"ioctl(stdin, TCSETSF)",
     SCMP_SYS(ioctl),
     2,
     {IG_TENDER_ARG_EQ(0, STDIN_FILENO), IG_TENDER_ARG_EQ(1, TCSETSF)}},
    {"ioctl(stdin, TIOCGWINSZ)",
     SCMP_SYS(ioctl),
     2,
     {IG_TENDER_ARG_EQ(0, STDIN_FILENO), IG_TENDER_ARG_EQ(1, TIOCGWINSZ)}},
};

int ig_tender_allow(scmp_filter_ctx ctx, const struct ig_tender_rule *rules,
                    size_t n)
{
    for (size_t i = 0; i < n; i++) {
        int r = seccomp_rule_add_array(ctx, SCMP_ACT_ALLOW, rules[i].nr,
                                       rules[i].ncmp, rules[i].cmp);
        if (r != 0) {
            fprintf(stderr, "ingot-pico: seccomp: rule %s: %s\n", rules[i].what,
                    strerror(-r));
            return -1;
        }
    }
    return 0;
}

/*
 * Loads the filter that (ctx) holds, then frees (ctx).  libseccomp's
 * context (its rule database and the program it generates) spreads over
 * ~250 KiB of the heap, which glibc could not give back once the filter
 * forbids brk and munmap: every instance kept it for the life of its guest.
 * So the program is exported (libseccomp 2.5 exports to a descriptor: a
 * non-blocking pipe, which holds the kernel's largest program, BPF_MAXINSNS
 * instructions), the context freed and the heap trimmed while that is
 * still allowed, and the same program loaded with seccomp(2), as
 * seccomp_load() would (no flags; no_new_privs is already set).
 */
static int load_exported(scmp_filter_ctx ctx)
{
    static struct sock_filter prog[BPF_MAXINSNS];
    int p[2], r;
    ssize_t n = -1;

    if (pipe2(p, O_CLOEXEC | O_NONBLOCK) < 0) {
        fprintf(stderr, "ingot-pico: seccomp: pipe: %s\n", strerror(errno));
        seccomp_release(ctx);
        return -1;
    }
    fcntl(p[1], F_SETPIPE_SZ, (int)sizeof(prog));
    r = seccomp_export_bpf(ctx, p[1]);
    if (r == 0)
        n = read(p[0], prog, sizeof(prog));
    close(p[0]);
    close(p[1]);
    seccomp_release(ctx);
    malloc_trim(0);
    if (r != 0 || n <= 0 || n % (ssize_t)sizeof(prog[0]) != 0) {
        fprintf(stderr, "ingot-pico: seccomp: export: %s\n",
                strerror(r ? -r : EPROTO));
        return -1;
    }
    struct sock_fprog fp = {(unsigned short)(n / sizeof(prog[0])), prog};
    if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fp) != 0) {
        fprintf(stderr, "ingot-pico: seccomp: load: %s\n", strerror(errno));
        return -1;
    }
    return 0;
}

/* Builds and loads the filter: the base rules, then the devices' own. */
static int seccomp_allowlist(const struct ig_tender_volume *vols, int nvols,
                             int tap_fd, int tty, long stop_timeout,
                             uint64_t mem_base, uint64_t mem_len)
{
    /* The stop timer (faults.c), armed by the tender's handler of the
     * first host signal.  Pinned to the one value: a guest calling it
     * only schedules its own end (or postpones it by calling again). */
    const struct ig_tender_rule stop_rule = {
        "alarm(--stop-timeout)",
        SCMP_SYS(alarm),
        1,
        {IG_TENDER_ARG_EQ(0, stop_timeout)}};
    scmp_filter_ctx ctx;
    int r;

    /* Once loaded, the filter forbids brk and munmap, which glibc's free
     * uses to give memory back: what is freed after load_exported()'s trim
     * stays on the heap. */
    mallopt(M_TRIM_THRESHOLD, INT_MAX);
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
    ctx = seccomp_init(SCMP_ACT_TRAP);
    if (!ctx) {
        fprintf(stderr, "ingot-pico: seccomp: %s\n", strerror(ENOMEM));
        return -1;
    }
    /* Calls of another ABI (i386 int 0x80, x32) kill the process. */
    r = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS);
    if (r != 0) {
        fprintf(stderr, "ingot-pico: seccomp: bad-arch action: %s\n",
                strerror(-r));
        goto fail;
    }
    if (ig_tender_allow(ctx, base_rules,
                        sizeof(base_rules) / sizeof(base_rules[0])) < 0 ||
        ig_tender_mem_allow(ctx, mem_base, mem_len) < 0 ||
        (nvols && ig_tender_volume_allow(ctx, vols, nvols, tap_fd) < 0) ||
        (tap_fd >= 0 && ig_tender_tap_allow(ctx, tap_fd) < 0) ||
        (tty &&
         ig_tender_allow(ctx, tty_rules,
                         sizeof(tty_rules) / sizeof(tty_rules[0])) < 0) ||
        (stop_timeout > 0 && ig_tender_allow(ctx, &stop_rule, 1) < 0))
        goto fail;
    return load_exported(ctx);
fail:
    seccomp_release(ctx);
    return -1;
}

int ig_tender_confine(const struct ig_tender_volume *vols, int nvols,
                      int tap_fd, int tty, long stop_timeout, int verbose,
                      uint64_t mem_base, uint64_t mem_len)
{
    struct rlimit no_procs = {0, 0};

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
    return seccomp_allowlist(vols, nvols, tap_fd, tty, stop_timeout, mem_base,
                             mem_len);
}
