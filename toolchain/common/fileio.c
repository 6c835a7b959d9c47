/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fileio.c: writing whole buffers, with the true reason when that fails. */
#include <errno.h>
#include <unistd.h>

#include <ingot/host.h>

int ig_write_all(int fd, const void *buf, size_t len)
{
    const char *p = buf;

    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -errno;
        if (n == 0)
            return -ENOSPC; /* no progress and no errno to go by */
        p += n;
        len -= (size_t)n;
    }
    return 0;
}
