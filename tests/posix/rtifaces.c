/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* rtifaces.c: every threads and realtime interface of issue 16 compiles
 * (-Wall -Werror) and links, and the options advertised agree with
 * sysconf; the output must be identical on Ingot and on Linux. */
#define _GNU_SOURCE
#include <aio.h>
#include <fcntl.h>
#include <limits.h>
#include <mqueue.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

_Static_assert(CLOCKS_PER_SEC == 1000000, "XSI's CLOCKS_PER_SEC");

/* Whether an option is supported, by its macro (> 0: always; 0: ask
 * sysconf; undefined or -1: never) and sysconf, and whether the two
 * agree.  Linux has 0 for a few options the image always has (clocks). */
#define STR_(x) #x
#define STR(x) STR_(x)
#define OPTION(m, sc) option(#m, STR(m), sysconf(sc))

static void option(const char *name, const char *macro, long sc)
{
    long v = macro[0] == '_' ? -1 : atol(macro);
    int yes = v > 0 || (v == 0 && sc > 0);

    printf("%-34s %s%s\n", name, yes ? "supported" : "unsupported",
           v > 0 && sc != v ? ", but sysconf disagrees" : "");
}

static void options(void)
{
    OPTION(_POSIX_THREADS, _SC_THREADS);
    OPTION(_POSIX_THREAD_PRIORITY_SCHEDULING, _SC_THREAD_PRIORITY_SCHEDULING);
    OPTION(_POSIX_THREAD_PRIO_INHERIT, _SC_THREAD_PRIO_INHERIT);
    OPTION(_POSIX_THREAD_PRIO_PROTECT, _SC_THREAD_PRIO_PROTECT);
    OPTION(_POSIX_THREAD_ATTR_STACKSIZE, _SC_THREAD_ATTR_STACKSIZE);
    OPTION(_POSIX_THREAD_ATTR_STACKADDR, _SC_THREAD_ATTR_STACKADDR);
    OPTION(_POSIX_THREAD_PROCESS_SHARED, _SC_THREAD_PROCESS_SHARED);
    OPTION(_POSIX_THREAD_CPUTIME, _SC_THREAD_CPUTIME);
    OPTION(_POSIX_PRIORITY_SCHEDULING, _SC_PRIORITY_SCHEDULING);
    OPTION(_POSIX_BARRIERS, _SC_BARRIERS);
    OPTION(_POSIX_SPIN_LOCKS, _SC_SPIN_LOCKS);
    OPTION(_POSIX_READER_WRITER_LOCKS, _SC_READER_WRITER_LOCKS);
    OPTION(_POSIX_SEMAPHORES, _SC_SEMAPHORES);
    OPTION(_POSIX_TIMERS, _SC_TIMERS);
    OPTION(_POSIX_TIMEOUTS, _SC_TIMEOUTS);
    OPTION(_POSIX_CLOCK_SELECTION, _SC_CLOCK_SELECTION);
    OPTION(_POSIX_MONOTONIC_CLOCK, _SC_MONOTONIC_CLOCK);
    OPTION(_POSIX_CPUTIME, _SC_CPUTIME);
    OPTION(_POSIX_REALTIME_SIGNALS, _SC_REALTIME_SIGNALS);
    OPTION(_POSIX_MESSAGE_PASSING, _SC_MESSAGE_PASSING);
    OPTION(_POSIX_ASYNCHRONOUS_IO, _SC_ASYNCHRONOUS_IO);
    OPTION(_POSIX_SHARED_MEMORY_OBJECTS, _SC_SHARED_MEMORY_OBJECTS);
    OPTION(_POSIX_MAPPED_FILES, _SC_MAPPED_FILES);
    OPTION(_POSIX_MEMORY_PROTECTION, _SC_MEMORY_PROTECTION);
    OPTION(_POSIX_MEMLOCK, _SC_MEMLOCK);
    OPTION(_POSIX_MEMLOCK_RANGE, _SC_MEMLOCK_RANGE);
    OPTION(_POSIX_FSYNC, _SC_FSYNC);
}

static void cleanup(void *arg)
{
    (void)arg;
}

/* The cleanup macros, paired in one scope. */
static void *with_cleanup(void *arg)
{
    pthread_cleanup_push(cleanup, arg);
    pthread_testcancel();
    pthread_cleanup_pop(0);
    return arg;
}

/* Every function named by the issue, by address: the link fails if one
 * is missing. */
static void (*const functions[])(void) = {
#define F(f) (void (*)(void))(f)
    F(pthread_barrier_init),
    F(pthread_barrier_wait),
    F(pthread_barrier_destroy),
    F(pthread_barrierattr_init),
    F(pthread_barrierattr_destroy),
    F(pthread_barrierattr_getpshared),
    F(pthread_barrierattr_setpshared),
    F(pthread_spin_init),
    F(pthread_spin_destroy),
    F(pthread_spin_lock),
    F(pthread_spin_trylock),
    F(pthread_spin_unlock),
    F(pthread_cancel),
    F(pthread_setcancelstate),
    F(pthread_setcanceltype),
    F(pthread_testcancel),
    F(pthread_attr_setstack),
    F(pthread_attr_getstack),
    F(pthread_attr_setguardsize),
    F(pthread_attr_getguardsize),
    F(pthread_attr_setstacksize),
    F(pthread_attr_getstacksize),
    F(pthread_attr_setschedpolicy),
    F(pthread_attr_getschedpolicy),
    F(pthread_attr_setschedparam),
    F(pthread_attr_getschedparam),
    F(pthread_attr_setinheritsched),
    F(pthread_attr_getinheritsched),
    F(pthread_attr_setscope),
    F(pthread_attr_getscope),
    F(pthread_getschedparam),
    F(pthread_setschedparam),
    F(pthread_setschedprio),
    F(pthread_mutexattr_setprotocol),
    F(pthread_mutexattr_getprotocol),
    F(pthread_mutexattr_setprioceiling),
    F(pthread_mutexattr_getprioceiling),
    F(pthread_mutex_setprioceiling),
    F(pthread_mutex_getprioceiling),
    F(pthread_mutexattr_setpshared),
    F(pthread_mutexattr_getpshared),
    F(pthread_condattr_setpshared),
    F(pthread_condattr_getpshared),
    F(pthread_kill),
    F(pthread_atfork),
    F(pthread_mutexattr_destroy),
    F(pthread_condattr_destroy),
    F(sched_get_priority_min),
    F(sched_get_priority_max),
    F(sched_getparam),
    F(sched_setparam),
    F(sched_getscheduler),
    F(sched_setscheduler),
    F(sched_rr_get_interval),
    F(sched_yield),
    F(timer_create),
    F(timer_settime),
    F(timer_gettime),
    F(timer_getoverrun),
    F(timer_delete),
    F(clock_nanosleep),
    F(clock_settime),
    F(clock_getcpuclockid),
    F(pthread_getcpuclockid),
    F(sem_open),
    F(sem_close),
    F(sem_unlink),
    F(sem_timedwait),
    F(mq_open),
    F(mq_close),
    F(mq_unlink),
    F(mq_send),
    F(mq_receive),
    F(mq_timedsend),
    F(mq_timedreceive),
    F(mq_notify),
    F(mq_getattr),
    F(mq_setattr),
    F(aio_read),
    F(aio_write),
    F(aio_error),
    F(aio_return),
    F(aio_suspend),
    F(aio_cancel),
    F(aio_fsync),
    F(lio_listio),
    F(shm_open),
    F(shm_unlink),
    F(sigqueue),
    F(sigtimedwait),
    F(sigwaitinfo),
    F(mlock),
    F(munlock),
    F(mlockall),
    F(munlockall),
#undef F
};

int main(void)
{
    pthread_t t;
    size_t n = 0;

    setvbuf(stdout, NULL, _IOLBF, 0);
    options();
    printf("constants: %d %d, %d %d %d, %d %d, %d %d\n",
           PTHREAD_PROCESS_PRIVATE, PTHREAD_PROCESS_SHARED, PTHREAD_PRIO_NONE,
           PTHREAD_PRIO_INHERIT, PTHREAD_PRIO_PROTECT, PTHREAD_CANCEL_ENABLE,
           PTHREAD_CANCEL_DEFERRED, SIGEV_SIGNAL, SIGEV_THREAD);
    printf("PTHREAD_STACK_MIN positive: %d\n", PTHREAD_STACK_MIN > 0);
    for (size_t i = 0; i < sizeof(functions) / sizeof(functions[0]); i++)
        n += functions[i] != NULL;
    printf("functions: %zu of %zu\n", n,
           sizeof(functions) / sizeof(functions[0]));
    pthread_create(&t, NULL, with_cleanup, NULL);
    pthread_join(t, NULL);
    printf("rtifaces: done\n");
    return 0;
}
