/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* xenstore.c: a synchronous xenstore client on the shared ring. */
#include <errno.h>
#include <ingot/plat.h>
#include <string.h>

#include "xen_internal.h"

static volatile struct xen_xs_interface *ring;
static uint32_t port;
static uint32_t next_id;
static char reply[XEN_XS_PAYLOAD_MAX + 1];

void ig_xen_xs_init(void)
{
    uint64_t pfn, evtchn;

    if (ig_xen_hvm_param(XEN_HVM_PARAM_STORE_PFN, &pfn) < 0 || pfn == 0 ||
        ig_xen_hvm_param(XEN_HVM_PARAM_STORE_EVTCHN, &evtchn) < 0)
        return; /* no xenstore: no devices */
    ring = (volatile struct xen_xs_interface *)(uintptr_t)(pfn << 12);
    port = (uint32_t)evtchn;
    ig_xen_evtchn_unmask(port);
}

static void put(const void *data, size_t len)
{
    const char *p = data;

    while (len > 0) {
        uint32_t cons = ring->req_cons, prod = ring->req_prod;

        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        if (prod - cons >= XEN_XS_RING_SIZE) {
            ig_xen_evtchn_notify(port);
            ig_xen_evtchn_wait();
            continue;
        }
        while (len > 0 && prod - cons < XEN_XS_RING_SIZE) {
            ring->req[prod++ % XEN_XS_RING_SIZE] = *p++;
            len--;
        }
        __atomic_thread_fence(__ATOMIC_RELEASE);
        ring->req_prod = prod;
        ig_xen_evtchn_notify(port);
    }
}

static void get(void *data, size_t len)
{
    char *p = data;

    while (len > 0) {
        uint32_t cons = ring->rsp_cons, prod = ring->rsp_prod;

        __atomic_thread_fence(__ATOMIC_ACQUIRE);
        if (cons == prod) {
            ig_xen_evtchn_wait();
            continue;
        }
        while (len > 0 && cons != prod) {
            *p++ = ring->rsp[cons++ % XEN_XS_RING_SIZE];
            len--;
        }
        __atomic_thread_fence(__ATOMIC_RELEASE);
        ring->rsp_cons = cons;
        ig_xen_evtchn_notify(port);
    }
}

/* Maps xenstored's error names to errno values. */
static int xs_errno(const char *name)
{
    static const struct {
        const char *name;
        int err;
    } names[] = {{"ENOENT", ENOENT}, {"EACCES", EACCES}, {"EINVAL", EINVAL},
                 {"EEXIST", EEXIST}, {"ENOSPC", ENOSPC}, {"EAGAIN", EAGAIN},
                 {"EBUSY", EBUSY},   {"E2BIG", E2BIG}};

    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (strcmp(name, names[i].name) == 0)
            return -names[i].err;
    return -EIO;
}

/* Sends one request made of (n) strings (each with its NUL when (nul)
 * says so) and stores the reply in reply[]; returns its length or a
 * negative errno. */
static long request(uint32_t type, const char *const *parts, int n, int nul)
{
    struct xen_xs_msg m = {.type = type, .req_id = ++next_id};
    size_t len = 0;

    if (!ring)
        return -ENODEV;
    for (int i = 0; i < n; i++)
        len += strlen(parts[i]) + (nul || i + 1 < n ? 1 : 0);
    if (len > XEN_XS_PAYLOAD_MAX)
        return -E2BIG;
    m.len = (uint32_t)len;
    put(&m, sizeof(m));
    for (int i = 0; i < n; i++)
        put(parts[i], strlen(parts[i]) + (nul || i + 1 < n ? 1 : 0));
    for (;;) {
        get(&m, sizeof(m));
        if (m.len > XEN_XS_PAYLOAD_MAX)
            ig_kvm_die("xenstore: reply longer than 4096 bytes");
        get(reply, m.len);
        reply[m.len] = '\0';
        if (m.type != XEN_XS_WATCH_EVENT && m.req_id == next_id)
            break; /* stray watch events are dropped */
    }
    if (m.type == XEN_XS_ERROR)
        return xs_errno(reply);
    return (long)m.len;
}

long ig_xen_xs_read(const char *path, char *buf, size_t cap)
{
    const char *parts[] = {path};
    long n = request(XEN_XS_READ, parts, 1, 1);

    if (n < 0)
        return n;
    /* Values come without a NUL; some daemons add one. */
    while (n > 0 && reply[n - 1] == '\0')
        n--;
    if ((size_t)n + 1 > cap)
        return -ERANGE;
    memcpy(buf, reply, (size_t)n);
    buf[n] = '\0';
    return n;
}

int ig_xen_xs_write(const char *path, const char *value)
{
    const char *parts[] = {path, value};
    long n = request(XEN_XS_WRITE, parts, 2, 0);

    return n < 0 ? (int)n : 0;
}
