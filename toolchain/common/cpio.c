/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cpio.c: write a directory tree as a reproducible cpio "newc" archive. */
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ingot/host.h>

struct writer {
    struct archive *a;
    const char *root;
    unsigned long ino;
    char *err;
    size_t errlen;
};

static int fail(struct writer *w, const char *rel, const char *why)
{
    snprintf(w->err, w->errlen, "%s: %s", *rel ? rel : w->root, why);
    return -1;
}

/* The header carries only what the guest uses and what the tree says:
 * type, permission bits and size.  Owner, times, inode and device numbers
 * are fixed, so the same tree always gives the same bytes. */
static int put_header(struct writer *w, const char *rel, mode_t mode,
                      off_t size)
{
    struct archive_entry *e = archive_entry_new();

    if (!e)
        ig_host_oom();
    archive_entry_set_pathname(e, rel);
    archive_entry_set_mode(e, mode);
    archive_entry_set_size(e, S_ISREG(mode) ? size : 0);
    archive_entry_set_nlink(e, S_ISDIR(mode) ? 2 : 1);
    archive_entry_set_ino64(e, (la_int64_t)++w->ino);
    archive_entry_set_uid(e, 0);
    archive_entry_set_gid(e, 0);
    archive_entry_set_mtime(e, 0, 0);
    int r = archive_write_header(w->a, e);
    archive_entry_free(e);
    return r == ARCHIVE_OK ? 0 : fail(w, rel, archive_error_string(w->a));
}

static int put_data(struct writer *w, int fd, const char *rel)
{
    char buf[65536];
    ssize_t n;

    while ((n = read(fd, buf, sizeof(buf))) > 0)
        if (archive_write_data(w->a, buf, (size_t)n) != n) {
            close(fd);
            return fail(w, rel, archive_error_string(w->a));
        }
    int e = errno;
    close(fd);
    return n < 0 ? fail(w, rel, strerror(e)) : 0;
}

/* The tree is walked here rather than with archive_read_disk, which would
 * pull libacl into the static tools; only regular files and directories
 * are archived (the guest's ramfs has nothing else), in strcmp order. */
static int add_tree(struct writer *w, const char *host, const char *rel)
{
    struct stat st;

    if (lstat(host, &st) < 0)
        return fail(w, rel, strerror(errno));
    if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode))
        return 0;
    if (S_ISREG(st.st_mode)) {
        /* Opened before the header goes out, so an unreadable file is
         * reported as such rather than as a short entry. */
        int fd = open(host, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return fail(w, rel, strerror(errno));
        if (put_header(w, rel, st.st_mode & (S_IFMT | 07777), st.st_size)) {
            close(fd);
            return -1;
        }
        return put_data(w, fd, rel);
    }
    if (*rel && put_header(w, rel, st.st_mode & (S_IFMT | 07777), 0))
        return -1;
    struct ig_strvec names = {0};
    int r = ig_strvec_readdir(&names, host, 0);
    if (r < 0)
        return fail(w, rel, strerror(-r));
    for (size_t i = 0; i < names.n && r == 0; i++) {
        char *h = ig_xasprintf("%s/%s", host, names.v[i]);
        char *s = *rel ? ig_xasprintf("%s/%s", rel, names.v[i])
                       : ig_xstrdup(names.v[i]);
        r = add_tree(w, h, s);
        free(h);
        free(s);
    }
    ig_strvec_free(&names);
    return r;
}

int ig_cpio_write_tree(const char *dir, int fd, char *err, size_t errlen)
{
    struct stat st;

    if (stat(dir, &st) < 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "not a directory");
        return -1;
    }
    struct writer w = {
        .a = archive_write_new(), .root = ".", .err = err, .errlen = errlen};
    if (!w.a)
        ig_host_oom();
    int r = -1;
    if (archive_write_set_format_cpio_newc(w.a) != ARCHIVE_OK ||
        archive_write_set_bytes_in_last_block(w.a, 1) != ARCHIVE_OK ||
        archive_write_open_fd(w.a, fd) != ARCHIVE_OK)
        snprintf(err, errlen, "%s", archive_error_string(w.a));
    else if (add_tree(&w, dir, "") == 0) {
        if (archive_write_close(w.a) == ARCHIVE_OK)
            r = 0;
        else
            snprintf(err, errlen, "%s", archive_error_string(w.a));
    }
    archive_write_free(w.a);
    return r;
}
