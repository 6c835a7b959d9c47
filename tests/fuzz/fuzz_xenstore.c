/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fuzz_xenstore.c: the xen platform's xenstore client reading replies that
 * come from the input, as a hostile or broken xenstored would send them. */
#include <setjmp.h>
#include <stdlib.h>

/* The client's file itself, so that each input starts from a fresh ring
 * and request counter (its state is static). */
#include "xenstore.c"

static struct xen_xs_interface page __attribute__((aligned(4096)));
static const uint8_t *input;
static size_t input_left;
static jmp_buf done;

long ig_xen_hvm_param(uint32_t index, uint64_t *v)
{
    *v = index == XEN_HVM_PARAM_STORE_PFN ? (uintptr_t)&page >> 12 : 3;
    return 0;
}

void ig_xen_evtchn_unmask(uint32_t p)
{
    (void)p;
}

/* xenstored takes every request byte at once. */
void ig_xen_evtchn_notify(uint32_t p)
{
    (void)p;
    page.req_cons = page.req_prod;
}

/* The guest waits for room (requests pending) or for reply bytes: the
 * next input bytes arrive, as many as the ring holds; when the input is
 * used up the daemon has gone silent and this input is done. */
void ig_xen_evtchn_wait(void)
{
    if (page.req_cons != page.req_prod) {
        page.req_cons = page.req_prod;
        return;
    }
    if (input_left == 0)
        longjmp(done, 1);
    uint32_t room = XEN_XS_RING_SIZE - (page.rsp_prod - page.rsp_cons);
    size_t n = input_left < room ? input_left : room;
    for (size_t i = 0; i < n; i++)
        page.rsp[(page.rsp_prod + i) % XEN_XS_RING_SIZE] = (char)input[i];
    page.rsp_prod += (uint32_t)n;
    input += n;
    input_left -= n;
}

/* A reply the client refuses ends the guest: fine, if it is clean. */
_Noreturn void ig_kvm_die(const char *msg)
{
    (void)msg;
    longjmp(done, 2);
}

static void read_checked(const char *path, size_t cap)
{
    char buf[256];
    long n = ig_xen_xs_read(path, buf, cap);

    /* A value is cut to fit or refused, never written past (cap). */
    if (n >= 0 && ((size_t)n >= cap || buf[n] != '\0'))
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    memset((void *)&page, 0, sizeof(page));
    ring = NULL;
    next_id = 0;
    input = data;
    input_left = size;
    ig_xen_xs_init();
    if (setjmp(done) == 0) {
        read_checked("device/vif/0/mac", 18);
        read_checked("device/vif/0/backend", 256);
        (void)ig_xen_xs_write("device/vif/0/state", "4");
        read_checked("backend/vif/1/0/state", 8);
    }
    return 0;
}
