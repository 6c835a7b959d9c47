/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* netinet/tcp.h: TCP socket options (Linux values). */
#ifndef INGOT_NETINET_TCP_H
#define INGOT_NETINET_TCP_H

#define TCP_NODELAY 1
#define TCP_MAXSEG 2
/* Linux's number; lwIP has no corking, so setsockopt() refuses it with
 * ENOPROTOOPT (nginx asks only with tcp_nopush on). */
#define TCP_CORK 3
#define TCP_KEEPIDLE 4
#define TCP_KEEPINTVL 5
#define TCP_KEEPCNT 6

#endif /* INGOT_NETINET_TCP_H */
