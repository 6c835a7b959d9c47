/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* sys/un.h: AF_UNIX socket addresses, laid out as on Linux. */
#ifndef INGOT_SYS_UN_H
#define INGOT_SYS_UN_H

#include <string.h>
#include <sys/socket.h>

struct sockaddr_un {
    sa_family_t sun_family; /* AF_UNIX */
    char sun_path[108];     /* a path, or "\0" then an abstract name */
};

#define SUN_LEN(p)                                                             \
    (__builtin_offsetof(struct sockaddr_un, sun_path) + strlen((p)->sun_path))

#endif /* INGOT_SYS_UN_H */
