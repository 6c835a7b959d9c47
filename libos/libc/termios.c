/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* termios.c: terminal attributes of the image's terminal (sys/termios.h). */
#include <ingot/posix.h>
#include <ingot/vfs.h>

#include <string.h>
#include <termios.h>

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
    if (r == 0)
        tty = *t;
    return (int)ig_posix_ret(r);
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
