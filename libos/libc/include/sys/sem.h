/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys/sem.h: System V semaphores, defined to fail (see <sys/ipc.h>). */
#ifndef INGOT_SYS_SEM_H
#define INGOT_SYS_SEM_H

#include <sys/ipc.h>

#define SEM_UNDO 0x1000
#define GETPID 11
#define GETVAL 12
#define GETALL 13
#define GETNCNT 14
#define GETZCNT 15
#define SETVAL 16
#define SETALL 17

struct sembuf {
    unsigned short sem_num;
    short sem_op;
    short sem_flg;
};

struct semid_ds {
    struct ipc_perm sem_perm;
    time_t sem_otime, sem_ctime;
    unsigned long sem_nsems;
};

int semget(key_t key, int nsems, int flags);
int semop(int id, struct sembuf *ops, size_t nops);
int semtimedop(int id, struct sembuf *ops, size_t nops,
               const struct timespec *timeout);
int semctl(int id, int num, int cmd, ...);

#endif /* INGOT_SYS_SEM_H */
