/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* net_internal.h: what the files of libos/net share. */
#ifndef INGOT_NET_INTERNAL_H
#define INGOT_NET_INTERNAL_H

#include <ingot/net.h>
#include <ingot/sched.h>
#include <ingot/vfs.h>
#include <stdint.h>

struct netif;

/* lwip/netif.c: brings up platform network device (dev) as an lwIP
 * Ethernet interface (not yet up, no address).  Returns it, or NULL after
 * printing why. */
struct netif *ig_netif_add(int dev);

/* Feeds every frame waiting on (nif)'s device to lwIP, at most (max).
 * Returns IG_NETIF_EMPTY when the device had no more, IG_NETIF_MORE when
 * it stopped at (max) with frames perhaps still waiting, IG_NETIF_NOMEM
 * when it stopped for want of memory.  Frames left waiting raise no
 * further interrupt (a device signals new frames, not old ones), so the
 * caller must come back for them. */
enum { IG_NETIF_EMPTY, IG_NETIF_MORE, IG_NETIF_NOMEM };
int ig_netif_drain(struct netif *nif, int max);

/* lwip/timers.c: a frame went out or came in (the stack is busy: its
 * periodic timers wake the guest for a while). */
void ig_net_timers_frame(void);

/* poll.c: every thread in poll(), select() or epoll_wait() waits here,
 * woken by ig_file_notify(). */
extern struct ig_waitq ig_poll_waiters;

/* Converts a poll(2)/select(2)/epoll timeout in ms (negative: forever) to
 * a monotonic deadline in ns. */
uint64_t ig_net_deadline_ms(int timeout_ms);

/* poll.c: installs the wake-up for pollers and looks at the network once
 * (if it is linked); call before the first scan of a poll-like call. */
void ig_poll_prepare(void);

/* poll.c: waits for any readiness change or (deadline).  Returns 0 after
 * a wake-up (scan again), -ETIMEDOUT once the deadline has passed. */
int ig_poll_wait(uint64_t deadline);

#endif /* INGOT_NET_INTERNAL_H */
