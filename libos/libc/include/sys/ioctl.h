/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys/ioctl.h: ioctl(2) with Linux's request numbers. */
#ifndef INGOT_SYS_IOCTL_H
#define INGOT_SYS_IOCTL_H

/* The request numbers come from the kernel's UAPI headers. */
#include <asm/ioctls.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef INGOT_STRUCT_WINSIZE
#define INGOT_STRUCT_WINSIZE
struct winsize {
    unsigned short ws_row;
    unsigned short ws_col;
    unsigned short ws_xpixel;
    unsigned short ws_ypixel;
};
#endif

/* FIONBIO, FIOCLEX, FIONCLEX, FIONREAD and TIOCGWINSZ work on every
 * descriptor kind that has them; other requests fail with ENOTTY. */
int ioctl(int fd, unsigned long request, ...);

#ifdef __cplusplus
}
#endif

#endif /* INGOT_SYS_IOCTL_H */
