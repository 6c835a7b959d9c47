/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* volume.c: the host directories the tender shares with the guest. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tender.h"

int ig_tender_volume_parse(const char *arg, int ro, struct ig_tender_volume *v,
                           char *err, size_t errlen)
{
    const char *eq = strchr(arg, '=');
    size_t n = eq ? (size_t)(eq - arg) : 0;

    memset(v, 0, sizeof(*v));
    v->fd = -1;
    if (!eq || n == 0 || n >= sizeof(v->tag)) {
        snprintf(err, errlen,
                 "expected TAG=DIR with a TAG of 1-15 "
                 "characters");
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        char c = arg[i];
        if (!(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') &&
            !(c >= '0' && c <= '9') && c != '_' && c != '-') {
            snprintf(err, errlen,
                     "TAG may hold only letters, digits, '_' "
                     "and '-'");
            return -1;
        }
    }
    if (!eq[1]) {
        snprintf(err, errlen, "no directory after '='");
        return -1;
    }
    memcpy(v->tag, arg, n);
    v->dir = eq + 1;
    v->ro = ro;
    return 0;
}

int ig_tender_volume_open(struct ig_tender_volume *v, int want, char *err,
                          size_t errlen)
{
    struct stat st;
    int fd = open(v->dir, O_PATH | O_DIRECTORY);

    if (fd < 0) {
        snprintf(err, errlen, "%s",
                 errno == ENOTDIR ? "not a directory" : strerror(errno));
        return -1;
    }
    if (fstat(fd, &st) < 0 || !S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "not a directory");
        close(fd);
        return -1;
    }
    /* A private copy of the mount, nodev, nosuid and noexec, and read-only
     * for a read-only volume: the kernel then refuses what Landlock does
     * not govern (timestamps through a read-only descriptor, device nodes
     * placed in the directory).  It needs CAP_SYS_ADMIN over the mount
     * namespace; without it the directory is used as it is, and
     * ig_tender_volume_allow() turns utimensat away instead. */
    int m = open_tree(fd, "", OPEN_TREE_CLONE | AT_RECURSIVE | AT_EMPTY_PATH);
    struct mount_attr attr = {
        .attr_set = MOUNT_ATTR_NODEV | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NOEXEC |
                    (v->ro ? MOUNT_ATTR_RDONLY : 0),
    };
    if (m >= 0 && mount_setattr(m, "", AT_EMPTY_PATH | AT_RECURSIVE, &attr,
                                sizeof(attr)) == 0) {
        close(fd);
        fd = m;
        v->sealed = 1;
    } else if (m >= 0) {
        close(m);
    }
    if (fd != want) {
        if (dup2(fd, want) < 0) {
            snprintf(err, errlen, "dup2: %s", strerror(errno));
            close(fd);
            return -1;
        }
        close(fd);
        fd = want;
    }
    v->fd = fd;
    return 0;
}

/*
 * Descriptor arguments of the volume calls must lie in [3, 1023]: not
 * stdio and not AT_FDCWD (or any other value the kernel would read as a
 * negative int).  libseccomp takes one comparison per argument and rule,
 * so the range is the union of ranges one mask each: 3, 4-7, 8-15, ...,
 * 512-1023.  ig_tender_confine() caps RLIMIT_NOFILE at 1024 to match.
 */
#define FD_RANGES 9

static struct scmp_arg_cmp fd_range(unsigned arg, int i)
{
    scmp_datum_t lo = i == 0 ? 3 : (scmp_datum_t)4 << (i - 1);
    scmp_datum_t mask = i == 0 ? ~(scmp_datum_t)0 : ~(lo - 1);
    struct scmp_arg_cmp c = {arg, SCMP_CMP_MASKED_EQ, mask, lo};
    return c;
}

/* Adds (rule) once per descriptor range of argument (arg). */
static int allow_fd(scmp_filter_ctx ctx, struct ig_tender_rule rule,
                    unsigned arg)
{
    int r = 0;

    for (int i = 0; r == 0 && i < FD_RANGES; i++) {
        rule.cmp[rule.ncmp - 1] = fd_range(arg, i);
        r = ig_tender_allow(ctx, &rule, 1);
    }
    return r;
}

/* Adds (rule) for argument (arg) in the aligned block of (size)
 * descriptors at (lo), less descriptor (except): the block's halves
 * down to the one descriptor. */
static int allow_block(scmp_filter_ctx ctx, struct ig_tender_rule rule,
                       unsigned arg, scmp_datum_t lo, scmp_datum_t size,
                       int except)
{
    if (except >= 0 && (scmp_datum_t)except >= lo &&
        (scmp_datum_t)except < lo + size) {
        if (size == 1)
            return 0;
        int r = allow_block(ctx, rule, arg, lo, size / 2, except);
        return r ? r
                 : allow_block(ctx, rule, arg, lo + size / 2, size / 2, except);
    }
    rule.cmp[rule.ncmp - 1] =
        (struct scmp_arg_cmp){arg, SCMP_CMP_MASKED_EQ, ~(size - 1), lo};
    return ig_tender_allow(ctx, &rule, 1);
}

/* As allow_fd(), but never for descriptor (except) (-1: none). */
static int allow_fd_except(scmp_filter_ctx ctx, struct ig_tender_rule rule,
                           unsigned arg, int except)
{
    int r = 0;

    for (int i = 0; r == 0 && i < FD_RANGES; i++) {
        scmp_datum_t lo = i == 0 ? 3 : (scmp_datum_t)4 << (i - 1);
        r = allow_block(ctx, rule, arg, lo, i == 0 ? 1 : lo, except);
    }
    return r;
}

int ig_tender_volume_allow(scmp_filter_ctx ctx,
                           const struct ig_tender_volume *vols, int nvols,
                           int tap_fd)
{
    /* The calls of platforms/pico/hostdir.c, each on a descriptor (its
     * first argument) the tender opened or the guest opened beneath one. */
    static const struct ig_tender_rule on_fd[] = {
        {"openat2(volume fd)", SCMP_SYS(openat2), 1, {{0}}},
        {"pread64(volume fd)", SCMP_SYS(pread64), 1, {{0}}},
        {"pwrite64(volume fd)", SCMP_SYS(pwrite64), 1, {{0}}},
        {"fstat(volume fd)", SCMP_SYS(fstat), 1, {{0}}},
        {"ftruncate(volume fd)", SCMP_SYS(ftruncate), 1, {{0}}},
        {"fsync(volume fd)", SCMP_SYS(fsync), 1, {{0}}},
        {"close(volume fd)", SCMP_SYS(close), 1, {{0}}},
        {"getdents64(volume fd)", SCMP_SYS(getdents64), 1, {{0}}},
        {"mkdirat(volume fd)", SCMP_SYS(mkdirat), 1, {{0}}},
        {"unlinkat(volume fd)", SCMP_SYS(unlinkat), 1, {{0}}},
        {"readlinkat(volume fd)", SCMP_SYS(readlinkat), 1, {{0}}},
        {"fstatfs(volume fd)", SCMP_SYS(fstatfs), 1, {{0}}},
    };
    int r = 0;

    for (size_t i = 0; r == 0 && i < sizeof(on_fd) / sizeof(on_fd[0]); i++)
        r = allow_fd(ctx, on_fd[i], 0);
    /* symlinkat(target, newdirfd, linkpath): the directory is argument 1. */
    if (r == 0)
        r = allow_fd(ctx,
                     (struct ig_tender_rule){
                         "symlinkat(volume fd)", SCMP_SYS(symlinkat), 1, {{0}}},
                     1);
    /* utimensat only on the descriptor itself (a NULL path): Landlock
     * does not govern timestamps, so no path may name another file.  Nor
     * does it tell a read-only descriptor from another: unless every
     * read-only volume is a read-only mount (sealed), no descriptor may
     * change timestamps, and the guest gets EROFS. */
    int unsealed_ro = 0;
    for (int i = 0; i < nvols; i++)
        unsealed_ro |= vols[i].ro && !vols[i].sealed;
    if (r == 0 && unsealed_ro) {
        r = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EROFS), SCMP_SYS(utimensat),
                             0);
        if (r < 0)
            fprintf(stderr, "ingot-pico: seccomp: rule utimensat(EROFS): %s\n",
                    strerror(-r));
    } else if (r == 0)
        r = allow_fd(ctx,
                     (struct ig_tender_rule){"utimensat(volume fd, NULL)",
                                             SCMP_SYS(utimensat),
                                             2,
                                             {IG_TENDER_ARG_EQ(1, 0), {0}}},
                     0);
    /* fchmod only on a descriptor (no path: Landlock does not govern
     * modes either, and fchmodat would follow a link out of the volume),
     * never the tap device's (its mode is the host's /dev/net/tun), and,
     * as utimensat, EROFS for all when a read-only volume is not sealed:
     * otherwise its descriptors could change the host's modes. */
    if (r == 0 && unsealed_ro) {
        r = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EROFS), SCMP_SYS(fchmod), 0);
        if (r < 0)
            fprintf(stderr, "ingot-pico: seccomp: rule fchmod(EROFS): %s\n",
                    strerror(-r));
    } else if (r == 0)
        r = allow_fd_except(
            ctx,
            (struct ig_tender_rule){
                "fchmod(volume fd)", SCMP_SYS(fchmod), 1, {{0}}},
            0, tap_fd);
    /* renameat between two volume descriptors: every pair of ranges. */
    for (int i = 0; r == 0 && i < FD_RANGES; i++) {
        struct ig_tender_rule rule = {"renameat(volume fd, volume fd)",
                                      SCMP_SYS(renameat),
                                      2,
                                      {fd_range(2, i), {0}}};
        r = allow_fd(ctx, rule, 0);
    }
    return r < 0 ? -1 : 0;
}
