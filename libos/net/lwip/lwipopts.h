/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* lwipopts.h: how Ingot configures lwIP (NO_SYS, raw API, IPv4). */
#ifndef INGOT_LWIPOPTS_H
#define INGOT_LWIPOPTS_H

/*
 * NO_SYS: lwIP runs only inside ig_net_poll(), which the scheduler calls
 * when it runs out of work and the socket layer calls before it blocks
 * (docs/architecture.md, "Network").  The scheduler is cooperative, so
 * lwIP is never entered twice at once and needs no locks or threads.
 */
#define NO_SYS 1
#define SYS_LIGHTWEIGHT_PROT 0
#define LWIP_TIMERS 1
/* lwip/timers.c: no wake-ups while the stack has nothing to do. */
#define LWIP_TIMERS_CUSTOM 1
#define LWIP_SOCKET 0
#define LWIP_NETCONN 0

/* Memory: everything from the libos heap, limited only by its size. */
#define MEM_LIBC_MALLOC 1
#define MEMP_MEM_MALLOC 1
#define MEM_ALIGNMENT 8

#define LWIP_IPV4 1
#define LWIP_IPV6 0
#define LWIP_ARP 1
#define LWIP_ETHERNET 1
#define ETHARP_SUPPORT_STATIC_ENTRIES 0
#define LWIP_ICMP 1
#define LWIP_RAW 0
#define LWIP_UDP 1
#define LWIP_TCP 1
#define LWIP_DHCP 1
#define DHCP_DOES_ARP_CHECK 0
#define LWIP_DNS 1
#define DNS_MAX_SERVERS 2
#define LWIP_NETIF_STATUS_CALLBACK 1
#define LWIP_NETIF_LINK_CALLBACK 0
#define LWIP_NETIF_LOOPBACK 1
#define LWIP_HAVE_LOOPIF 1
#define LWIP_LOOPBACK_MAX_PBUFS 0
#define IP_REASSEMBLY 1
#define IP_FRAG 1

/* TCP: a 1460-byte MSS and windows large enough for a fast local link
 * (window scaling by 4 allows up to 256 KiB). */
#define TCP_MSS 1460
#define LWIP_WND_SCALE 1
#define TCP_RCV_SCALE 2
#define TCP_WND (192 * 1024)
#define TCP_SND_BUF (256 * 1024)
#define TCP_SND_QUEUELEN ((4 * TCP_SND_BUF) / TCP_MSS)
#define TCP_SNDLOWAT (32 * 1024)
#define TCP_OVERSIZE TCP_MSS
#define TCP_LISTEN_BACKLOG 1
#define TCP_DEFAULT_LISTEN_BACKLOG 128
#define LWIP_TCP_KEEPALIVE 1
#define SO_REUSE 1
#define LWIP_CALLBACK_API 1
#define TCP_QUEUE_OOSEQ 1
#define MEMP_NUM_TCP_SEG TCP_SND_QUEUELEN
#define PBUF_POOL_BUFSIZE 1536

#define LWIP_STATS 0
#define LWIP_NETIF_HOSTNAME 0
#define LWIP_CHECKSUM_ON_COPY 1
/* <netinet/in.h> has htons() and friends as functions. */
#define LWIP_DONT_PROVIDE_BYTEORDER_FUNCTIONS 1

#endif /* INGOT_LWIPOPTS_H */
