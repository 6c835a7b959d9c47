/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* run_input.c: standard input and signals into a kvm guest's console. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <ingot/kvm_abi.h>

#include "run.h"

static void put(struct ig_run_input *in, unsigned char b)
{
    in->buf[in->len++] = b;
}

void ig_run_input_init(struct ig_run_input *in, int src, int dst, int tty)
{
    in->src = src;
    in->dst = dst;
    in->len = 0;
    in->end_sent = 0;
    in->tty = tty;
    fcntl(dst, F_SETFL, fcntl(dst, F_GETFL) | O_NONBLOCK);
    /* QEMU takes a few bytes at a time: a big pipe lets ingot run write
     * large pieces and sleep (the default size is a hint; failing is
     * fine). */
    fcntl(dst, F_SETPIPE_SZ, 1 << 20);
    for (int i = 0; i < 2; i++) {
        put(in, IG_KVM_IN_ESC);
        put(in, IG_KVM_IN_BEGIN);
    }
    if (tty) {
        put(in, IG_KVM_IN_ESC);
        put(in, IG_KVM_IN_TTY);
    }
}

/* Escaped, a chunk of input can double in size: read at most half the
 * free space, less the marker that may follow it. */
static size_t room(const struct ig_run_input *in)
{
    size_t free = sizeof(in->buf) - in->len;
    return free > 2 ? (free - 2) / 2 : 0;
}

void ig_run_input_poll(const struct ig_run_input *in, struct pollfd *src,
                       struct pollfd *dst)
{
    src->fd = in->src >= 0 && room(in) > 0 ? in->src : -1;
    src->events = POLLIN;
    dst->fd = in->dst >= 0 && in->len > 0 ? in->dst : -1;
    dst->events = POLLOUT;
}

/* End of input: after the data already queued. */
static void end_input(struct ig_run_input *in)
{
    if (in->src > 0)
        close(in->src);
    in->src = -1;
    if (!in->end_sent && in->len + 2 <= sizeof(in->buf)) {
        put(in, IG_KVM_IN_ESC);
        put(in, IG_KVM_IN_EOF);
        in->end_sent = 1;
    }
}

int ig_run_input_winsize(struct ig_run_input *in, const unsigned char ws[8])
{
    if (in->dst < 0 || in->len + 2 + IG_KVM_WINSIZE_LEN > sizeof(in->buf))
        return -1;
    put(in, IG_KVM_IN_ESC);
    put(in, IG_KVM_IN_WINSIZE);
    for (int i = 0; i < IG_KVM_WINSIZE_LEN; i++)
        put(in, ws[i]);
    return 0;
}

int ig_run_input_clock(struct ig_run_input *in)
{
    struct timespec ts;

    if (in->dst < 0 || in->len > 0)
        return -1;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t ns = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
    put(in, IG_KVM_IN_ESC);
    put(in, IG_KVM_IN_CLOCK);
    for (int i = 0; i < IG_KVM_CLOCK_LEN; i++)
        put(in, (unsigned char)(ns >> (8 * i)));
    /* Written at once, so the reading is as fresh as it can be. */
    ssize_t n = write(in->dst, in->buf, in->len);
    if (n > 0) {
        memmove(in->buf, in->buf + n, in->len - (size_t)n);
        in->len -= (size_t)n;
    }
    return 0;
}

int ig_run_input_signal(struct ig_run_input *in, int sig)
{
    if (in->dst < 0 || in->len + 3 > sizeof(in->buf))
        return -1;
    put(in, IG_KVM_IN_ESC);
    put(in, IG_KVM_IN_SIGNAL);
    put(in, (unsigned char)sig);
    return 0;
}

void ig_run_input_service(struct ig_run_input *in, const struct pollfd *src,
                          const struct pollfd *dst)
{
    if (src->fd >= 0 && (src->revents & (POLLIN | POLLHUP | POLLERR))) {
        unsigned char chunk[sizeof(in->buf) / 2];
        ssize_t n = read(in->src, chunk, room(in));
        if (n > 0) {
            for (ssize_t i = 0; i < n; i++) {
                if (chunk[i] == IG_KVM_IN_ESC)
                    put(in, IG_KVM_IN_ESC);
                put(in, chunk[i]);
            }
        }
        int hangup = n == 0 && (src->revents & POLLHUP);
        if (in->tty && n >= 0 && !hangup) {
            /* -t: the guest's reads end where ours did (a line, or ^D's
             * empty read); room() kept space for the marker. */
            put(in, IG_KVM_IN_ESC);
            put(in, IG_KVM_IN_EOT);
        } else if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
            end_input(in);
        }
    }
    if (in->src < 0 && !in->end_sent)
        end_input(in); /* once there is room for the marker */
    if (dst->fd >= 0 && (dst->revents & (POLLOUT | POLLERR | POLLHUP))) {
        ssize_t n = write(in->dst, in->buf, in->len);
        if (n > 0) {
            memmove(in->buf, in->buf + n, in->len - (size_t)n);
            in->len -= (size_t)n;
        } else if (n < 0 && errno != EINTR && errno != EAGAIN) {
            /* The guest is gone: nothing more can reach it. */
            close(in->dst);
            in->dst = -1;
            in->len = 0;
        }
    }
}

void ig_run_input_close(struct ig_run_input *in)
{
    if (in->src > 0)
        close(in->src);
    if (in->dst >= 0)
        close(in->dst);
    in->src = in->dst = -1;
}
