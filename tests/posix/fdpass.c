/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fdpass.c: descriptors passed over AF_UNIX sockets (SCM_RIGHTS) between
 * threads; the output must be identical on Ingot and on Linux, a
 * differential test. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ename.h"

/* Sends (data) with (n) descriptors from (fds). */
static long send_fds(int s, const char *data, const int *fds, int n)
{
    char ctl[CMSG_SPACE(sizeof(int) * 8)];
    struct iovec iov = {(void *)data, strlen(data)};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1};

    if (n > 0) {
        memset(ctl, 0, sizeof(ctl));
        m.msg_control = ctl;
        m.msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)n);
        struct cmsghdr *c = CMSG_FIRSTHDR(&m);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)n);
        memcpy(CMSG_DATA(c), fds, sizeof(int) * (size_t)n);
    }
    return sendmsg(s, &m, 0);
}

/* Receives into (buf) and up to (max) descriptors (with a control buffer
 * for (room) of them); prints what came. */
static int recv_fds(int s, int *fds, int room, int flags)
{
    char buf[64] = {0}, ctl[CMSG_SPACE(sizeof(int) * 8)];
    struct iovec iov = {buf, sizeof(buf) - 1};
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1};
    int n = 0;

    if (room > 0) {
        m.msg_control = ctl;
        m.msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)room);
    }
    long r = recvmsg(s, &m, flags);
    for (struct cmsghdr *c = m.msg_controllen ? CMSG_FIRSTHDR(&m) : NULL; c;
         c = CMSG_NXTHDR(&m, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
            n = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
            memcpy(fds, CMSG_DATA(c), sizeof(int) * (size_t)n);
        }
    }
    printf("recvmsg: %ld \"%s\", %d descriptors, MSG_CTRUNC %d\n", r,
           r >= 0 ? buf : ename(errno), n, (m.msg_flags & MSG_CTRUNC) != 0);
    return n;
}

static int sv[2];

static void *sender(void *arg)
{
    int p[2];

    (void)arg;
    pipe(p);
    write(p[1], "through the pipe", 16);
    close(p[1]);
    send_fds(sv[0], "here", &p[0], 1);
    close(p[0]); /* the receiver's copy keeps it open */
    return NULL;
}

static void passing(void)
{
    int fds[8], n;
    char buf[32] = {0};

    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    pthread_t t;
    pthread_create(&t, NULL, sender, NULL);
    pthread_join(t, NULL);
    n = recv_fds(sv[1], fds, 8, 0);
    if (n == 1) {
        printf("read from the passed pipe: %zd \"%s\"\n",
               read(fds[0], buf, sizeof(buf) - 1), buf);
        printf("close-on-exec: %d\n", (fcntl(fds[0], F_GETFD) & FD_CLOEXEC));
        close(fds[0]);
    }

    /* A file passed keeps its offset: one open file description. */
    int f = open("fdpass.dat", O_RDWR | O_CREAT | O_TRUNC, 0600);
    write(f, "0123456789", 10);
    lseek(f, 4, SEEK_SET);
    int two[2] = {f, f};
    T(send_fds(sv[0], "two", two, 2));
    n = recv_fds(sv[1], fds, 8, MSG_CMSG_CLOEXEC);
    if (n == 2) {
        printf("offset through the copy: %ld\n",
               (long)lseek(fds[1], 0, SEEK_CUR));
        printf("close-on-exec: %d\n", (fcntl(fds[0], F_GETFD) & FD_CLOEXEC));
        close(fds[0]);
        close(fds[1]);
    }
    /* No room for them: MSG_CTRUNC, and they are closed. */
    T(send_fds(sv[0], "lost", &f, 1));
    recv_fds(sv[1], fds, 0, 0);
    /* A bad descriptor is refused at send. */
    int bad = 99;
    T(send_fds(sv[0], "bad", &bad, 1));
    /* A read may go on into data carrying descriptors, but ends with
     * them: what follows comes in the next read. */
    T(send_fds(sv[0], "plain", NULL, 0));
    T(send_fds(sv[0], "fd", &f, 1));
    T(send_fds(sv[0], "after", NULL, 0));
    n = recv_fds(sv[1], fds, 8, 0);
    if (n == 1)
        close(fds[0]);
    n = recv_fds(sv[1], fds, 8, 0);
    close(f);
    unlink("fdpass.dat");
    close(sv[0]);
    close(sv[1]);

    /* Datagram sockets carry them too. */
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    int p[2];
    pipe(p);
    T(send_fds(sv[0], "dgram", &p[1], 1));
    close(p[1]);
    n = recv_fds(sv[1], fds, 8, 0);
    if (n == 1) {
        write(fds[0], "x", 1);
        close(fds[0]);
        printf("pipe end passed by datagram: read %zd\n", read(p[0], buf, 1));
    }
    close(p[0]);
    close(sv[0]);
    close(sv[1]);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    passing();
    printf("fdpass: done\n");
    return 0;
}
