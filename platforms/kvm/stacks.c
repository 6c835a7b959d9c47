/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* stacks.c: the pool of guarded thread stacks, the FS base for TLS, and
 * the image's data without its stack guards. */
#include <errno.h>
#include <ingot/plat.h>

#include "kvm_internal.h"
#include "x86_64/x86.h"

/* 124 KiB of stack above a 4 KiB guard page; at most a quarter of the
 * largest RAM region, and at most 256 threads. */
#define SLOT_SIZE (128ull << 10)
#define SLOTS_MAX 256u
#define MSR_FS_BASE 0xc0000100u

#define MAIN_STACK_MIN (64ull << 10)
#define MAIN_STACK_MAX (8ull << 20)

struct ig_plat_stack_pool ig_kvm_stacks;
struct ig_kvm_range ig_kvm_main_stack;

/* The length of the largest RAM region (of the first 64). */
static uint64_t largest_region(void)
{
    struct ig_plat_mem_region all[64];
    uint64_t largest = 0;
    int m = ig_plat_mem_regions(all, 64);

    for (int k = 0; k < m && k < 64; k++)
        if (all[k].len > largest)
            largest = all[k].len;
    return largest;
}

void ig_kvm_main_stack_init(void)
{
    uint64_t largest = largest_region(), size;

    size = (largest / 32) & ~(uint64_t)(IG_PLAT_PAGE_SIZE - 1);
    if (size < MAIN_STACK_MIN)
        size = MAIN_STACK_MIN;
    if (size > MAIN_STACK_MAX)
        size = MAIN_STACK_MAX;
    if (size + IG_PLAT_PAGE_SIZE > largest / 2)
        return; /* a tiny guest: the boot stack will do */
    uint64_t base = ig_kvm_mem_take_top(size + IG_PLAT_PAGE_SIZE);
    if (base == 0)
        return;
    ig_kvm_main_stack.base = base;
    ig_kvm_main_stack.end = base + IG_PLAT_PAGE_SIZE + size;
}

void ig_kvm_stacks_init(void)
{
    uint64_t count = largest_region() / 4 / SLOT_SIZE;

    if (count > SLOTS_MAX)
        count = SLOTS_MAX;
    if (count == 0)
        return;
    ig_kvm_stacks.base = (uintptr_t)ig_kvm_mem_take_top(count * SLOT_SIZE);
    if (ig_kvm_stacks.base == 0)
        return;
    ig_kvm_stacks.slot = SLOT_SIZE;
    ig_kvm_stacks.count = (unsigned)count;
}

void ig_plat_stack_pool(struct ig_plat_stack_pool *out)
{
    *out = ig_kvm_stacks;
}

int ig_plat_tls_set(uintptr_t tp)
{
    ig_arch_wrmsr(MSR_FS_BASE, tp);
    return 0;
}

/* The boot and trap stacks lie in .bss, each above an unmapped guard page
 * (x86_64/paging.c): [_data_start, _end) without those two pages. */
int ig_plat_image_data(struct ig_plat_mem_region *out, int max)
{
    uintptr_t cut[2] = {(uintptr_t)ig_kvm_boot_guard,
                        (uintptr_t)ig_kvm_trap_guard};
    uintptr_t at = (uintptr_t)_data_start, end = (uintptr_t)_end;
    int n = 0;

    if (cut[1] < cut[0]) {
        uintptr_t t = cut[0];
        cut[0] = cut[1];
        cut[1] = t;
    }
    for (int i = 0; i < 2; i++) {
        if (cut[i] < at || cut[i] >= end)
            continue;
        if (cut[i] > at) {
            if (n < max)
                out[n] = (struct ig_plat_mem_region){at, cut[i] - at};
            n++;
        }
        at = cut[i] + IG_KVM_PAGE;
    }
    if (end > at) {
        if (n < max)
            out[n] = (struct ig_plat_mem_region){at, end - at};
        n++;
    }
    return n;
}

/* QEMU and Xen load the image's segments only: its symbol table stays in
 * the file, and `ingot run` names the frames of a crash report. */
int ig_plat_symbols(struct ig_plat_symtab *t)
{
    (void)t;
    return -ENOENT;
}
