/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* tender.h: the parts of ingot-pico, the host side of the pico platform. */
#ifndef INGOT_TENDER_H
#define INGOT_TENDER_H

/*
 * Call order (main.c): ig_tender_initrd_open() checks the --initrd file;
 * ig_tender_load() maps the image; ig_tender_initrd_read() copies the
 * initrd in once -m is known to hold it; main maps memory,
 * stack and boot page; ig_tender_faults_install() sets up the signal
 * handlers; ig_tender_confine() applies no_new_privs, Landlock and the
 * seccomp filter (its base rules, then each device's own: the tap and
 * volume calls live next to their code); then main jumps to the guest and never
 * comes back.  After ig_tender_confine() the tender may not call anything that
 * makes a system call outside the guest's allowlist (no malloc, no stdio).
 */

#include <seccomp.h>
#include <stddef.h>
#include <stdint.h>

#include <ingot/pico_abi.h>

#define IG_TENDER_PAGE 4096ull

/* ---- load.c ------------------------------------------------------------ */

struct ig_tender_image {
    uint64_t entry;
    uint64_t lo, hi;           /* page-aligned span of all PT_LOAD segments */
    int entry_ok;              /* the entry lies in an executable segment */
    uint64_t code_lo, code_hi; /* span of the executable segments */
    /* The symbol table, mapped read-only (pico_abi.h), or all 0. */
    uint64_t symtab, nsyms, strtab, strtab_len;
    int fd; /* the image, open read-only; the caller closes it */
};

/* Checks (path) is a pico image (ELF64 x86-64 executable with the Ingot
 * platform note "pico"), maps each PT_LOAD segment at its address with its
 * own protection (no segment may be both writable and executable), maps
 * its symbol table read-only when it has one, and fills (img), whose (fd)
 * the caller closes.  Returns 0, or -1 with a reason in (err). */
int ig_tender_load(const char *path, struct ig_tender_image *img, char *err,
                   size_t errlen);

/* Opens (path) for ig_tender_initrd_read(): it must be a regular file.
 * Stores its descriptor in (*fd) and its size in (*len).  Returns 0, or -1
 * with a reason in (err) (the strerror() text, or "not a regular file"). */
int ig_tender_initrd_open(const char *path, int *fd, uint64_t *len, char *err,
                          size_t errlen);

/* Reads (len) bytes from (fd) into fresh private memory, makes it read-only
 * and stores its address in (*base); closes (fd) either way.  The copy is
 * the guest's own: changing or truncating the file later cannot reach it.
 * Returns 0, or -1 with a reason in (err). */
int ig_tender_initrd_read(int fd, uint64_t len, uint64_t *base, char *err,
                          size_t errlen);

/* ---- tap.c ------------------------------------------------------------- */

/* Attaches to tap interface (name) through /dev/net/tun (IFF_TAP |
 * IFF_NO_PI, non-blocking), moves the descriptor to (target_fd) and fills
 * boot's tap_fd, tap_mtu (the interface's) and tap_mac (random, locally
 * administered).  Returns 0, or -1 with a reason in (err). */
int ig_tender_tap_open(const char *name, int target_fd,
                       struct ig_pico_boot *boot, char *err, size_t errlen);

/* Adds the seccomp rules for the tap descriptor (fd) to (ctx): frames in
 * and out (read, write); waiting for one is a base rule (ppoll).
 * Returns 0, or -1 after printing the rule that failed. */
int ig_tender_tap_allow(scmp_filter_ctx ctx, int fd);

/* ---- volume.c ---------------------------------------------------------- */

/* One host directory shared with the guest (--volume TAG=DIR). */
struct ig_tender_volume {
    char tag[16];
    const char *dir;
    int ro;
    int fd;     /* O_PATH|O_DIRECTORY, once opened */
    int sealed; /* fd is a private nodev/nosuid/noexec (ro: read-only) mount */
};

/* Parses "TAG=DIR" (TAG: 1-15 letters, digits, '_' or '-') into (v).
 * Returns 0, or -1 with a reason in (err). */
int ig_tender_volume_parse(const char *arg, int ro, struct ig_tender_volume *v,
                           char *err, size_t errlen);

/* Opens (v)'s directory as descriptor (want) (O_PATH|O_DIRECTORY), on a
 * private copy of its mount that is nodev, nosuid, noexec and, for a
 * read-only volume, read-only, when the tender may make one (then sets
 * v->sealed).  Returns 0, or -1 with a reason in (err) (strerror text,
 * "not a directory"). */
int ig_tender_volume_open(struct ig_tender_volume *v, int want, char *err,
                          size_t errlen);

/* Adds the seccomp rules for the volume calls (platforms/pico/hostdir.c)
 * to (ctx), each on descriptors 3..1023 only (fchmod: not on (tap_fd),
 * -1 for none); utimensat and fchmod fail with EROFS instead when one of
 * the (nvols) volumes (vols) is read-only but not sealed.  Returns 0, or
 * -1 after printing the rule that failed. */
int ig_tender_volume_allow(scmp_filter_ctx ctx,
                           const struct ig_tender_volume *vols, int nvols,
                           int tap_fd);

/* ---- faults.c ---------------------------------------------------------- */

/* Installs handlers for SIGSEGV, SIGBUS, SIGFPE, SIGILL and SIGTRAP (they
 * call the guest's fault entry from (boot), if it lies in the image's span
 * [image_lo, image_hi), on a guarded stack of their own) and for SIGSYS
 * (reports the forbidden system call and exits IG_PICO_STATUS_SYSCALL), and
 * for SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1 and SIGUSR2 (recorded in the
 * boot page's host_signals for the guest), all on a guarded alternate stack.
 * With (stop_timeout) >= 0 seconds, the first of those also starts a timer
 * (alarm(), SIGALRM's handler) that ends the run with 137 after a message
 * unless it ended by then; 0 ends it at once.  What the handlers rely on
 * (the tender's FS base from (boot), the spans, the timeout) is copied into
 * a page made read-only here, so nothing the guest writes later can mislead
 * them. Returns 0, or -1 with errno set. */
int ig_tender_faults_install(struct ig_pico_boot *boot, uint64_t image_lo,
                             uint64_t image_hi, long stop_timeout);

/* ---- confine.c --------------------------------------------------------- */

/* One row of the seccomp allowlist: system call (nr) is allowed when all
 * (ncmp) comparisons of its arguments hold.  (what) names the rule in the
 * message when libseccomp refuses it. */
struct ig_tender_rule {
    const char *what;
    int nr;
    unsigned ncmp;
    struct scmp_arg_cmp cmp[3];
};

/* A comparison for a rule: argument (arg) equals (v). */
#define IG_TENDER_ARG_EQ(arg, v)                                               \
    {                                                                          \
        (arg), SCMP_CMP_EQ, (scmp_datum_t)(v), 0                               \
    }

/* Adds the (n) rules (rules) to (ctx).  Returns 0, or -1 after printing
 * "ingot-pico: seccomp: rule <what>: <why>" for the first that failed. */
int ig_tender_allow(scmp_filter_ctx ctx, const struct ig_tender_rule *rules,
                    size_t n);

/* Sets no_new_privs and RLIMIT_NPROC 0, applies a Landlock ruleset that
 * allows no file system access except beneath the (nvols) volumes (vols)
 * (read-only for ro ones), then loads the seccomp filter: the base rules
 * (confine.c: the console on stdout, stderr, clocks, entropy, exit), the
 * volume calls when there are volumes, read, write and ppoll for
 * (tap_fd) when it is not -1, with (tty) the terminal requests on standard
 * input (TCSETS, TCSETSW, TCSETSF, TIOCGWINSZ), and alarm(stop_timeout)
 * when (stop_timeout) is above 0 (the stop timer, faults.c), and mprotect
 * inside [mem_base, mem_base + mem_len) (the guest's memory and its stack
 * pool, memory.c).  Without
 * Landlock in the kernel it goes on with a notice under (verbose) when
 * there are no volumes, and refuses (volumes would be unconfined) when
 * there are.  Returns 0, or -1 after printing why. */
int ig_tender_confine(const struct ig_tender_volume *vols, int nvols,
                      int tap_fd, int tty, long stop_timeout, int verbose,
                      uint64_t mem_base, uint64_t mem_len);

/* ---- memory.c ---------------------------------------------------------- */

/* Maps the guest's memory, (len) bytes read/write, aligned so that
 * ig_tender_mem_allow() can bound the guest's mprotect calls, with the
 * reserve that rule needs above it mapped from (reserve_fd), a regular
 * file open read-only, which the guest can never make writable.  Returns
 * its base or NULL (errno). */
void *ig_tender_mem_map(uint64_t len, int reserve_fd);

/* Adds the rules that let the guest mprotect pages of [base, base + len),
 * the region ig_tender_mem_map() returned, without PROT_EXEC.  Returns 0,
 * or -1 after printing why. */
int ig_tender_mem_allow(scmp_filter_ctx ctx, uint64_t base, uint64_t len);

/* ---- vdso.c ------------------------------------------------------------ */

/* The address of the function (name) in the in-memory shared object of
 * (len) bytes at (image) (the vDSO: an x86-64 ET_DYN whose first PT_LOAD
 * segment starts with its ELF header), relocated to where (image) lies.
 * Returns 0 when (image) is not such an object, (name) is not a function
 * it defines, or memory runs out. */
uint64_t ig_tender_vdso_sym(const void *image, size_t len, const char *name);

/* The address of the kernel's __vdso_clock_gettime in this process (what
 * the guest calls instead of the system call, pico_abi.h), or 0 when the
 * kernel maps no vDSO or it has none. */
uint64_t ig_tender_vdso_clock(void);

/* ---- sysnames.c (generated from libseccomp at build time) -------------- */

#define IG_TENDER_SYSNAMES 512
extern const char *const ig_tender_sysnames[IG_TENDER_SYSNAMES];

#endif /* INGOT_TENDER_H */
