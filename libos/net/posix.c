/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* posix.c: the socket calls of <sys/socket.h> at the POSIX boundary. */
#include <ingot/posix.h>
#include <ingot/sched.h>

#include <errno.h>
#include <signal.h>
#include <sys/socket.h>

#include "sock_internal.h"
#include "unix_internal.h"

/* AF_UNIX descriptors go to unix.c, the others to lwIP's sockets. */
#define UNIX(fd) ig_unix_owns(fd)

int socket(int domain, int type, int protocol)
{
    if (domain == AF_UNIX)
        return (int)ig_posix_ret(ig_unix_socket(type, protocol));
    return (int)ig_posix_ret(ig_sock_socket(domain, type, protocol));
}

int socketpair(int domain, int type, int protocol, int sv[2])
{
    if (!sv)
        return (int)ig_posix_ret(-EFAULT);
    if (domain != AF_UNIX)
        return (int)ig_posix_ret(domain == AF_INET || domain == AF_INET6
                                     ? -EOPNOTSUPP
                                     : -EAFNOSUPPORT);
    return (int)ig_posix_ret(ig_unix_socketpair(type, protocol, sv));
}

int bind(int fd, const struct sockaddr *addr, socklen_t len)
{
    if (UNIX(fd))
        return (int)ig_posix_ret(ig_unix_bind(fd, addr, len));
    return (int)ig_posix_ret(ig_sock_bind(fd, addr, len));
}

int listen(int fd, int backlog)
{
    if (UNIX(fd))
        return (int)ig_posix_ret(ig_unix_listen(fd, backlog));
    return (int)ig_posix_ret(ig_sock_listen(fd, backlog));
}

int accept(int fd, struct sockaddr *addr, socklen_t *len)
{
    return accept4(fd, addr, len, 0);
}

/* Blocking socket calls are made again after SA_RESTART handlers unless
 * the socket has a timeout (<ingot/sched.h>, ig_sched_again()). */
int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags)
{
    long r;

    ig_sched_testcancel();
    do
        r = UNIX(fd) ? ig_unix_accept(fd, addr, len, flags)
                     : ig_sock_accept(fd, addr, len, flags);
    while (ig_sched_again(&r, 1));
    return (int)ig_posix_ret(r);
}

/* Linux does not make connect() again: once interrupted, the connection
 * goes on and a second connect() says EALREADY. */
int connect(int fd, const struct sockaddr *addr, socklen_t len)
{
    long r;

    ig_sched_testcancel();
    do
        r = UNIX(fd) ? ig_unix_connect(fd, addr, len)
                     : ig_sock_connect(fd, addr, len);
    while (ig_sched_again(&r, 0));
    return (int)ig_posix_ret(r);
}

ssize_t sendto(int fd, const void *buf, size_t len, int flags,
               const struct sockaddr *to, socklen_t tolen)
{
    struct iovec iov = {(void *)buf, len};
    struct msghdr m = {.msg_name = (void *)to,
                       .msg_namelen = tolen,
                       .msg_iov = &iov,
                       .msg_iovlen = 1};

    return sendmsg(fd, &m, flags);
}

ssize_t send(int fd, const void *buf, size_t len, int flags)
{
    return sendto(fd, buf, len, flags, NULL, 0);
}

ssize_t recvfrom(int fd, void *buf, size_t len, int flags,
                 struct sockaddr *from, socklen_t *fromlen)
{
    struct iovec iov = {buf, len};
    struct msghdr m = {.msg_name = from,
                       .msg_namelen = fromlen ? *fromlen : 0,
                       .msg_iov = &iov,
                       .msg_iovlen = 1};
    long r;

    ig_sched_testcancel();
    do
        r = UNIX(fd) ? ig_unix_recvmsg(fd, &m, flags)
                     : ig_sock_recvmsg(fd, &m, flags);
    while (ig_sched_again(&r, 1));
    if (r >= 0 && from && fromlen)
        *fromlen = m.msg_namelen;
    return ig_posix_ret(r);
}

ssize_t recv(int fd, void *buf, size_t len, int flags)
{
    return recvfrom(fd, buf, len, flags, NULL, NULL);
}

/* TCP and UDP sockets carry no descriptors or credentials: a message
 * with them fails with EOPNOTSUPP instead of losing them silently (AF_UNIX
 * sockets pass descriptors, unix_rights.c). */
static int unsendable(const struct msghdr *msg)
{
    if (!msg || !msg->msg_control)
        return 0;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(msg); c; c = CMSG_NXTHDR(msg, c))
        if (c->cmsg_level == SOL_SOCKET &&
            (c->cmsg_type == SCM_RIGHTS || c->cmsg_type == SCM_CREDENTIALS))
            return 1;
    return 0;
}

/* A send on a connection that cannot send any more raises SIGPIPE first,
 * unless MSG_NOSIGNAL: by default the image ends (141); ignored or handled,
 * EPIPE (Linux's rule; write() on a socket does the same, libc's io.c). */
ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{
    long r;

    if (!UNIX(fd) && unsendable(msg))
        return ig_posix_ret(-EOPNOTSUPP);
    ig_sched_testcancel();
    do
        r = UNIX(fd) ? ig_unix_sendmsg(fd, msg, flags)
                     : ig_sock_sendmsg(fd, msg, flags);
    while (ig_sched_again(&r, 1));
    if (r == -EPIPE && !(flags & MSG_NOSIGNAL))
        ig_sched_raise(SIGPIPE);
    return ig_posix_ret(r);
}

ssize_t recvmsg(int fd, struct msghdr *msg, int flags)
{
    long r;

    ig_sched_testcancel();
    do
        r = UNIX(fd) ? ig_unix_recvmsg(fd, msg, flags)
                     : ig_sock_recvmsg(fd, msg, flags);
    while (ig_sched_again(&r, 1));
    return ig_posix_ret(r);
}

int shutdown(int fd, int how)
{
    if (UNIX(fd))
        return (int)ig_posix_ret(ig_unix_shutdown(fd, how));
    return (int)ig_posix_ret(ig_sock_shutdown(fd, how));
}

int getsockopt(int fd, int level, int name, void *val, socklen_t *len)
{
    if (UNIX(fd))
        return (int)ig_posix_ret(ig_unix_getsockopt(fd, level, name, val, len));
    return (int)ig_posix_ret(ig_sock_getsockopt(fd, level, name, val, len));
}

int setsockopt(int fd, int level, int name, const void *val, socklen_t len)
{
    if (UNIX(fd))
        return (int)ig_posix_ret(ig_unix_setsockopt(fd, level, name, val, len));
    return (int)ig_posix_ret(ig_sock_setsockopt(fd, level, name, val, len));
}

int getsockname(int fd, struct sockaddr *addr, socklen_t *len)
{
    if (UNIX(fd))
        return (int)ig_posix_ret(ig_unix_name(fd, 0, addr, len));
    return (int)ig_posix_ret(ig_sock_name(fd, 0, addr, len));
}

int getpeername(int fd, struct sockaddr *addr, socklen_t *len)
{
    if (UNIX(fd))
        return (int)ig_posix_ret(ig_unix_name(fd, 1, addr, len));
    return (int)ig_posix_ret(ig_sock_name(fd, 1, addr, len));
}
