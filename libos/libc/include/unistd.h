/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* unistd.h: newlib's plus the Linux calls programs find here. */
#ifndef INGOT_UNISTD_H
#define INGOT_UNISTD_H

#include_next <unistd.h>

/*
 * POSIX options the library OS implements, beside those ingot-cc defines
 * on every command line (they must reach newlib's own build:
 * toolchain/cmake/target.cmake); sysconf() answers the same
 * (libos/libc/limits.c).  Memory is never paged out, so the memory locks
 * hold trivially.
 */
#ifndef _POSIX_PRIORITY_SCHEDULING
#define _POSIX_PRIORITY_SCHEDULING 200809L
#endif
#ifndef _POSIX_THREAD_PRIORITY_SCHEDULING
#define _POSIX_THREAD_PRIORITY_SCHEDULING 200809L
#endif
#ifndef _POSIX_REALTIME_SIGNALS
#define _POSIX_REALTIME_SIGNALS 200809L
#endif
#ifndef _POSIX_MESSAGE_PASSING
#define _POSIX_MESSAGE_PASSING 200809L
#endif
#ifndef _POSIX_ASYNCHRONOUS_IO
#define _POSIX_ASYNCHRONOUS_IO 200809L
#endif
#ifndef _POSIX_SHARED_MEMORY_OBJECTS
#define _POSIX_SHARED_MEMORY_OBJECTS 200809L
#endif
#ifndef _POSIX_MAPPED_FILES
#define _POSIX_MAPPED_FILES 200809L
#endif
#ifndef _POSIX_MEMORY_PROTECTION
#define _POSIX_MEMORY_PROTECTION 200809L
#endif
#ifndef _POSIX_MEMLOCK
#define _POSIX_MEMLOCK 200809L
#endif
#ifndef _POSIX_MEMLOCK_RANGE
#define _POSIX_MEMLOCK_RANGE 200809L
#endif
#ifndef _POSIX_FSYNC
#define _POSIX_FSYNC 200809L
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* syscall(2) with Linux x86_64 numbers (<sys/syscall.h>). */
long syscall(long number, ...);
pid_t gettid(void);
int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid);
int getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid);
int setresuid(uid_t ruid, uid_t euid, uid_t suid);
int setresgid(gid_t rgid, gid_t egid, gid_t sgid);

#ifdef __cplusplus
}
#endif

#endif /* INGOT_UNISTD_H */
