/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* posix.h: the one boundary where -errno becomes errno and -1. */
#ifndef INGOT_POSIX_H
#define INGOT_POSIX_H

/*
 * Inside the library OS every function returns 0, a count or a handle on
 * success and a negative errno on failure; nothing inside sets errno.  A
 * POSIX entry point (read, socket, sem_wait, epoll_ctl, ...) is a thin
 * wrapper that does its work in that convention and hands the result to
 * ig_posix_ret() as its last step:
 *
 *     int sem_post(sem_t *s) { return (int)ig_posix_ret(sem_post_r(s)); }
 *
 * A call that fails before doing anything returns ig_posix_ret(-EINVAL).
 * Entry points whose failure value is not -1 (NULL from opendir() and
 * getcwd(), 0 from isatty(), (void *)-1 from sbrk()) use ig_posix_failed():
 *
 *     if (ig_posix_failed(r))
 *         return NULL;
 */

#include <errno.h>

/* Inside the library OS only: a blocking call was interrupted by a signal
 * and may be made again if the handlers allow it (Linux's ERESTARTSYS; see
 * ig_sched_again() in <ingot/sched.h>).  It never reaches a program: the
 * boundary below turns one that was not handled into EINTR. */
#define IG_ERESTART 512
/* The same, for a call Linux does not make again after a handler even with
 * SA_RESTART (a timeout was set: Linux's ERESTARTNOHAND). */
#define IG_ERESTARTNOHAND 514
#define IG_INTERRUPTED(r) ((r) == -IG_ERESTART || (r) == -IG_ERESTARTNOHAND)

/* Returns (r) when it is not negative; otherwise sets errno to -(r) and
 * returns -1. */
static inline long ig_posix_ret(long r)
{
    if (r < 0) {
        errno = IG_INTERRUPTED(r) ? EINTR : (int)-r;
        return -1;
    }
    return r;
}

/* Sets errno to -(r) and returns 1 when (r) is negative; returns 0
 * otherwise. */
static inline int ig_posix_failed(long r)
{
    if (r < 0) {
        errno = IG_INTERRUPTED(r) ? EINTR : (int)-r;
        return 1;
    }
    return 0;
}

#endif /* INGOT_POSIX_H */
