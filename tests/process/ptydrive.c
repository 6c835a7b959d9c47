/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* ptydrive.c: run a command on a new pseudo-terminal and type a script. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/*
 *   ptydrive [-r ROWS] [-c COLS] [-t SECONDS] SCRIPT -- COMMAND [ARG...]
 *
 * COMMAND runs as a session leader with the pty as its controlling
 * terminal (a user's shell job), then SCRIPT, one step a line:
 *
 *   expect TEXT     wait until the output after the last match has TEXT
 *   send TEXT       type TEXT (in both, \r \n \\ and \xHH are escapes)
 *   winsize R C     resize the terminal (the kernel sends SIGWINCH)
 *   sleep MS
 *
 * Everything COMMAND wrote, echoes included, is copied to stdout as it
 * was (CR LF and all).  Exits with COMMAND's status (128+N if killed), or
 * 124 after "ptydrive: ..." on stderr when an expect times out.
 */

static char out[1 << 20];
static size_t outlen, matched;
static int master;
static int timeout_s = 120;

static void pump(int ms)
{
    struct pollfd p = {master, POLLIN, 0};
    if (poll(&p, 1, ms) > 0) {
        ssize_t n = read(master, out + outlen, sizeof(out) - 1 - outlen);
        if (n > 0) {
            fwrite(out + outlen, 1, (size_t)n, stdout);
            fflush(stdout);
            outlen += (size_t)n;
            out[outlen] = '\0';
        } else if (ms > 0) {
            usleep(10000); /* hung up (EIO): nothing more will come */
        }
    }
}

static size_t unescape(const char *s, char *buf, size_t cap);

static int expect(const char *raw)
{
    char text[512];
    text[unescape(raw, text, sizeof(text) - 1)] = '\0';
    time_t end = time(NULL) + timeout_s;
    while (time(NULL) < end) {
        char *at = strstr(out + matched, text);
        if (at) {
            matched = (size_t)(at - out) + strlen(text);
            return 0;
        }
        pump(100);
    }
    fprintf(stderr, "ptydrive: no '%s' within %d s\n", text, timeout_s);
    return -1;
}

/* \r \n \\ and \xHH in (s) into (buf); returns the length. */
static size_t unescape(const char *s, char *buf, size_t cap)
{
    size_t n = 0;
    for (; *s && n < cap; s++) {
        if (*s != '\\' || !s[1]) {
            buf[n++] = *s;
            continue;
        }
        s++;
        if (*s == 'r')
            buf[n++] = '\r';
        else if (*s == 'n')
            buf[n++] = '\n';
        else if (*s == 'x' && s[1] && s[2]) {
            char hex[3] = {s[1], s[2], 0};
            buf[n++] = (char)strtol(hex, NULL, 16);
            s += 2;
        } else
            buf[n++] = *s;
    }
    return n;
}

static void send_text(const char *s)
{
    char buf[512];
    size_t n = unescape(s, buf, sizeof(buf));
    if (write(master, buf, n) != (ssize_t)n)
        perror("ptydrive: write");
}

int main(int argc, char **argv)
{
    struct winsize ws = {24, 80, 0, 0};
    int opt;

    while ((opt = getopt(argc, argv, "+r:c:t:")) != -1) {
        if (opt == 'r')
            ws.ws_row = (unsigned short)atoi(optarg);
        else if (opt == 'c')
            ws.ws_col = (unsigned short)atoi(optarg);
        else if (opt == 't')
            timeout_s = atoi(optarg);
        else
            return 2;
    }
    if (argc - optind < 3 || strcmp(argv[optind + 1], "--") != 0) {
        fprintf(stderr, "usage: ptydrive [-r ROWS] [-c COLS] [-t SECONDS] "
                        "SCRIPT -- COMMAND [ARG...]\n");
        return 2;
    }
    FILE *script = fopen(argv[optind], "r");
    if (!script) {
        perror(argv[optind]);
        return 2;
    }
    master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0 || grantpt(master) < 0 || unlockpt(master) < 0) {
        perror("ptydrive: pty");
        return 2;
    }
    const char *name = ptsname(master);
    ioctl(master, TIOCSWINSZ, &ws);
    pid_t pid = fork();
    if (pid == 0) {
        setsid();
        int s = open(name, O_RDWR);
        if (s < 0 || ioctl(s, TIOCSCTTY, 0) < 0) {
            perror("ptydrive: slave");
            _exit(127);
        }
        dup2(s, 0);
        dup2(s, 1);
        dup2(s, 2);
        if (s > 2)
            close(s);
        execvp(argv[optind + 2], argv + optind + 2);
        perror(argv[optind + 2]);
        _exit(127);
    }
    char step[512];
    int st = 0;
    while (fgets(step, sizeof(step), script)) {
        step[strcspn(step, "\n")] = '\0';
        if (strncmp(step, "expect ", 7) == 0) {
            if (expect(step + 7) < 0) {
                kill(pid, SIGKILL);
                waitpid(pid, NULL, 0);
                return 124;
            }
        } else if (strncmp(step, "send ", 5) == 0) {
            send_text(step + 5);
        } else if (strncmp(step, "winsize ", 8) == 0) {
            struct winsize w = {0};
            w.ws_row = (unsigned short)atoi(step + 8);
            w.ws_col = (unsigned short)atoi(strchr(step + 8, ' ') + 1);
            ioctl(master, TIOCSWINSZ, &w);
        } else if (strncmp(step, "sleep ", 6) == 0) {
            time_t end = time(NULL);
            long ms = atol(step + 6);
            struct timespec t0, t1;
            clock_gettime(CLOCK_MONOTONIC, &t0);
            (void)end;
            do {
                pump(10);
                clock_gettime(CLOCK_MONOTONIC, &t1);
            } while ((t1.tv_sec - t0.tv_sec) * 1000 +
                         (t1.tv_nsec - t0.tv_nsec) / 1000000 <
                     ms);
        } else if (step[0] && step[0] != '#') {
            fprintf(stderr, "ptydrive: bad step '%s'\n", step);
            kill(pid, SIGKILL);
            waitpid(pid, NULL, 0);
            return 2;
        }
    }
    /* The rest of the output until the command ends. */
    time_t end = time(NULL) + timeout_s;
    while (waitpid(pid, &st, WNOHANG) == 0) {
        if (time(NULL) > end) {
            fprintf(stderr, "ptydrive: the command did not end\n");
            kill(pid, SIGKILL);
            waitpid(pid, &st, 0);
            return 124;
        }
        pump(50);
    }
    for (int i = 0; i < 20; i++)
        pump(10);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
