/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys/msg.h: System V message queues, defined to fail (see <sys/ipc.h>). */
#ifndef INGOT_SYS_MSG_H
#define INGOT_SYS_MSG_H

#include <sys/ipc.h>

#define MSG_NOERROR 010000
#define MSG_EXCEPT 020000

typedef unsigned long msgqnum_t;
typedef unsigned long msglen_t;

struct msqid_ds {
    struct ipc_perm msg_perm;
    time_t msg_stime, msg_rtime, msg_ctime;
    msgqnum_t msg_qnum;
    msglen_t msg_qbytes;
    pid_t msg_lspid, msg_lrpid;
};

int msgget(key_t key, int flags);
int msgsnd(int id, const void *msg, size_t len, int flags);
ssize_t msgrcv(int id, void *msg, size_t len, long type, int flags);
int msgctl(int id, int cmd, struct msqid_ds *buf);

#endif /* INGOT_SYS_MSG_H */
