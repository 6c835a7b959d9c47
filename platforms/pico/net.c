/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* net.c: network frames through the tap descriptor the tender opened. */
#include <errno.h>
#include <ingot/plat.h>

#include "pico_internal.h"

#define FRAME_MAX (65535 + 14)

int ig_plat_net_send(int dev, const struct ig_plat_iov *iov, int n)
{
    /* One write is one frame, and writev is not in the allowlist: gather
     * the pieces here. */
    static unsigned char frame[FRAME_MAX];
    size_t len = 0;

    if (dev != 0 || ig_pico_tap_fd < 0)
        return -ENODEV;
    for (int i = 0; i < n; i++) {
        if (iov[i].len > sizeof(frame) - len)
            return -EMSGSIZE;
        const unsigned char *p = iov[i].base;
        for (size_t k = 0; k < iov[i].len; k++)
            frame[len + k] = p[k];
        len += iov[i].len;
    }
    for (;;) {
        long r = ig_pico_syscall3(IG_PICO_NR_WRITE, ig_pico_tap_fd, (long)frame,
                                  (long)len);
        if (r == -EINTR)
            continue;
        if (r == -EAGAIN || r == -ENOBUFS)
            return -EAGAIN;
        if (r == -EINVAL || r == -EMSGSIZE)
            return -EMSGSIZE;
        /* The interface being down (EIO) loses the frame, as a cable
         * would; the stack's retransmissions cope. */
        return 0;
    }
}

long ig_plat_net_recv(int dev, void *buf, size_t cap)
{
    if (dev != 0 || ig_pico_tap_fd < 0)
        return -ENODEV;
    for (;;) {
        long r = ig_pico_syscall3(IG_PICO_NR_READ, ig_pico_tap_fd, (long)buf,
                                  (long)cap);
        if (r == -EINTR)
            continue;
        if (r == -EAGAIN || r < 0)
            return 0;
        return r;
    }
}
