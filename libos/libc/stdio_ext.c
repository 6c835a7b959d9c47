/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* stdio_ext.c: stdio pieces newlib's generic target leaves out. */
#include <reent.h>
#include <stdio.h>
#include <sys/lock.h>

/* newlib's internal stdio set-up (findfp.c), run before a stream's lock
 * is first used, as newlib's own CHECK_INIT does. */
extern void __sinit(struct _reent *);

static _LOCK_RECURSIVE_T *lock_of(FILE *fp)
{
    struct _reent *r = _REENT;

    if (r && !r->__sdidinit)
        __sinit(r);
    /* String streams (sprintf's) have no lock. */
    return (fp->_flags & __SSTR) ? NULL : &fp->_lock;
}

/* The stream locks are newlib's own recursive ones, which the library OS
 * implements (libos/sched/lock.c), so flockfile() and stdio's internal
 * locking exclude each other as POSIX requires. */
void flockfile(FILE *fp)
{
    _LOCK_RECURSIVE_T *l = lock_of(fp);

    if (l)
        __lock_acquire_recursive(*l);
}

int ftrylockfile(FILE *fp)
{
    _LOCK_RECURSIVE_T *l = lock_of(fp);

    return l ? !__lock_try_acquire_recursive(*l) : 0;
}

void funlockfile(FILE *fp)
{
    _LOCK_RECURSIVE_T *l = lock_of(fp);

    if (l)
        __lock_release_recursive(*l);
}

/* newlib has them as __getline and __getdelim only. */
ssize_t getdelim(char **line, size_t *cap, int delim, FILE *fp)
{
    return __getdelim(line, cap, delim, fp);
}

ssize_t getline(char **line, size_t *cap, FILE *fp)
{
    return __getdelim(line, cap, '\n', fp);
}
