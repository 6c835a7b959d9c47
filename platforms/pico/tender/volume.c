/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* volume.c: the host directories the tender shares with the guest. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
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
