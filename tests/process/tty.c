/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* tty.c: a program on a terminal: isatty, termios, window size, SIGWINCH. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t got_winch, got_int;

static void on_winch(int sig)
{
    (void)sig;
    got_winch = 1;
}

static void on_int(int sig)
{
    (void)sig;
    got_int = 1;
}

static void size(const char *what)
{
    struct winsize ws = {0};
    if (ioctl(1, TIOCGWINSZ, &ws) < 0)
        perror("TIOCGWINSZ");
    printf("%s %u %u\n", what, ws.ws_row, ws.ws_col);
}

/* Reads one line (the terminal edits it in canonical mode). */
static void line(void)
{
    char buf[256];
    ssize_t n = read(0, buf, sizeof(buf) - 1);
    if (n < 0) {
        perror("read");
        exit(1);
    }
    buf[n] = '\0';
    if (n == 0)
        printf("eof\n");
    else
        printf("line: %s", buf);
    fflush(stdout);
}

int main(int argc, char **argv)
{
    struct termios t, saved;
    const char *term = getenv("TERM");

    printf("isatty %d %d %d\n", isatty(0), isatty(1), isatty(2));
    if (argc > 1 && strcmp(argv[1], "info") == 0)
        return 0;
    if (argc > 1 && strcmp(argv[1], "raw-exit") == 0) {
        /* Ends with the terminal raw: `ingot run -t` puts it back. */
        tcgetattr(0, &t);
        cfmakeraw(&t);
        tcsetattr(0, TCSANOW, &t);
        return 0;
    }
    printf("TERM=%s\n", term ? term : "(unset)");
    if (tcgetattr(0, &t) < 0) {
        perror("tcgetattr");
        return 1;
    }
    saved = t;
    printf("echo %d icanon %d isig %d\n", !!(t.c_lflag & ECHO),
           !!(t.c_lflag & ICANON), !!(t.c_lflag & ISIG));
    size("size");
    /* The controlling terminal by name: a prompt that stdout's
     * redirection would not catch. */
    int fd = open("/dev/tty", O_RDWR);
    if (fd < 0 || write(fd, "via /dev/tty\n", 13) != 13 || !isatty(fd))
        perror("/dev/tty");
    if (fd >= 0)
        close(fd);
    signal(SIGWINCH, on_winch);
    signal(SIGINT, on_int);

    /* Cooked: the terminal echoes and hands over a whole line; ^D ends
     * one read, and more can be read after it. */
    printf("type a line\n");
    fflush(stdout);
    line();
    line();
    line();

    /* ^C is SIGINT for a handler, and the run goes on. */
    printf("press ^C\n");
    fflush(stdout);
    while (!got_int) /* pause() could miss one that came before it */
        usleep(10000);
    printf("got SIGINT\n");

    /* Without ICANON and ECHO: one key, not echoed. */
    t.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    if (tcsetattr(0, TCSADRAIN, &t) < 0)
        perror("tcsetattr");
    tcgetattr(0, &t);
    printf("echo %d icanon %d: press a key\n", !!(t.c_lflag & ECHO),
           !!(t.c_lflag & ICANON));
    fflush(stdout);
    char c;
    if (read(0, &c, 1) != 1)
        return 1;
    printf("key %d\n", c);

    printf("resize me\n");
    fflush(stdout);
    while (!got_winch)
        usleep(10000);
    size("new size");
    tcsetattr(0, TCSANOW, &saved);
    printf("done\n");
    return 0;
}
