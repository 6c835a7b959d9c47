/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* evtchn.c: shared_info, event channels (2-level) and the upcall vector. */
#include <ingot/plat.h>

#include "xen_internal.h"

#define UPCALL_VECTOR 0xf0

volatile struct xen_shared_info *ig_xen_shared;
/* &vcpu_info[0].evtchn_upcall_pending, for upcall.S. */
volatile uint8_t *ig_xen_upcall_flag;
void ig_xen_upcall_entry(void);
void ig_xen_idle_halt(void); /* sti; hlt; cli (upcall.S) */

/* The page Xen's shared_info frame replaces; any RAM page would do. */
static uint8_t shared_page[4096] __attribute__((aligned(4096)));

void ig_xen_evtchn_init(void)
{
    struct xen_add_to_physmap map = {
        .domid = XEN_DOMID_SELF,
        .space = XEN_MAPSPACE_SHARED_INFO,
        .idx = 0,
        .gpfn = (uintptr_t)shared_page >> 12,
    };
    struct xen_hvm_param cb = {
        .domid = XEN_DOMID_SELF,
        .index = XEN_HVM_PARAM_CALLBACK_IRQ,
        .value = XEN_HVM_CALLBACK_VECTOR(UPCALL_VECTOR),
    };
    struct xen_evtchn_bind_virq timer = {.virq = XEN_VIRQ_TIMER, .vcpu = 0};
    long r;

    r = ig_xen_hc2(XEN_HC_MEMORY_OP, XEN_MEM_ADD_TO_PHYSMAP, (uintptr_t)&map);
    if (r < 0)
        ig_kvm_die_hex("mapping shared_info failed: ", (uint64_t)r, "");
    ig_xen_shared = (volatile struct xen_shared_info *)shared_page;
    ig_xen_upcall_flag = &ig_xen_shared->vcpu_info[0].evtchn_upcall_pending;
    ig_xen_shared->vcpu_info[0].evtchn_upcall_mask = 0;
    ig_arch_idt_set(UPCALL_VECTOR, (uintptr_t)ig_xen_upcall_entry);
    r = ig_xen_hc2(XEN_HC_HVM_OP, XEN_HVMOP_SET_PARAM, (uintptr_t)&cb);
    if (r < 0)
        ig_kvm_die_hex("setting the upcall vector failed: ", (uint64_t)r, "");
    /* Without a port bound to it the one-shot timer would wake nothing. */
    r = ig_xen_hc2(XEN_HC_EVENT_CHANNEL_OP, XEN_EVTCHNOP_BIND_VIRQ,
                   (uintptr_t)&timer);
    if (r < 0)
        ig_kvm_die_hex("binding VIRQ_TIMER failed: ", (uint64_t)r, "");
    ig_xen_evtchn_unmask(timer.port);
}

void ig_xen_evtchn_notify(uint32_t port)
{
    uint32_t p = port;

    if (ig_xen_hypercalls_ready)
        ig_xen_hc2(XEN_HC_EVENT_CHANNEL_OP, XEN_EVTCHNOP_SEND, (uintptr_t)&p);
}

void ig_xen_evtchn_unmask(uint32_t port)
{
    uint32_t p = port;

    ig_xen_hc2(XEN_HC_EVENT_CHANNEL_OP, XEN_EVTCHNOP_UNMASK, (uintptr_t)&p);
}

long ig_xen_evtchn_alloc_unbound(uint16_t remote)
{
    struct xen_evtchn_alloc_unbound a = {.dom = XEN_DOMID_SELF,
                                         .remote_dom = remote};
    long r = ig_xen_hc2(XEN_HC_EVENT_CHANNEL_OP, XEN_EVTCHNOP_ALLOC_UNBOUND,
                        (uintptr_t)&a);

    return r < 0 ? r : (long)a.port;
}

int ig_xen_evtchn_poll(void)
{
    volatile struct xen_vcpu_info *v;
    uint64_t sel;
    int n = 0;

    if (!ig_xen_shared)
        return 0;
    v = &ig_xen_shared->vcpu_info[0];
    /* Flag, then selector, then the ports: the order Xen sets them in
     * reverse, so an event arriving meanwhile raises the flag again. */
    v->evtchn_upcall_pending = 0;
    sel = __atomic_exchange_n(&v->evtchn_pending_sel, 0, __ATOMIC_SEQ_CST);
    while (sel) {
        int w = __builtin_ctzll(sel);
        uint64_t bits;

        sel &= sel - 1;
        bits =
            ig_xen_shared->evtchn_pending[w] & ~ig_xen_shared->evtchn_mask[w];
        __atomic_fetch_and(&ig_xen_shared->evtchn_pending[w], ~bits,
                           __ATOMIC_SEQ_CST);
        n += __builtin_popcountll(bits);
    }
    return n;
}

void ig_xen_evtchn_wait(void)
{
    /* Interrupts stay off except across this one hlt; the sti shadow
     * makes "check, enable, halt" atomic, so no upcall is missed (and
     * upcall.S covers a CPU that loses the shadow). */
    __asm__ volatile("cli" ::: "memory");
    if (ig_xen_shared && !ig_xen_shared->vcpu_info[0].evtchn_upcall_pending)
        ig_xen_idle_halt();
    ig_xen_evtchn_poll();
}
