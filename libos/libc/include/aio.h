/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* aio.h: POSIX asynchronous I/O, carried out by library-OS threads. */
#ifndef INGOT_AIO_H
#define INGOT_AIO_H

/*
 * aio_read()/aio_write()/aio_fsync() queue a request on a control block
 * the program keeps until aio_error() says it is no longer EINPROGRESS;
 * aio_return() then gives its result once.  Each request runs in a thread
 * of its own (pread, pwrite, fsync), so it progresses whenever the
 * submitting thread blocks or yields (aio_suspend(), any wait).
 */

#include <signal.h>
#include <sys/types.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

/* glibc's layout on x86-64. */
struct aiocb {
    int aio_fildes;
    int aio_lio_opcode;
    int aio_reqprio;
    volatile void *aio_buf;
    size_t aio_nbytes;
    struct sigevent aio_sigevent;
    struct aiocb *__next;
    int __state; /* the library OS's: queued, running, done */
    int __group;
    int __error_code;
    ssize_t __return_value;
    off_t aio_offset;
    char __reserved[32];
};

#define AIO_CANCELED 0
#define AIO_NOTCANCELED 1
#define AIO_ALLDONE 2

#define LIO_READ 0
#define LIO_WRITE 1
#define LIO_NOP 2

#define LIO_WAIT 0
#define LIO_NOWAIT 1

int aio_read(struct aiocb *cb);
int aio_write(struct aiocb *cb);
int aio_fsync(int op, struct aiocb *cb);
int aio_error(const struct aiocb *cb);
ssize_t aio_return(struct aiocb *cb);
int aio_suspend(const struct aiocb *const list[], int n,
                const struct timespec *timeout);
int aio_cancel(int fd, struct aiocb *cb);
int lio_listio(int mode, struct aiocb *const list[], int n,
               struct sigevent *sev);

#ifdef __cplusplus
}
#endif

#endif /* INGOT_AIO_H */
