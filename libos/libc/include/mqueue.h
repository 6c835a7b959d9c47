/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mqueue.h: POSIX message queues within the image (newlib has none). */
#ifndef INGOT_MQUEUE_H
#define INGOT_MQUEUE_H

/*
 * mq_open() a name of the image's own namespace ("/name"), mq_send() and
 * mq_receive() messages (highest priority first, in order within one),
 * mq_close() each descriptor, mq_unlink() the name.  Functions return 0
 * (or a count), or -1 with errno set as POSIX says.  A mqd_t is a file
 * descriptor, as on Linux: poll(), select() and epoll see a queue
 * readable while it holds a message and writable while it has room.
 */

#include <fcntl.h>
#include <signal.h>
#include <sys/types.h>
#include <time.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int mqd_t;

/* Linux's layout. */
struct mq_attr {
    long mq_flags;   /* O_NONBLOCK or 0 */
    long mq_maxmsg;  /* messages the queue holds */
    long mq_msgsize; /* bytes a message may have */
    long mq_curmsgs; /* messages in the queue now */
    long __pad[4];
};

mqd_t mq_open(const char *name, int oflag, ...);
int mq_close(mqd_t mqd);
int mq_unlink(const char *name);
int mq_send(mqd_t mqd, const char *msg, size_t len, unsigned prio);
int mq_timedsend(mqd_t mqd, const char *msg, size_t len, unsigned prio,
                 const struct timespec *abstime);
ssize_t mq_receive(mqd_t mqd, char *msg, size_t len, unsigned *prio);
ssize_t mq_timedreceive(mqd_t mqd, char *msg, size_t len, unsigned *prio,
                        const struct timespec *abstime);
int mq_getattr(mqd_t mqd, struct mq_attr *attr);
int mq_setattr(mqd_t mqd, const struct mq_attr *attr, struct mq_attr *old);
int mq_notify(mqd_t mqd, const struct sigevent *sev);

#ifdef __cplusplus
}
#endif

#endif /* INGOT_MQUEUE_H */
