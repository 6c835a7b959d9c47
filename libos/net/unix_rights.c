/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* unix_rights.c: descriptors passed over AF_UNIX sockets (SCM_RIGHTS). */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "unix_internal.h"

#define RIGHTS_MAX 253 /* Linux's SCM_MAX_FD */

/* An open file in flight is held without being a descriptor
 * (ig_file_hold), so dropping it unreceived is not a close of the
 * process's: its record locks stay. */
void ig_unix_rights_drop(struct ig_file **files, int n)
{
    for (int i = 0; i < n; i++)
        ig_file_drop(files[i]);
    free(files);
}

int ig_unix_rights_take(const struct msghdr *msg, struct ig_file ***out,
                        int *nout)
{
    struct ig_file **files = NULL;
    int n = 0;

    *out = NULL;
    *nout = 0;
    if (!msg->msg_control || msg->msg_controllen < sizeof(struct cmsghdr))
        return 0;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(msg); c;
         c = CMSG_NXTHDR((struct msghdr *)msg, c)) {
        if (c->cmsg_len < CMSG_LEN(0) ||
            c->cmsg_len > msg->msg_controllen -
                              (size_t)((char *)c - (char *)msg->msg_control)) {
            ig_unix_rights_drop(files, n);
            return -EINVAL;
        }
        if (c->cmsg_level != SOL_SOCKET)
            continue;
        if (c->cmsg_type != SCM_RIGHTS) { /* credentials are not kept */
            ig_unix_rights_drop(files, n);
            return c->cmsg_type == SCM_CREDENTIALS ? -EOPNOTSUPP : -EINVAL;
        }
        size_t k = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        if (k > (size_t)(RIGHTS_MAX - n)) {
            ig_unix_rights_drop(files, n);
            return -EINVAL;
        }
        struct ig_file **more =
            realloc(files, sizeof(*files) * (size_t)(n + (int)k + 1));
        if (!more) {
            ig_unix_rights_drop(files, n);
            return -ENOMEM;
        }
        files = more;
        for (size_t i = 0; i < k; i++) {
            int fd;
            memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
            struct ig_file *f = ig_fd_get(fd);
            if (!f) {
                ig_unix_rights_drop(files, n);
                return -EBADF;
            }
            ig_file_hold(f);
            files[n++] = f;
        }
    }
    if (n == 0) {
        free(files);
        return 0;
    }
    *out = files;
    *nout = n;
    return 0;
}

void ig_unix_rights_give(struct msghdr *msg, struct ig_file **files, int n,
                         int flags)
{
    size_t cap = msg->msg_control ? msg->msg_controllen : 0;
    int fit = 0;

    msg->msg_controllen = 0;
    if (n == 0)
        return;
    if (cap >= CMSG_LEN(sizeof(int)))
        fit = (int)((cap - CMSG_LEN(0)) / sizeof(int));
    if (fit > n)
        fit = n;
    int given = 0;
    struct cmsghdr *c = msg->msg_control;
    for (int i = 0; i < fit; i++) {
        int fd = ig_fd_alloc(files[i], 0, (flags & MSG_CMSG_CLOEXEC) != 0);
        if (fd < 0)
            break;       /* EMFILE: the rest are closed, as Linux does */
        files[i] = NULL; /* the descriptor owns this reference now */
        memcpy(CMSG_DATA(c) + (size_t)given * sizeof(int), &fd, sizeof(int));
        given++;
    }
    if (given > 0) {
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)given);
        msg->msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)given);
        if (msg->msg_controllen > cap)
            msg->msg_controllen = c->cmsg_len;
    }
    if (given < n)
        msg->msg_flags |= MSG_CTRUNC;
    for (int i = given; i < n; i++)
        if (files[i])
            ig_file_drop(files[i]);
    free(files);
}
