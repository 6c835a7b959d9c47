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
