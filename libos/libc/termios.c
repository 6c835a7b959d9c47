/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* termios.c: terminal attributes of the image's terminal (sys/termios.h). */
#include <ingot/libc.h>
#include <ingot/plat.h>
#include <ingot/posix.h>
#include <ingot/vfs.h>

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>

/*
 * One set of attributes and one window size for the image's terminal
 * streams.  Without -t they are the library OS's alone (a terminal on the
 * host is passed through as a stream, its modes untouched); with -t they
 * start as the host terminal's (the options below) and every change goes
 * to it (ig_plat_tty_set()), so echo, canonical input and signal keys are
 * the host kernel's line discipline working for the guest.
 */

/* Linux's attributes for a new terminal (stty sane): cooked input with
 * echo, newline translation on output, 38400 baud, 8 bits. */
static struct termios tty = {
    .c_iflag = ICRNL | IXON | IUTF8,
    .c_oflag = OPOST | ONLCR,
    .c_cflag = B38400 | CS8 | CREAD | HUPCL,
    .c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
    .c_cc = {[VINTR] = 3,
             [VQUIT] = 28,
             [VERASE] = 127,
             [VKILL] = 21,
             [VEOF] = 4,
             [VMIN] = 1,
             [VSTART] = 17,
             [VSTOP] = 19,
             [VSUSP] = 26,
             [VREPRINT] = 18,
             [VDISCARD] = 15,
             [VWERASE] = 23,
             [VLNEXT] = 22},
    .c_ispeed = B38400,
    .c_ospeed = B38400,
};
static struct winsize size;
static int host_tty; /* -t: the host terminal follows (tty) */

_Static_assert(sizeof(((struct ig_plat_termios *)0)->cc) <= NCCS,
               "Linux's kernel termios is a prefix of ours");

static void to_plat(const struct termios *t, struct ig_plat_termios *k)
{
    k->iflag = t->c_iflag;
    k->oflag = t->c_oflag;
    k->cflag = t->c_cflag;
    k->lflag = t->c_lflag;
    k->line = t->c_line;
    memcpy(k->cc, t->c_cc, sizeof(k->cc));
}

static int hexval(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* tty.attr=: the host's attributes as 72 hex digits. */
static int parse_attr(const char *s)
{
    struct ig_plat_termios k;
    unsigned char *p = (unsigned char *)&k;

    if (strlen(s) != 2 * sizeof(k))
        return -EINVAL;
    for (size_t i = 0; i < sizeof(k); i++) {
        int hi = hexval(s[2 * i]), lo = hexval(s[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return -EINVAL;
        p[i] = (unsigned char)(hi << 4 | lo);
    }
    memset(&tty, 0, sizeof(tty));
    tty.c_iflag = k.iflag;
    tty.c_oflag = k.oflag;
    tty.c_cflag = k.cflag;
    tty.c_lflag = k.lflag;
    tty.c_line = k.line;
    memcpy(tty.c_cc, k.cc, sizeof(k.cc));
    tty.c_ispeed = tty.c_ospeed = k.cflag & CBAUD;
    host_tty = 1;
    return 0;
}

/* tty.size=ROWS,COLS,XPIXEL,YPIXEL, each 0-65535. */
static int parse_size(const char *s)
{
    unsigned short v[4];

    for (int i = 0; i < 4; i++) {
        char *end;
        if (*s < '0' || *s > '9')
            return -EINVAL;
        unsigned long n = strtoul(s, &end, 10);
        if (n > 65535 || *end != (i < 3 ? ',' : '\0'))
            return -EINVAL;
        v[i] = (unsigned short)n;
        s = end + 1;
    }
    size = (struct winsize){v[0], v[1], v[2], v[3]};
    return 0;
}

int ig_libc_tty_option(const char *opt)
{
    if (strncmp(opt, "tty=", 4) == 0) {
        if (opt[4] < '0' || opt[4] > '7' || opt[5])
            return -EINVAL;
        ig_vfs_stdio_tty((unsigned)(opt[4] - '0'));
        return 0;
    }
    if (strncmp(opt, "tty.attr=", 9) == 0)
        return parse_attr(opt + 9);
    if (strncmp(opt, "tty.size=", 9) == 0)
        return parse_size(opt + 9);
    return 1;
}

/* 0 when (fd) is the terminal, -ENOTTY or -EBADF otherwise. */
static int terminal(int fd)
{
    int r = ig_vfs_isatty(fd);
    return r < 0 ? r : 0;
}

int tcgetattr(int fd, struct termios *t)
{
    int r = terminal(fd);
    if (r == 0 && !t)
        r = -EFAULT;
    if (r == 0)
        *t = tty;
    return (int)ig_posix_ret(r);
}

int tcsetattr(int fd, int when, const struct termios *t)
{
    int r = terminal(fd);
    if (r == 0 && when != TCSANOW && when != TCSADRAIN && when != TCSAFLUSH)
        r = -EINVAL;
    if (r == 0 && !t)
        r = -EFAULT;
    if (r == 0 && host_tty) {
        struct ig_plat_termios k;
        to_plat(t, &k);
        r = ig_plat_tty_set(when - TCSANOW, &k);
    }
    if (r == 0)
        tty = *t;
    return (int)ig_posix_ret(r);
}

/* TIOCGWINSZ and TIOCSWINSZ on a terminal stream; 1 for other requests.
 * With -t the size is the host terminal's as the platform last learnt it
 * (SIGWINCH says it changed); a size set here lasts until it does. */
int ig_libc_tty_ioctl(int fd, unsigned long req, void *arg)
{
    if (req != TIOCGWINSZ && req != TIOCSWINSZ)
        return 1;
    int r = terminal(fd);
    if (r < 0)
        return r;
    if (!arg)
        return -EFAULT;
    if (req == TIOCSWINSZ) {
        memcpy(&size, arg, sizeof(size));
        return 0;
    }
    struct ig_plat_winsize w;
    if (host_tty && ig_plat_tty_winsize(&w) == 0)
        size = (struct winsize){w.rows, w.cols, w.xpixel, w.ypixel};
    memcpy(arg, &size, sizeof(size));
    return 0;
}

/* Console output is written through before write() returns, so there is
 * never output to wait for; input is the host's until read. */
int tcdrain(int fd)
{
    return (int)ig_posix_ret(terminal(fd));
}

int tcflow(int fd, int action)
{
    int r = terminal(fd);
    if (r == 0 && (action < TCOOFF || action > TCION))
        r = -EINVAL;
    return (int)ig_posix_ret(r);
}

int tcflush(int fd, int queue)
{
    int r = terminal(fd);
    if (r == 0 && (queue < TCIFLUSH || queue > TCIOFLUSH))
        r = -EINVAL;
    return (int)ig_posix_ret(r);
}

int tcsendbreak(int fd, int duration)
{
    (void)duration;
    return (int)ig_posix_ret(terminal(fd));
}

speed_t cfgetispeed(const struct termios *t)
{
    return t->c_cflag & CBAUD;
}

speed_t cfgetospeed(const struct termios *t)
{
    return t->c_cflag & CBAUD;
}

/* One speed for both directions, as Linux's terminals have. */
int cfsetospeed(struct termios *t, speed_t speed)
{
    if (speed & ~(speed_t)CBAUD)
        return (int)ig_posix_ret(-EINVAL);
    t->c_cflag = (t->c_cflag & ~(tcflag_t)CBAUD) | speed;
    t->c_ispeed = t->c_ospeed = speed;
    return 0;
}

int cfsetispeed(struct termios *t, speed_t speed)
{
    return speed == B0 ? 0 : cfsetospeed(t, speed);
}

int cfsetspeed(struct termios *t, speed_t speed)
{
    return cfsetospeed(t, speed);
}

void cfmakeraw(struct termios *t)
{
    t->c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR |
                              IGNCR | ICRNL | IXON);
    t->c_oflag &= ~(tcflag_t)OPOST;
    t->c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
    t->c_cflag &= ~(tcflag_t)(CSIZE | PARENB);
    t->c_cflag |= CS8;
    t->c_cc[VMIN] = 1;
    t->c_cc[VTIME] = 0;
}
