/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* oci_layer.c: the image layer, a reproducible tar(.gz) made with libarchive.
 */
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

static int put_entry(struct archive *a, const char *name, mode_t mode,
                     int64_t mtime, const char *src, char *err, size_t errlen)
{
    struct archive_entry *e = archive_entry_new();
    int fd = -1, r = -1;
    struct stat st = {0};

    if (!e)
        ig_host_oom();
    if (src &&
        ((fd = open(src, O_RDONLY | O_CLOEXEC)) < 0 || fstat(fd, &st) < 0)) {
        snprintf(err, errlen, "%s: %s", src, strerror(errno));
        goto out;
    }
    archive_entry_set_pathname(e, name);
    archive_entry_set_mode(e, mode);
    archive_entry_set_size(e, src ? st.st_size : 0);
    archive_entry_set_uid(e, 0);
    archive_entry_set_gid(e, 0);
    archive_entry_set_uname(e, "root");
    archive_entry_set_gname(e, "root");
    archive_entry_set_mtime(e, mtime, 0);
    if (archive_write_header(a, e) != ARCHIVE_OK) {
        snprintf(err, errlen, "%s: %s", name, archive_error_string(a));
        goto out;
    }
    char buf[65536];
    ssize_t n = 0;
    while (src && (n = read(fd, buf, sizeof(buf))) > 0)
        if (archive_write_data(a, buf, (size_t)n) != n) {
            snprintf(err, errlen, "%s: %s", name, archive_error_string(a));
            goto out;
        }
    if (n < 0)
        snprintf(err, errlen, "%s: %s", src, strerror(errno));
    else
        r = 0;
out:
    if (fd >= 0)
        close(fd);
    archive_entry_free(e);
    return r;
}

/* Writes the uncompressed tar to (fd). */
static int write_tar(int fd, const char *kernel, const char *rootfs,
                     int64_t mtime, char *err, size_t errlen)
{
    struct archive *a = archive_write_new();
    int r = -1;

    if (!a)
        ig_host_oom();
    /* ustar: no pax records, so nothing (atime, ctime) varies per run. */
    if (archive_write_set_format_ustar(a) != ARCHIVE_OK ||
        archive_write_set_bytes_in_last_block(a, 1) != ARCHIVE_OK ||
        archive_write_open_fd(a, fd) != ARCHIVE_OK)
        snprintf(err, errlen, "layer: %s", archive_error_string(a));
    else if (put_entry(a, "ingot/", AE_IFDIR | 0755, mtime, NULL, err,
                       errlen) == 0 &&
             put_entry(a, IG_OCI_KERNEL_PATH, AE_IFREG | 0755, mtime, kernel,
                       err, errlen) == 0 &&
             (!rootfs || put_entry(a, IG_OCI_ROOTFS_PATH, AE_IFREG | 0644,
                                   mtime, rootfs, err, errlen) == 0)) {
        if (archive_write_close(a) == ARCHIVE_OK)
            r = 0;
        else
            snprintf(err, errlen, "layer: %s", archive_error_string(a));
    }
    archive_write_free(a);
    return r;
}

/* Compresses file (src) into (fd) with libarchive's gzip filter: no file
 * name and no time in the header, and no block padding after the stream
 * (which some gzip readers reject as a second, broken member). */
static int gzip_file(const char *src, int fd, char *err, size_t errlen)
{
    struct archive *a = archive_write_new();
    int r = -1;

    if (!a)
        ig_host_oom();
    if (archive_write_set_format_raw(a) != ARCHIVE_OK ||
        archive_write_add_filter_gzip(a) != ARCHIVE_OK ||
        archive_write_set_filter_option(a, "gzip", "timestamp", NULL) !=
            ARCHIVE_OK ||
        archive_write_set_bytes_in_last_block(a, 1) != ARCHIVE_OK ||
        archive_write_open_fd(a, fd) != ARCHIVE_OK)
        snprintf(err, errlen, "layer: %s", archive_error_string(a));
    else if (put_entry(a, "layer.tar", AE_IFREG | 0644, 0, src, err, errlen) ==
             0) {
        if (archive_write_close(a) == ARCHIVE_OK)
            r = 0;
        else
            snprintf(err, errlen, "layer: %s", archive_error_string(a));
    }
    archive_write_free(a);
    return r;
}

int ig_oci_layer_write(const char *out, const char *kernel, const char *rootfs,
                       int gzip, int64_t mtime, char diff_id[IG_OCI_DIGEST_LEN],
                       char *err, size_t errlen)
{
    char *tar = gzip ? ig_xasprintf("%s.tar", out) : ig_xstrdup(out);
    int fd = open(tar, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    int r = -1;

    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", tar, strerror(errno));
        free(tar);
        return -1;
    }
    r = write_tar(fd, kernel, rootfs, mtime, err, errlen);
    close(fd);
    if (r == 0 && ig_oci_sha256_file(tar, diff_id) < 0) {
        snprintf(err, errlen, "%s: %s", tar, strerror(errno));
        r = -1;
    }
    if (r == 0 && gzip) {
        fd = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) {
            snprintf(err, errlen, "%s: %s", out, strerror(errno));
            r = -1;
        } else {
            r = gzip_file(tar, fd, err, errlen);
            close(fd);
        }
    }
    if (gzip)
        unlink(tar);
    free(tar);
    return r;
}

/* Opens layer (blob) for reading in (format): "raw" (the uncompressed
 * stream) or "tar", requiring gzip exactly when (mt) says so. */
static struct archive *open_layer(const char *blob, const char *mt, int tar,
                                  char *err, size_t errlen)
{
    int gz = strcmp(mt, IG_OCI_MT_LAYER_GZIP) == 0;
    struct archive *a = archive_read_new();
    struct archive_entry *e;

    if (!a)
        ig_host_oom();
    if (!gz && strcmp(mt, IG_OCI_MT_LAYER) != 0) {
        snprintf(err, errlen, "layer: media type %s is not a tar layer", mt);
        goto fail;
    }
    if (tar)
        archive_read_support_format_tar(a);
    else
        archive_read_support_format_raw(a);
    if (gz)
        archive_read_support_filter_gzip(a);
    if (archive_read_open_filename(a, blob, 65536) != ARCHIVE_OK) {
        snprintf(err, errlen, "layer: %s", archive_error_string(a));
        goto fail;
    }
    if (gz && archive_filter_code(a, 0) != ARCHIVE_FILTER_GZIP) {
        snprintf(err, errlen, "layer: not gzip data, but its media type is %s",
                 mt);
        goto fail;
    }
    if (!tar && archive_read_next_header(a, &e) != ARCHIVE_OK) {
        snprintf(err, errlen, "layer: %s", archive_error_string(a));
        goto fail;
    }
    return a;
fail:
    archive_read_free(a);
    return NULL;
}

static int check_diff_id(const char *blob, const char *mt, const char *diff_id,
                         char *err, size_t errlen)
{
    struct archive *a = open_layer(blob, mt, 0, err, errlen);
    if (!a)
        return -1;
    struct ig_oci_hash *h = ig_oci_hash_new();
    char buf[65536], got[IG_OCI_DIGEST_LEN];
    la_ssize_t n;
    uint64_t total = 0;

    while ((n = archive_read_data(a, buf, sizeof(buf))) > 0 &&
           (total += (uint64_t)n) <= IG_OCI_LAYER_MAX)
        ig_oci_hash_update(h, buf, (size_t)n);
    ig_oci_hash_end(h, got);
    int r = -1;
    if (n < 0)
        snprintf(err, errlen, "layer: corrupt compressed data: %s",
                 archive_error_string(a));
    else if (total > IG_OCI_LAYER_MAX)
        snprintf(err, errlen, "layer: more than %llu bytes uncompressed",
                 (unsigned long long)IG_OCI_LAYER_MAX);
    else if (strcmp(got, diff_id) != 0)
        snprintf(err, errlen,
                 "layer: uncompressed digest %s does not match the config's "
                 "diff_id %s",
                 got, diff_id);
    else
        r = 0;
    archive_read_free(a);
    return r;
}

static int write_member(struct archive *a, const char *dest, char *err,
                        size_t errlen)
{
    int fd =
        open(dest, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0755);
    char buf[65536];
    la_ssize_t n = 0;
    int bad = 0;

    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", dest, strerror(errno));
        return -1;
    }
    while (!bad && (n = archive_read_data(a, buf, sizeof(buf))) > 0) {
        int e = ig_write_all(fd, buf, (size_t)n);
        if (e < 0) {
            snprintf(err, errlen, "%s: %s", dest, strerror(-e));
            bad = 1;
        }
    }
    if (!bad && n < 0) {
        snprintf(err, errlen, "layer: %s", archive_error_string(a));
        bad = 1;
    }
    if (close(fd) < 0 && !bad) {
        snprintf(err, errlen, "%s: %s", dest, strerror(errno));
        bad = 1;
    }
    return bad ? -1 : 0;
}

int ig_oci_layer_extract(const char *blob, const char *mt, const char *diff_id,
                         struct ig_oci_pick *pick, size_t npick, char *err,
                         size_t errlen)
{
    if (check_diff_id(blob, mt, diff_id, err, errlen) < 0)
        return -1;
    struct archive *a = open_layer(blob, mt, 1, err, errlen);
    struct archive_entry *e;
    int st = ARCHIVE_EOF, r = 0;

    if (!a)
        return -1;
    while (r == 0 && (st = archive_read_next_header(a, &e)) == ARCHIVE_OK) {
        const char *name = archive_entry_pathname(e);
        if (!name || !ig_oci_path_safe(name)) {
            snprintf(err, errlen,
                     "layer: member %s: absolute or \"..\" path refused",
                     name ? name : "(unnamed)");
            r = -1;
            break;
        }
        while (name[0] == '.' && name[1] == '/')
            name += 2;
        for (size_t i = 0; i < npick && r == 0; i++) {
            if (strcmp(name, pick[i].member) != 0)
                continue;
            if (pick[i].found || archive_entry_filetype(e) != AE_IFREG) {
                snprintf(err, errlen, "layer: member %s: %s", name,
                         pick[i].found ? "appears twice"
                                       : "not a regular file");
                r = -1;
            } else {
                pick[i].found = 1;
                r = write_member(a, pick[i].dest, err, errlen);
            }
        }
    }
    if (r == 0 && st != ARCHIVE_EOF) {
        snprintf(err, errlen, "layer: not a valid tar archive: %s",
                 archive_error_string(a));
        r = -1;
    }
    for (size_t i = 0; i < npick && r == 0; i++)
        if (!pick[i].found) {
            snprintf(err, errlen, "layer: no member %s", pick[i].member);
            r = -1;
        }
    archive_read_free(a);
    return r;
}
