/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* unix_internal.h: AF_UNIX sockets (unix.c) behind posix.c's calls. */
#ifndef INGOT_UNIX_INTERNAL_H
#define INGOT_UNIX_INTERNAL_H

/*
 * posix.c sends every call on an AF_UNIX descriptor here (ig_unix_owns())
 * and AF_UNIX sockets and pairs are made here.  The calls take the same
 * arguments as their <sys/socket.h> names and return a count, 0 or a
 * negative errno, with Linux's errors: -EINVAL for a bad address, length
 * or state, -EADDRINUSE, -ENOENT and -ECONNREFUSED when connecting,
 * -EPIPE after the peer closed, -EAGAIN for non-blocking descriptors.
 */
#include <ingot/vfs.h>
#include <sys/socket.h>

int ig_unix_owns(int fd);

/* Descriptors in flight (SCM_RIGHTS; unix_rights.c): (n) open files,
 * each held once without being a descriptor of the image. */
struct ig_unix_rights {
    struct ig_file **files;
    int n;
};
/* Holds the files the SCM_RIGHTS messages of (msg) name, in (*files, *n)
 * (NULL, 0 when there are none).  Returns 0, -EBADF for a descriptor that
 * is not open, -EINVAL for a malformed control message, more than 253
 * descriptors or another SOL_SOCKET type, -EOPNOTSUPP for
 * SCM_CREDENTIALS, -ENOMEM. */
int ig_unix_rights_take(const struct msghdr *msg, struct ig_file ***files,
                        int *n);
/* Lets go of (n) held (files) and the array. */
void ig_unix_rights_drop(struct ig_file **files, int n);
/* Installs (files) as descriptors (close-on-exec with MSG_CMSG_CLOEXEC in
 * (flags)) into one SCM_RIGHTS message in (msg)'s control buffer, which
 * it sizes; what does not fit is closed and sets MSG_CTRUNC. */
void ig_unix_rights_give(struct msghdr *msg, struct ig_file **files, int n,
                         int flags);
int ig_unix_socket(int type, int protocol);
int ig_unix_socketpair(int type, int protocol, int sv[2]);
int ig_unix_bind(int fd, const struct sockaddr *addr, socklen_t len);
int ig_unix_listen(int fd, int backlog);
int ig_unix_connect(int fd, const struct sockaddr *addr, socklen_t len);
int ig_unix_accept(int fd, struct sockaddr *addr, socklen_t *len, int flags);
int ig_unix_name(int fd, int peer, struct sockaddr *addr, socklen_t *len);
int ig_unix_shutdown(int fd, int how);
long ig_unix_sendmsg(int fd, const struct msghdr *msg, int flags);
long ig_unix_recvmsg(int fd, struct msghdr *msg, int flags);
int ig_unix_getsockopt(int fd, int level, int name, void *val, socklen_t *len);
int ig_unix_setsockopt(int fd, int level, int name, const void *val,
                       socklen_t len);

#endif /* INGOT_UNIX_INTERNAL_H */
