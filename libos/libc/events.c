/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* events.c: eventfd(2) and its helpers. */
#include <ingot/vfs.h>

#include <sys/eventfd.h>
#include <unistd.h>

#include <ingot/posix.h>

int eventfd(unsigned int initval, int flags)
{
    if (flags & ~(EFD_SEMAPHORE | EFD_CLOEXEC | EFD_NONBLOCK))
        return (int)ig_posix_ret(-EINVAL);
    return (int)ig_posix_ret(ig_vfs_eventfd(initval,
                                            flags & (O_NONBLOCK | O_CLOEXEC),
                                            (flags & EFD_SEMAPHORE) != 0));
}

int eventfd_read(int fd, eventfd_t *value)
{
    return read(fd, value, sizeof(*value)) == sizeof(*value) ? 0 : -1;
}

int eventfd_write(int fd, eventfd_t value)
{
    return write(fd, &value, sizeof(value)) == sizeof(value) ? 0 : -1;
}
