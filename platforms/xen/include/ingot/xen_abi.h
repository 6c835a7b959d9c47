/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* xen_abi.h: the parts of Xen's public guest ABI the xen platform uses. */
#ifndef INGOT_XEN_ABI_H
#define INGOT_XEN_ABI_H

/*
 * Written from Xen's public interface documentation (xen/include/public:
 * xen.h, hvm/params.h, hvm/hvm_op.h, event_channel.h, grant_table.h,
 * memory.h, sched.h, vcpu.h, io/console.h, io/xs_wire.h, io/netif.h), for
 * x86_64 guests of Xen 4.x.  Only what this platform calls is here.
 *
 * The image's console protocol with `ingot run` is kvm's (kvm_abi.h): the
 * console carries the program's output followed by the exit record
 * ESC '_' "ingot-exit:" <status> ESC '\\'; on Xen the domain then shuts
 * down with reason poweroff (or crash for status 255).
 */

#include <stdint.h>

/* Hypercall numbers; each is a 32-byte slot of the hypercall page. */
#define XEN_HC_MEMORY_OP 12
#define XEN_HC_CONSOLE_IO 18
#define XEN_HC_GRANT_TABLE_OP 20
#define XEN_HC_VCPU_OP 24
#define XEN_HC_SCHED_OP 29
#define XEN_HC_EVENT_CHANNEL_OP 32
#define XEN_HC_HVM_OP 34

#define XEN_DOMID_SELF 0x7ff0u
#define XEN_CPUID_SIGNATURE "XenVMMXenVMM"

/* sched_op */
#define XEN_SCHEDOP_YIELD 0
#define XEN_SCHEDOP_SHUTDOWN 2
#define XEN_SHUTDOWN_POWEROFF 0
#define XEN_SHUTDOWN_CRASH 3

/* hvm_op: get/set a parameter of a domain. */
#define XEN_HVMOP_SET_PARAM 0
#define XEN_HVMOP_GET_PARAM 1
struct xen_hvm_param {
    uint16_t domid;
    uint16_t pad;
    uint32_t index;
    uint64_t value;
};
#define XEN_HVM_PARAM_CALLBACK_IRQ 0
#define XEN_HVM_PARAM_STORE_PFN 1
#define XEN_HVM_PARAM_STORE_EVTCHN 2
#define XEN_HVM_PARAM_CONSOLE_PFN 17
#define XEN_HVM_PARAM_CONSOLE_EVTCHN 18
/* CALLBACK_IRQ value: deliver events as this interrupt vector. */
#define XEN_HVM_CALLBACK_VECTOR(v) ((2ull << 56) | (v))

/* memory_op: place a Xen-owned frame at a guest physical page. */
#define XEN_MEM_ADD_TO_PHYSMAP 7
struct xen_add_to_physmap {
    uint16_t domid;
    uint16_t size;
    uint32_t space;
    uint64_t idx;
    uint64_t gpfn;
};
#define XEN_MAPSPACE_SHARED_INFO 0
#define XEN_MAPSPACE_GRANT_TABLE 1

/* vcpu_op: a one-shot timer at Xen system time (ns), firing VIRQ_TIMER. */
#define XEN_VCPUOP_SET_SINGLESHOT_TIMER 8
struct xen_vcpu_singleshot_timer {
    uint64_t timeout_abs_ns;
    uint32_t flags;
    uint32_t pad;
};
#define XEN_VIRQ_TIMER 0

/* event_channel_op */
#define XEN_EVTCHNOP_BIND_VIRQ 1
#define XEN_EVTCHNOP_SEND 4
#define XEN_EVTCHNOP_ALLOC_UNBOUND 6
#define XEN_EVTCHNOP_UNMASK 9
struct xen_evtchn_bind_virq {
    uint32_t virq, vcpu, port;
};
struct xen_evtchn_alloc_unbound {
    uint16_t dom, remote_dom;
    uint32_t port;
};

/* Shared info page: per-vCPU event state and PV clock, 2-level events. */
struct xen_vcpu_time_info {
    uint32_t version; /* odd while Xen updates the record */
    uint32_t pad0;
    uint64_t tsc_timestamp;
    uint64_t system_time; /* ns at tsc_timestamp */
    uint32_t tsc_to_system_mul;
    int8_t tsc_shift;
    uint8_t flags;
    uint8_t pad1[2];
};

struct xen_vcpu_info {
    uint8_t evtchn_upcall_pending;
    uint8_t evtchn_upcall_mask;
    uint8_t pad[6];
    uint64_t evtchn_pending_sel;
    uint64_t cr2, pad2;
    struct xen_vcpu_time_info time;
};

struct xen_shared_info {
    struct xen_vcpu_info vcpu_info[32];
    uint64_t evtchn_pending[64];
    uint64_t evtchn_mask[64];
    uint32_t wc_version; /* odd while Xen updates wc_* */
    uint32_t wc_sec;     /* wall clock at system time 0 */
    uint32_t wc_nsec;
    uint32_t wc_sec_hi;
};

/* grant_table_op; version 1 entries. */
#define XEN_GNTTABOP_QUERY_SIZE 6
struct xen_gnttab_query_size {
    uint16_t dom;
    uint16_t pad;
    uint32_t nr_frames, max_nr_frames;
    int16_t status;
};
struct xen_grant_entry_v1 {
    uint16_t flags;
    uint16_t domid;
    uint32_t frame;
};
#define XEN_GTF_PERMIT_ACCESS 1u
#define XEN_GTF_READONLY (1u << 2)
#define XEN_GTF_READING (1u << 3)
#define XEN_GTF_WRITING (1u << 4)
/* References 0..7 are the toolstack's (console, xenstore). */
#define XEN_GNTTAB_RESERVED 8

/* The console ring (io/console.h). */
struct xen_cons_interface {
    char in[1024];
    char out[2048];
    uint32_t in_cons, in_prod;
    uint32_t out_cons, out_prod;
};

/* The xenstore ring and messages (io/xs_wire.h). */
#define XEN_XS_RING_SIZE 1024u
struct xen_xs_interface {
    char req[XEN_XS_RING_SIZE];
    char rsp[XEN_XS_RING_SIZE];
    uint32_t req_cons, req_prod;
    uint32_t rsp_cons, rsp_prod;
};
struct xen_xs_msg {
    uint32_t type, req_id, tx_id, len;
};
#define XEN_XS_READ 2
#define XEN_XS_GET_DOMAIN_PATH 10
#define XEN_XS_WRITE 11
#define XEN_XS_WATCH_EVENT 15
#define XEN_XS_ERROR 16
#define XEN_XS_PAYLOAD_MAX 4096u

/* xenbus states (io/xenbus.h) */
#define XEN_BUS_INITIALISING 1
#define XEN_BUS_INIT_WAIT 2
#define XEN_BUS_INITIALISED 3
#define XEN_BUS_CONNECTED 4
#define XEN_BUS_CLOSING 5
#define XEN_BUS_CLOSED 6

#endif /* INGOT_XEN_ABI_H */
