/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* oci_archive.c: oci-archive tars (libarchive) and safe member paths. */
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "oci_internal.h"

int ig_oci_path_safe(const char *name)
{
    if (!*name || name[0] == '/')
        return 0;
    for (const char *p = name; *p;) {
        size_t n = strcspn(p, "/");
        if (n == 2 && p[0] == '.' && p[1] == '.')
            return 0;
        p += n;
        if (*p == '/')
            p++;
    }
    return 1;
}

struct packer {
    struct archive *a;
    char *err;
    size_t errlen;
};

static int pack_header(struct packer *p, const char *rel, mode_t mode,
                       int64_t size)
{
    struct archive_entry *e = archive_entry_new();

    if (!e)
        ig_host_oom();
    archive_entry_set_pathname(e, rel);
    archive_entry_set_mode(e, mode);
    archive_entry_set_size(e, size);
    archive_entry_set_uid(e, 0);
    archive_entry_set_gid(e, 0);
    archive_entry_set_mtime(e, 0, 0);
    int r = archive_write_header(p->a, e);
    archive_entry_free(e);
    if (r != ARCHIVE_OK)
        snprintf(p->err, p->errlen, "%s: %s", rel, archive_error_string(p->a));
    return r == ARCHIVE_OK ? 0 : -1;
}

/* Adds (host) as (rel): the layout holds only directories and regular
 * files, written in strcmp order with fixed owners, modes and times. */
static int pack_tree(struct packer *p, const char *host, const char *rel)
{
    struct stat st;

    if (lstat(host, &st) < 0) {
        snprintf(p->err, p->errlen, "%s: %s", host, strerror(errno));
        return -1;
    }
    if (S_ISREG(st.st_mode)) {
        int fd = open(host, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            snprintf(p->err, p->errlen, "%s: %s", host, strerror(errno));
            return -1;
        }
        int r = pack_header(p, rel, S_IFREG | 0644, st.st_size);
        char buf[65536];
        ssize_t n = 0;
        while (r == 0 && (n = read(fd, buf, sizeof(buf))) > 0)
            if (archive_write_data(p->a, buf, (size_t)n) != n) {
                snprintf(p->err, p->errlen, "%s: %s", rel,
                         archive_error_string(p->a));
                r = -1;
            }
        if (r == 0 && n < 0) {
            snprintf(p->err, p->errlen, "%s: %s", host, strerror(errno));
            r = -1;
        }
        close(fd);
        return r;
    }
    if (!S_ISDIR(st.st_mode))
        return 0;
    if (*rel && pack_header(p, rel, S_IFDIR | 0755, 0) < 0)
        return -1;
    /* Skip ".", "..", and leftovers of interrupted writes. */
    struct ig_strvec names = {0};
    int r = ig_strvec_readdir(&names, host, 1);
    if (r < 0) {
        snprintf(p->err, p->errlen, "%s: %s", host, strerror(-r));
        return -1;
    }
    for (size_t i = 0; i < names.n && r == 0; i++) {
        char *h = ig_xasprintf("%s/%s", host, names.v[i]);
        char *s = *rel ? ig_xasprintf("%s/%s", rel, names.v[i])
                       : ig_xstrdup(names.v[i]);
        r = pack_tree(p, h, s);
        free(h);
        free(s);
    }
    ig_strvec_free(&names);
    return r;
}

int ig_oci_archive_pack(const char *dir, const char *file, char *err,
                        size_t errlen)
{
    char *tmp = ig_xasprintf("%s.tmp-XXXXXX", file);
    int fd = mkstemp(tmp);

    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
        free(tmp);
        return -1;
    }
    struct packer p = {.a = archive_write_new(), .err = err, .errlen = errlen};
    if (!p.a)
        ig_host_oom();
    int r = -1;
    if (archive_write_set_format_ustar(p.a) != ARCHIVE_OK ||
        archive_write_open_fd(p.a, fd) != ARCHIVE_OK)
        snprintf(err, errlen, "%s: %s", file, archive_error_string(p.a));
    else if (pack_tree(&p, dir, "") == 0) {
        if (archive_write_close(p.a) != ARCHIVE_OK)
            snprintf(err, errlen, "%s: %s", file, archive_error_string(p.a));
        else
            r = 0;
    }
    archive_write_free(p.a);
    if (fchmod(fd, 0644) < 0 && r == 0) {
        snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
        r = -1;
    }
    if (close(fd) < 0 && r == 0) {
        snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
        r = -1;
    }
    if (r == 0 && rename(tmp, file) < 0) {
        snprintf(err, errlen, "%s: %s", file, strerror(errno));
        r = -1;
    }
    if (r < 0)
        unlink(tmp);
    free(tmp);
    return r;
}
