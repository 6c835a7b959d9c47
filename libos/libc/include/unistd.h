/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* unistd.h: newlib's plus the Linux calls programs find here. */
#ifndef INGOT_UNISTD_H
#define INGOT_UNISTD_H

#include_next <unistd.h>

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
