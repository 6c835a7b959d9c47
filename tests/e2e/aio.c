/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* aio.c: POSIX asynchronous I/O: reads, writes, lists, notification. */
#include <aio.h>
#include <errno.h>
#include <fcntl.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../posix/ename.h"

/* Natively glibc runs the requests on threads too: the program only
 * waits (aio_suspend, sigwaitinfo, a semaphore) and reads the results. */
static sem_t noticed;
static volatile int notice_value;

static void wait_for(struct aiocb *cb)
{
    const struct aiocb *list[1] = {cb};

    while (aio_error(cb) == EINPROGRESS)
        aio_suspend(list, 1, NULL);
}

/* (cb) cleared for a request of (n) bytes at (off) of (fd) from or into
 * (buf). */
static void request(struct aiocb *cb, int fd, const void *buf, size_t n,
                    off_t off)
{
    memset(cb, 0, sizeof(*cb));
    cb->aio_fildes = fd;
    cb->aio_buf = (void *)buf;
    cb->aio_nbytes = n;
    cb->aio_offset = off;
}

static void noticed_fn(union sigval v)
{
    notice_value = v.sival_int;
    sem_post(&noticed);
}

int main(void)
{
    char path[64], buf[64];
    struct aiocb w, r, a[3];
    int fd;

    setvbuf(stdout, NULL, _IOLBF, 0);
    snprintf(path, sizeof(path), "/tmp/ingot-aio-%d", (int)getpid());
    fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);

    request(&w, fd, "hello, asynchronous world", 25, 0);
    printf("aio_write: %d\n", aio_write(&w));
    wait_for(&w);
    printf("aio_error: %s, aio_return: %ld\n", ename(aio_error(&w)),
           (long)aio_return(&w));

    memset(buf, 0, sizeof(buf));
    request(&r, fd, buf, 12, 7);
    printf("aio_read: %d\n", aio_read(&r));
    wait_for(&r);
    printf("read back: %ld \"%s\"\n", (long)aio_return(&r), buf);
    printf("aio_cancel of a finished request: %s\n",
           aio_cancel(fd, &r) == AIO_ALLDONE ? "AIO_ALLDONE" : "other");

    /* lio_listio, LIO_WAIT: three writes and a no-op. */
    const char *parts[] = {"AAAA", "BBBB", "CCCC"};
    struct aiocb nop;
    struct aiocb *list[4];
    for (int i = 0; i < 3; i++) {
        request(&a[i], fd, parts[i], 4, 100 + 4 * i);
        a[i].aio_lio_opcode = LIO_WRITE;
        list[i] = &a[i];
    }
    memset(&nop, 0, sizeof(nop));
    nop.aio_lio_opcode = LIO_NOP;
    list[3] = &nop;
    printf("lio_listio LIO_WAIT: %d\n", lio_listio(LIO_WAIT, list, 4, NULL));
    memset(buf, 0, sizeof(buf));
    pread(fd, buf, 12, 100);
    printf("after it: \"%s\", each %s %s %s\n", buf, ename(aio_error(&a[0])),
           ename(aio_error(&a[1])), ename(aio_error(&a[2])));
    for (int i = 0; i < 3; i++)
        aio_return(&a[i]);

    /* Completion by signal. */
    sigset_t set;
    siginfo_t si;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, NULL);
    request(&r, fd, buf, 5, 0);
    r.aio_sigevent.sigev_notify = SIGEV_SIGNAL;
    r.aio_sigevent.sigev_signo = SIGUSR1;
    r.aio_sigevent.sigev_value.sival_int = 31;
    aio_read(&r);
    int sig = sigwaitinfo(&set, &si);
    printf("signal: %s, SI_ASYNCIO %d, value %d, result %ld\n",
           sig == SIGUSR1 ? "SIGUSR1" : "other", si.si_code == SI_ASYNCIO,
           si.si_value.sival_int, (long)aio_return(&r));

    /* Completion by thread. */
    sem_init(&noticed, 0, 0);
    request(&r, fd, buf, 5, 0);
    r.aio_sigevent.sigev_notify = SIGEV_THREAD;
    r.aio_sigevent.sigev_notify_function = noticed_fn;
    r.aio_sigevent.sigev_value.sival_int = 32;
    aio_read(&r);
    sem_wait(&noticed);
    printf("thread: value %d\n", notice_value);
    wait_for(&r);
    aio_return(&r);

    /* A request on a descriptor that is not open. */
    request(&r, 999, buf, 1, 0);
    errno = 0;
    int rc = aio_read(&r);
    int e = errno;
    if (rc == 0)
        wait_for(&r);
    printf("bad descriptor: %s\n", rc == -1 ? ename(e) : ename(aio_error(&r)));

    close(fd);
    unlink(path);
    printf("aio: done\n");
    return 0;
}
