/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* xen_internal.h: what the files of the xen platform share with each other. */
#ifndef INGOT_XEN_INTERNAL_H
#define INGOT_XEN_INTERNAL_H

/*
 * The xen platform is a PVH domU.  Its x86_64 PVH base is the kvm
 * platform's (pvh_start.S, start_info, free memory, stack pool, GDT/IDT,
 * traps, page tables: see kvm_internal.h), compiled into this platform too;
 * this folder adds what differs on Xen: hypercalls, the console ring, event
 * channels, the PV clock, grant tables, xenstore and netfront.
 *
 * Boot order (xen.c): pvh_start.S -> ig_kvm_main(): hypercall page,
 * console ring, cpu, pvh, mem, stacks, paging, shared info + event
 * channels + clock, xenstore, netfront, then ig_libos_main().
 */

#include <stddef.h>
#include <stdint.h>

#include <ingot/xen_abi.h>

#include "kvm_internal.h"

/* hypercall.c (boot): finds Xen's CPUID leaves and installs the hypercall
 * page; returns 0, or -1 when not running on Xen. */
int ig_xen_hypercall_init(void);
extern char ig_xen_hypercall_page[];
extern int ig_xen_hypercalls_ready; /* set once the page is installed */

/* Hypercall (nr) with up to five arguments; returns Xen's value (0 or a
 * negative Xen errno, which matches Linux's numbering). */
static inline long ig_xen_hypercall(unsigned nr, uint64_t a1, uint64_t a2,
                                    uint64_t a3, uint64_t a4, uint64_t a5)
{
    register uint64_t r10 __asm__("r10") = a4;
    register uint64_t r8 __asm__("r8") = a5;
    long ret;

    __asm__ volatile("call *%[fn]"
                     : "=a"(ret), "+D"(a1), "+S"(a2), "+d"(a3), "+r"(r10),
                       "+r"(r8)
                     : [fn] "r"(ig_xen_hypercall_page + nr * 32)
                     : "memory", "rcx", "r9", "r11");
    return ret;
}

#define ig_xen_hc2(nr, a, b) ig_xen_hypercall((nr), (a), (b), 0, 0, 0)

/* HVMOP_get_param of (index) for this domain, into (*v); returns 0 or a
 * negative Xen errno. */
long ig_xen_hvm_param(uint32_t index, uint64_t *v);

/* console.c: init (boot) finds the console ring; until then, and if there
 * is none, output goes to the debug port 0xe9 (Xen's log).  drain waits
 * (bounded) until the console daemon has read everything. */
void ig_xen_console_init(void);
void ig_xen_console_drain(void);

/* evtchn.c (boot, after paging): maps shared_info, installs the upcall
 * vector, binds VIRQ_TIMER.  shared is the mapped page. */
void ig_xen_evtchn_init(void);
extern volatile struct xen_shared_info *ig_xen_shared;
/* Sends a notification on (port); unmask enables delivery of (port). */
void ig_xen_evtchn_notify(uint32_t port);
void ig_xen_evtchn_unmask(uint32_t port);
/* Allocates an unbound port that domain (remote) can bind; returns the
 * port or a negative Xen errno. */
long ig_xen_evtchn_alloc_unbound(uint16_t remote);
/* Clears every pending event; returns how many ports were pending. */
int ig_xen_evtchn_poll(void);
/* Halts until an event arrives (or returns at once if one is pending). */
void ig_xen_evtchn_wait(void);

/* time.c: records the TSC at entry (boot, first); ns reads the PV clock
 * (Xen system time, 0 before evtchn_init maps shared_info). */
void ig_xen_time_entry(void);
uint64_t ig_xen_time_ns(void);

/* grant.c (boot, after paging): maps the grant table.  grant gives domain
 * (dom) access to the page at physical address (pa), read-only when
 * (ro); returns the grant reference or -ENOSPC.  end revokes (ref),
 * returning 0 or -EBUSY while the other side still maps it. */
void ig_xen_grant_init(void);
int ig_xen_grant(uint16_t dom, uint64_t pa, int ro);
int ig_xen_grant_end(int ref);

/* xenstore.c (boot, after evtchn): read stores the value of (path),
 * NUL-terminated, in (buf) and returns its length; write sets it; both
 * return negative errno (-ENOENT, -EACCES, -EIO, -ERANGE) on failure. */
void ig_xen_xs_init(void);
long ig_xen_xs_read(const char *path, char *buf, size_t cap);
int ig_xen_xs_write(const char *path, const char *value);

/* netfront.c (boot, after xenstore): connects vif devices. */
void ig_xen_netfront_init(void);
int ig_xen_netfront_count(void);
/* Waits (bounded) until the backends took every frame given to them. */
void ig_xen_netfront_flush(void);

#endif /* INGOT_XEN_INTERNAL_H */
