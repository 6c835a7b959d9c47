/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys/wait.h: newlib's, plus Linux's waitid(), wait3(), wait4() and flags. */
#ifndef INGOT_SYS_WAIT_H
#define INGOT_SYS_WAIT_H

#include_next <sys/wait.h>
#include <signal.h>

/* Linux's values. */
#define WSTOPPED 2
#define WEXITED 4
#define WCONTINUED 8
#define WNOWAIT 0x01000000
#ifndef WCOREDUMP
#define WCOREDUMP(w) ((w)&0x80)
#endif

typedef enum { P_ALL = 0, P_PID = 1, P_PGID = 2, P_PIDFD = 3 } idtype_t;

struct rusage;
int waitid(idtype_t idtype, id_t id, siginfo_t *info, int options);
pid_t wait3(int *status, int options, struct rusage *ru);
pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru);

#endif /* INGOT_SYS_WAIT_H */
