/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* run_tty.c: `ingot run -t`: the terminal on standard input is the guest's. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <ingot/kvm_abi.h>

#include "run.h"

/*
 * The guest's terminal is the host's own, passed through as a container's
 * pty is its process's: the guest's tcsetattr() reaches it (pico: the
 * tender's ioctl; kvm: a record on the console that ig_run_tty_apply()
 * applies), so the host kernel echoes, edits lines and turns Ctrl-C into
 * SIGINT exactly as the guest asked.  ingot run puts it back at the end,
 * as the docker client does with its own terminal.
 */

/* Linux's kernel termios, the wire form of struct ig_plat_termios: the
 * four flag words little-endian, the line, 19 control characters. */
#define KTERMIOS 36
#define KNCC 19

static void put32(unsigned char *p, unsigned v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static unsigned get32(const unsigned char *p)
{
    return p[0] | p[1] << 8 | p[2] << 16 | (unsigned)p[3] << 24;
}

int ig_run_tty_prepare(struct ig_run_opts *o, struct ig_run_tty *t, char *err,
                       size_t errlen)
{
    memset(t, 0, sizeof(*t));
    o->tty_mask = 0;
    for (int fd = 0; fd < 3; fd++)
        if (isatty(fd))
            o->tty_mask |= 1 << fd;
    if (!o->tty)
        return 0;
    struct termios cur;
    if (tcgetattr(STDIN_FILENO, &cur) < 0) {
        snprintf(err, errlen,
                 "-t: standard input is not a terminal (run it from one, or "
                 "without -t)");
        return -1;
    }
    o->tty_mask = 7;
    t->attr = ig_xmalloc(sizeof(*t->attr));
    *t->attr = cur;
    t->saved = 1;

    unsigned char k[KTERMIOS];
    put32(k, cur.c_iflag);
    put32(k + 4, cur.c_oflag);
    put32(k + 8, cur.c_cflag);
    put32(k + 12, cur.c_lflag);
    k[16] = cur.c_line;
    memcpy(k + 17, cur.c_cc, KNCC);
    for (int i = 0; i < KTERMIOS; i++)
        snprintf(o->tty_attr + 2 * i, 3, "%02x", k[i]);
    struct winsize ws = {0};
    ioctl(STDIN_FILENO, TIOCGWINSZ, &ws); /* a serial line has none: 0s */
    snprintf(o->tty_size, sizeof(o->tty_size), "%u,%u,%u,%u", ws.ws_row,
             ws.ws_col, ws.ws_xpixel, ws.ws_ypixel);
    /* docker run -t's default, which -e and the image's own override. */
    int has_term = 0;
    for (size_t i = 0; i < o->env.n; i++)
        if (strncmp(o->env.v[i], "TERM=", 5) == 0)
            has_term = 1;
    if (!has_term)
        ig_strvec_push(&o->env, "TERM=xterm");
    return 0;
}

void ig_run_tty_restore(struct ig_run_tty *t)
{
    if (t->saved)
        tcsetattr(STDIN_FILENO, TCSADRAIN, t->attr);
    free(t->attr);
    t->attr = NULL;
    t->saved = 0;
}

static int hexval(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                  : -1;
}

void ig_run_tty_apply(int when, const char *hex)
{
    static const int acts[3] = {TCSANOW, TCSADRAIN, TCSAFLUSH};
    unsigned char k[KTERMIOS];
    struct termios t;

    for (int i = 0; i < KTERMIOS; i++) {
        int hi = hexval(hex[2 * i]), lo = hexval(hex[2 * i + 1]);
        if (hi < 0 || lo < 0 || when < 0 || when > 2)
            return; /* the matcher lets only well-formed records through */
        k[i] = (unsigned char)(hi << 4 | lo);
    }
    if (tcgetattr(STDIN_FILENO, &t) < 0)
        return;
    t.c_iflag = get32(k);
    t.c_oflag = get32(k + 4);
    t.c_cflag = get32(k + 8);
    t.c_lflag = get32(k + 12);
    t.c_line = k[16];
    memcpy(t.c_cc, k + 17, KNCC);
    tcsetattr(STDIN_FILENO, acts[when], &t);
}

int ig_run_tty_winsize(unsigned char out[8])
{
    struct winsize ws;

    if (ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) < 0)
        return -1;
    const unsigned short v[4] = {ws.ws_row, ws.ws_col, ws.ws_xpixel,
                                 ws.ws_ypixel};
    for (int i = 0; i < 4; i++) {
        out[2 * i] = (unsigned char)(v[i] & 0xff);
        out[2 * i + 1] = (unsigned char)(v[i] >> 8);
    }
    return 0;
}
