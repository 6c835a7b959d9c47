/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* reent.c: newlib's per-thread state (struct _reent) for the scheduler. */
#include <ingot/libc.h>
#include <ingot/sched.h>

#include <reent.h>
#include <stdio.h>
#include <stdlib.h>

extern void __sinit(struct _reent *s);

/* Each thread has its own struct _reent (errno, strtok, rand state ...);
 * there is one CPU, so pointing _impure_ptr at the running thread's makes
 * newlib reentrant without a __DYNAMIC_REENT__ rebuild. */
static void *thread_new(void)
{
    struct _reent *r = calloc(1, sizeof(*r));

    if (!r)
        return NULL;
    _REENT_INIT_PTR(r);
    /* Threads share the first thread's stdin, stdout and stderr. */
    r->_stdin = _GLOBAL_REENT->_stdin;
    r->_stdout = _GLOBAL_REENT->_stdout;
    r->_stderr = _GLOBAL_REENT->_stderr;
    r->__sdidinit = 1;
    return r;
}

static void switch_to(void *state)
{
    _impure_ptr = state;
}

static void thread_free(void *state)
{
    struct _reent *r = state;

    /* Its stdio streams are the first thread's (shared), so skip
     * _reclaim_reent's stdio cleanup, which assumes its own. */
    r->__sdidinit = 0;
    _reclaim_reent(r);
    free(r);
}

static const struct ig_sched_libc reent_ops = {
    .thread_new = thread_new,
    .switch_to = switch_to,
    .thread_free = thread_free,
};

void ig_libc_init(void)
{
    __sinit(_impure_ptr);
    /* newlib makes stdout line-buffered whatever it is; glibc only when it
     * is a terminal.  Without the flag the first write decides as glibc
     * does (__smakebuf: a terminal line by line, anything else in blocks
     * of st_blksize), so output to a file or pipe leaves in blocks and a
     * write error shows at fflush() or exit, where programs look for it
     * (sed --help >/dev/full must fail). */
    stdout->_flags &= ~__SLBF;
    ig_sched_set_libc(&reent_ops, _impure_ptr);
}
