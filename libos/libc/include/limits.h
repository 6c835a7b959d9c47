/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* limits.h: newlib's limits plus the Linux values programs test for. */
#ifndef INGOT_LIMITS_H
#define INGOT_LIMITS_H

#include_next <limits.h>

/* newlib's <sys/syslimits.h> says 1024; Linux's, and the VFS's longest
 * path (IG_PATH_MAX), is 4096. */
#undef PATH_MAX
#define PATH_MAX 4096

#ifndef SSIZE_MAX
#define SSIZE_MAX __LONG_MAX__
#endif
#ifndef LONG_BIT
#define LONG_BIT 64
#endif
#ifndef WORD_BIT
#define WORD_BIT 32
#endif
#ifndef HOST_NAME_MAX
#define HOST_NAME_MAX 64
#endif
#ifndef LOGIN_NAME_MAX
#define LOGIN_NAME_MAX 256
#endif
#ifndef TTY_NAME_MAX
#define TTY_NAME_MAX 32
#endif
#ifndef NAME_MAX
#define NAME_MAX 255
#endif
#ifndef SYMLOOP_MAX
#define SYMLOOP_MAX 40
#endif
#ifndef PTHREAD_STACK_MIN
#define PTHREAD_STACK_MIN 16384
#endif
#ifndef PTHREAD_KEYS_MAX
#define PTHREAD_KEYS_MAX 128 /* IG_THREAD_KEYS */
#endif
#ifndef MQ_PRIO_MAX
#define MQ_PRIO_MAX 32768 /* <mqueue.h>: priorities are below it */
#endif

#endif /* INGOT_LIMITS_H */
