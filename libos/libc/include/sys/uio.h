/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys/uio.h: scatter/gather I/O, which newlib does not declare. */
#ifndef INGOT_SYS_UIO_H
#define INGOT_SYS_UIO_H

#include <sys/types.h>

#define IOV_MAX 1024

struct iovec {
    void *iov_base;
    size_t iov_len;
};

ssize_t readv(int fd, const struct iovec *iov, int iovcnt);
ssize_t writev(int fd, const struct iovec *iov, int iovcnt);
ssize_t preadv(int fd, const struct iovec *iov, int iovcnt, off_t off);
ssize_t pwritev(int fd, const struct iovec *iov, int iovcnt, off_t off);

#endif /* INGOT_SYS_UIO_H */
