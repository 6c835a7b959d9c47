/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* run_rootfs.c: `ingot run --rootfs DIR`: the directory as a cpio initrd. */
#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "run.h"

/* The tree is walked here rather than with archive_read_disk, which would
 * pull libacl into the static `ingot`; only regular files and directories
 * are archived (the guest's ramfs has nothing else). */
static int add_tree(struct archive *a, const char *host, const char *rel,
                    char *err, size_t errlen)
{
    struct stat st;

    if (lstat(host, &st) < 0) {
        snprintf(err, errlen, "%s: %s", host, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode))
        return 0;
    if (*rel) {
        struct archive_entry *e = archive_entry_new();
        archive_entry_copy_stat(e, &st);
        archive_entry_set_pathname(e, rel);
        if (S_ISDIR(st.st_mode))
            archive_entry_set_size(e, 0);
        int r = archive_write_header(a, e);
        archive_entry_free(e);
        if (r != ARCHIVE_OK) {
            snprintf(err, errlen, "%s: %s", host, archive_error_string(a));
            return -1;
        }
    }
    if (S_ISREG(st.st_mode)) {
        char buf[65536];
        ssize_t n;
        int fd = open(host, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            snprintf(err, errlen, "%s: %s", host, strerror(errno));
            return -1;
        }
        while ((n = read(fd, buf, sizeof(buf))) > 0)
            if (archive_write_data(a, buf, (size_t)n) != n) {
                snprintf(err, errlen, "%s: %s", host, archive_error_string(a));
                close(fd);
                return -1;
            }
        close(fd);
        if (n < 0) {
            snprintf(err, errlen, "%s: %s", host, strerror(errno));
            return -1;
        }
        return 0;
    }
    DIR *d = opendir(host);
    if (!d) {
        snprintf(err, errlen, "%s: %s", host, strerror(errno));
        return -1;
    }
    struct dirent *de;
    int r = 0;
    while (r == 0 && (de = readdir(d))) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        char *h = ig_xasprintf("%s/%s", host, de->d_name);
        char *s = *rel ? ig_xasprintf("%s/%s", rel, de->d_name)
                       : ig_xstrdup(de->d_name);
        r = add_tree(a, h, s, err, errlen);
        free(h);
        free(s);
    }
    closedir(d);
    return r;
}

int ig_run_rootfs(const char *src, char **initrd, int *is_temp, char *err,
                  size_t errlen)
{
    struct stat st;

    *initrd = NULL;
    *is_temp = 0;
    if (stat(src, &st) < 0) {
        snprintf(err, errlen, "--rootfs %s: %s", src, strerror(errno));
        return -1;
    }
    if (S_ISREG(st.st_mode)) {
        *initrd = ig_xstrdup(src); /* a cpio archive; the guest checks it */
        return 0;
    }
    if (!S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "--rootfs %s: not a directory or a file", src);
        return -1;
    }
    const char *tmp = getenv("TMPDIR");
    char *path =
        ig_xasprintf("%s/ingot-rootfs-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        free(path);
        return -1;
    }
    struct archive *a = archive_write_new();
    int r = -1;
    if (archive_write_set_format_cpio_newc(a) != ARCHIVE_OK ||
        archive_write_open_fd(a, fd) != ARCHIVE_OK)
        snprintf(err, errlen, "--rootfs %s: %s", src, archive_error_string(a));
    else if (add_tree(a, src, "", err, errlen) == 0) {
        if (archive_write_close(a) == ARCHIVE_OK)
            r = 0;
        else
            snprintf(err, errlen, "%s: %s", path, archive_error_string(a));
    }
    archive_write_free(a);
    close(fd);
    if (r < 0) {
        unlink(path);
        free(path);
        return -1;
    }
    *initrd = path;
    *is_temp = 1;
    return 0;
}
