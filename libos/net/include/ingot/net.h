/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* net.h: the library OS's network stack: configuration, start, polling. */
#ifndef INGOT_NET_H
#define INGOT_NET_H

/*
 * Lifecycle.  The network is an optional component (<ingot/component.h>):
 * net.c registers it, and an image that makes no socket call links no
 * network code.  The boot sequence calls ig_net_option() for every libos
 * option starting with "net.", then, after the command line and before
 * constructors, ig_net_init() once.  ig_net_init() starts lwIP, brings up
 * the loopback interface and one interface per platform network device,
 * configures the first device from the options (or by DHCP when net.ip is
 * not given) and installs ig_net_poll() as the scheduler's idle hook.
 *
 * From then on the stack runs only inside ig_net_poll(): lwIP is built
 * with NO_SYS, and the cooperative scheduler guarantees that one thread at
 * a time is inside it.  Socket calls (<sys/socket.h>, libos/net/socket.c)
 * call ig_net_poll() themselves before they block or report EAGAIN.
 * exit() closes the image's sockets as Linux closes a process's (a FIN,
 * or a reset where data was left unread), then waits up to a second for
 * the peers to acknowledge TCP data and FINs still in flight (an atexit
 * handler ig_net_init() installs).
 *
 * Options (libos command line, before "--"):
 *
 *     net.ip=A.B.C.D/N   static IPv4 address and prefix length
 *     net.gw=A.B.C.D     default gateway
 *     net.dns=A.B.C.D    DNS server (repeatable, at most 2)
 *     net.dhcp_wait=MS   how long ig_net_init() waits for a DHCP lease
 *                        before main() starts anyway (default 10000:
 *                        lwIP retransmits at 2 and 6 s, and servers
 *                        such as dnsmasq ping an address for 3 s first)
 */

#include <stdint.h>

/* Records one "net.*" libos option (opt is the whole token).  Returns 0, or
 * -EINVAL when the option is unknown or its value malformed (the caller
 * prints "ingot: bad option"). */
int ig_net_option(const char *opt);

/* Starts the stack as described above.  Returns 0, or -ENOMEM.  A device
 * that fails to come up is reported on the console and skipped. */
int ig_net_init(void);

/* Receives every waiting frame from every device, feeds it to lwIP and
 * runs lwIP's due timers.  Returns the monotonic time (ns) at which the
 * next timer is due. */
uint64_t ig_net_poll(void);

#endif /* INGOT_NET_H */
