/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* answer.c: waits for the first answer of an HTTP server that is starting,
 * and prints when it came (CLOCK_REALTIME in microseconds, as bash's
 * EPOCHREALTIME without the dot).
 *
 * Usage: answer ADDRESS PORT TIMEOUT_MS [PID]
 *
 * With PID (the server's process), it gives up as soon as that process
 * has ended.
 *
 * The bench timed start-to-first-answer with curl in a loop, which took a
 * fork, an exec and a 10 ms sleep per try: the figure was only as fine as
 * that.  This asks again every millisecond: a connection that is refused
 * (the server's stack is up, its socket not yet) or not answered within
 * 5 ms (no stack yet: the SYN went nowhere; the kernel would resend it
 * only after 1 s) is dropped and tried anew.  Once connected it sends
 * "GET /" and waits 100 ms for the status line, twice that at each
 * connection that got none (up to 2 s), so a busy host is still waited
 * for while a connection a forwarder holds for a guest that is not up yet
 * (QEMU's user networking) is given up.  Exit status: 0 with the
 * time printed once a "HTTP/1.x 200" status line arrives; 1 on timeout or
 * another status (the last error on stderr); 2 for bad arguments. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static long long now_us(clockid_t c)
{
    struct timespec ts;
    clock_gettime(c, &ts);
    return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Waits up to (ms) for (events) on (fd); returns poll()'s revents or 0. */
static int wait_for(int fd, short events, long long ms)
{
    struct pollfd p = {.fd = fd, .events = events};
    if (ms < 0)
        ms = 0;
    while (poll(&p, 1, (int)ms) < 0)
        if (errno != EINTR)
            return 0;
    return p.revents;
}

/* One try: 1 answered 200, 0 try again, -1 answered something else. */
static int try_once(const struct sockaddr_in *sa, long long deadline,
                    long long *wait_ms, const char **why)
{
    static const char req[] = "GET / HTTP/1.0\r\nHost: bench\r\n\r\n";
    char buf[64];
    size_t got = 0;
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    int r = 0, err = 0;
    socklen_t len = sizeof(err);

    if (fd < 0) {
        *why = strerror(errno);
        return 0;
    }
    if (connect(fd, (const struct sockaddr *)sa, sizeof(*sa)) < 0 &&
        errno != EINPROGRESS) {
        *why = strerror(errno);
        goto out;
    }
    if (!(wait_for(fd, POLLOUT, 5) & (POLLOUT | POLLERR | POLLHUP))) {
        *why = "no answer to the connection request";
        goto out;
    }
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0 || err) {
        *why = strerror(err ? err : errno);
        goto out;
    }
    if (send(fd, req, sizeof(req) - 1, MSG_NOSIGNAL) != sizeof(req) - 1) {
        *why = "short send";
        goto out;
    }
    long long until = now_us(CLOCK_MONOTONIC) + *wait_ms * 1000;
    if (until > deadline)
        until = deadline;
    while (got < sizeof(buf) - 1) {
        long long left = (until - now_us(CLOCK_MONOTONIC)) / 1000;
        if (left <= 0 || !(wait_for(fd, POLLIN, left) & (POLLIN | POLLHUP))) {
            *why = "connected, but no status line in time";
            if (*wait_ms < 2000)
                *wait_ms *= 2;
            goto out;
        }
        ssize_t n = recv(fd, buf + got, sizeof(buf) - 1 - got, 0);
        if (n <= 0) {
            *why = "connection closed before a status line";
            goto out;
        }
        got += (size_t)n;
        buf[got] = '\0';
        if (strchr(buf, '\n'))
            break;
    }
    if (strncmp(buf, "HTTP/1.", 7) == 0 && strncmp(buf + 8, " 200", 4) == 0) {
        r = 1;
    } else {
        *why = "an answer other than 200";
        r = -1;
    }
out:
    close(fd);
    return r;
}

int main(int argc, char **argv)
{
    struct sockaddr_in sa = {.sin_family = AF_INET};
    char *end;
    long port, timeout, pid = 0;
    const char *why = "no try";
    long long wait_ms = 100;

    if (argc < 4 || argc > 5 ||
        inet_pton(AF_INET, argv[1], &sa.sin_addr) != 1 ||
        (port = strtol(argv[2], &end, 10)) < 1 || port > 65535 || *end ||
        (timeout = strtol(argv[3], &end, 10)) < 1 || timeout > 3600000 ||
        *end ||
        (argc == 5 &&
         ((pid = strtol(argv[4], &end, 10)) < 1 || pid > 0x3fffffff || *end))) {
        fprintf(stderr, "usage: answer ADDRESS PORT TIMEOUT_MS [PID]\n");
        return 2;
    }
    sa.sin_port = htons((unsigned short)port);
    long long deadline = now_us(CLOCK_MONOTONIC) + timeout * 1000LL;
    while (now_us(CLOCK_MONOTONIC) < deadline) {
        int r = try_once(&sa, deadline, &wait_ms, &why);
        if (r > 0) {
            printf("%lld\n", now_us(CLOCK_REALTIME));
            return 0;
        }
        if (r < 0)
            break;
        if (pid && kill((pid_t)pid, 0) < 0 && errno == ESRCH) {
            why = "the server's process ended";
            break;
        }
        usleep(1000);
    }
    fprintf(stderr, "answer: %s:%ld: %s\n", argv[1], port, why);
    return 1;
}
