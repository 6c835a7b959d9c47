/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* netinet/in.h: Internet addresses, protocols and byte order. */
#ifndef INGOT_NETINET_IN_H
#define INGOT_NETINET_IN_H

#include <stdint.h>
#include <sys/socket.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint32_t in_addr_t;
typedef uint16_t in_port_t;

struct in_addr {
    in_addr_t s_addr; /* network byte order */
};

struct sockaddr_in {
    sa_family_t sin_family;
    in_port_t sin_port; /* network byte order */
    struct in_addr sin_addr;
    unsigned char sin_zero[8];
};

struct in6_addr {
    uint8_t s6_addr[16];
};

struct sockaddr_in6 {
    sa_family_t sin6_family;
    in_port_t sin6_port;
    uint32_t sin6_flowinfo;
    struct in6_addr sin6_addr;
    uint32_t sin6_scope_id;
};

#define IN6ADDR_ANY_INIT                                                       \
    {                                                                          \
        {                                                                      \
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0                     \
        }                                                                      \
    }
#define IN6ADDR_LOOPBACK_INIT                                                  \
    {                                                                          \
        {                                                                      \
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1                     \
        }                                                                      \
    }
extern const struct in6_addr in6addr_any;      /* :: */
extern const struct in6_addr in6addr_loopback; /* ::1 */

/* Address classes (RFC 4291), on the 16 bytes of s6_addr. */
#define IG_IN6_U32(a, i)                                                       \
    ((uint32_t)(a)->s6_addr[4 * (i)] << 24 |                                   \
     (uint32_t)(a)->s6_addr[4 * (i) + 1] << 16 |                               \
     (uint32_t)(a)->s6_addr[4 * (i) + 2] << 8 | (a)->s6_addr[4 * (i) + 3])
#define IN6_IS_ADDR_UNSPECIFIED(a)                                             \
    (IG_IN6_U32(a, 0) == 0 && IG_IN6_U32(a, 1) == 0 &&                         \
     IG_IN6_U32(a, 2) == 0 && IG_IN6_U32(a, 3) == 0)
#define IN6_IS_ADDR_LOOPBACK(a)                                                \
    (IG_IN6_U32(a, 0) == 0 && IG_IN6_U32(a, 1) == 0 &&                         \
     IG_IN6_U32(a, 2) == 0 && IG_IN6_U32(a, 3) == 1)
#define IN6_IS_ADDR_V4MAPPED(a)                                                \
    (IG_IN6_U32(a, 0) == 0 && IG_IN6_U32(a, 1) == 0 &&                         \
     IG_IN6_U32(a, 2) == 0xffff)
#define IN6_IS_ADDR_V4COMPAT(a)                                                \
    (IG_IN6_U32(a, 0) == 0 && IG_IN6_U32(a, 1) == 0 &&                         \
     IG_IN6_U32(a, 2) == 0 && IG_IN6_U32(a, 3) > 1)
#define IN6_IS_ADDR_MULTICAST(a) ((a)->s6_addr[0] == 0xff)
#define IN6_IS_ADDR_LINKLOCAL(a)                                               \
    ((a)->s6_addr[0] == 0xfe && ((a)->s6_addr[1] & 0xc0) == 0x80)
#define IN6_IS_ADDR_SITELOCAL(a)                                               \
    ((a)->s6_addr[0] == 0xfe && ((a)->s6_addr[1] & 0xc0) == 0xc0)
#define IN6_ARE_ADDR_EQUAL(a, b)                                               \
    (__builtin_memcmp((a)->s6_addr, (b)->s6_addr, 16) == 0)

/* IP_PKTINFO and IPV6_PKTINFO ancillary data. */
struct in_pktinfo {
    int ipi_ifindex;
    struct in_addr ipi_spec_dst;
    struct in_addr ipi_addr;
};
struct in6_pktinfo {
    struct in6_addr ipi6_addr;
    unsigned int ipi6_ifindex;
};

/* Linux's protocol numbers (IANA's), linux/in.h and linux/in6.h. */
#define IPPROTO_IP 0
#define IPPROTO_HOPOPTS 0
#define IPPROTO_ICMP 1
#define IPPROTO_IGMP 2
#define IPPROTO_IPIP 4
#define IPPROTO_TCP 6
#define IPPROTO_EGP 8
#define IPPROTO_PUP 12
#define IPPROTO_UDP 17
#define IPPROTO_IDP 22
#define IPPROTO_TP 29
#define IPPROTO_DCCP 33
#define IPPROTO_IPV6 41
#define IPPROTO_ROUTING 43
#define IPPROTO_FRAGMENT 44
#define IPPROTO_RSVP 46
#define IPPROTO_GRE 47
#define IPPROTO_ESP 50
#define IPPROTO_AH 51
#define IPPROTO_ICMPV6 58
#define IPPROTO_NONE 59
#define IPPROTO_DSTOPTS 60
#define IPPROTO_MTP 92
#define IPPROTO_BEETPH 94
#define IPPROTO_ENCAP 98
#define IPPROTO_PIM 103
#define IPPROTO_COMP 108
#define IPPROTO_SCTP 132
#define IPPROTO_MH 135
#define IPPROTO_UDPLITE 136
#define IPPROTO_MPLS 137
#define IPPROTO_ETHERNET 143
#define IPPROTO_RAW 255
#define IPPROTO_MPTCP 262
#define IPPROTO_MAX 263

#define INADDR_ANY ((in_addr_t)0x00000000)
#define INADDR_BROADCAST ((in_addr_t)0xffffffff)
#define INADDR_NONE ((in_addr_t)0xffffffff)
#define INADDR_LOOPBACK ((in_addr_t)0x7f000001)

#define INET_ADDRSTRLEN 16
#define INET6_ADDRSTRLEN 46

#define IP_TOS 1
#define IP_TTL 2

/* IPv6 socket options, Linux's numbers.  The stack is IPv4 only, so
 * socket(AF_INET6, ...) fails with EAFNOSUPPORT and no socket takes them;
 * programs that try IPv6 first and fall back still compile. */
#define IPV6_UNICAST_HOPS 16
#define IPV6_MULTICAST_IF 17
#define IPV6_MULTICAST_HOPS 18
#define IPV6_MULTICAST_LOOP 19
#define IPV6_JOIN_GROUP 20
#define IPV6_LEAVE_GROUP 21
#define IPV6_V6ONLY 26
#define IPV6_RECVPKTINFO 49
#define IPV6_PKTINFO 50
#define IPV6_TCLASS 67

static inline uint16_t htons(uint16_t x)
{
    return __builtin_bswap16(x);
}
static inline uint16_t ntohs(uint16_t x)
{
    return __builtin_bswap16(x);
}
static inline uint32_t htonl(uint32_t x)
{
    return __builtin_bswap32(x);
}
static inline uint32_t ntohl(uint32_t x)
{
    return __builtin_bswap32(x);
}

#ifdef __cplusplus
}
#endif

#endif /* INGOT_NETINET_IN_H */
