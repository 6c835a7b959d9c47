/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mem.c: the RAM the library OS may use, and the boot page-table pool. */
#include <ingot/plat.h>
#include <string.h>

#include "kvm_internal.h"

/* Each exclusion can split one region in two, so leave room above the
 * 128 memory-map entries pvh.c accepts. */
#define REGIONS_MAX 256

static struct ig_kvm_range regions[REGIONS_MAX];
static int region_count;

static uint64_t page_up(uint64_t a)
{
    return (a + IG_KVM_PAGE - 1) & ~(IG_KVM_PAGE - 1);
}

static uint64_t page_down(uint64_t a)
{
    return a & ~(IG_KVM_PAGE - 1);
}

static void append(uint64_t base, uint64_t end)
{
    if (region_count == REGIONS_MAX)
        ig_kvm_die("memory map too fragmented");
    regions[region_count].base = base;
    regions[region_count].end = end;
    region_count++;
}

/* Removes [base, end), widened to whole pages, from every region. */
static void subtract(uint64_t base, uint64_t end)
{
    base = page_down(base);
    end = end > UINT64_MAX - IG_KVM_PAGE ? UINT64_MAX : page_up(end);
    for (int i = 0; i < region_count; i++) {
        struct ig_kvm_range *r = &regions[i];

        if (end <= r->base || base >= r->end)
            continue;
        if (base > r->base && end < r->end) {
            append(end, r->end); /* visited later; no overlap with [base,end) */
            r->end = base;
        } else if (base > r->base) {
            r->end = base;
        } else if (end < r->end) {
            r->base = end;
        } else {
            r->base = r->end = 0; /* swallowed; dropped by compact() */
        }
    }
}

/* Sorts by base, merges overlapping or touching regions, drops empty ones,
 * so that no page can be reported twice even if the VMM's map overlaps. */
static void compact(void)
{
    int n = 0;

    for (int i = 1; i < region_count; i++) {
        struct ig_kvm_range r = regions[i];
        int j = i;

        for (; j > 0 && regions[j - 1].base > r.base; j--)
            regions[j] = regions[j - 1];
        regions[j] = r;
    }
    for (int i = 0; i < region_count; i++) {
        if (regions[i].base >= regions[i].end)
            continue;
        if (n > 0 && regions[i].base <= regions[n - 1].end) {
            if (regions[i].end > regions[n - 1].end)
                regions[n - 1].end = regions[i].end;
            continue;
        }
        regions[n++] = regions[i];
    }
    region_count = n;
}

void ig_kvm_mem_init(void)
{
    const struct ig_kvm_memmap_entry *map;
    const struct ig_kvm_range *boot;
    int n;

    map = ig_kvm_memmap(&n);
    for (int i = 0; i < n; i++)
        if (map[i].type == IG_KVM_E820_RAM)
            append(page_up(map[i].base), page_down(map[i].base + map[i].len));
    compact();
    /* Where the VMM's map overlaps itself, anything not RAM wins. */
    for (int i = 0; i < n; i++)
        if (map[i].type != IG_KVM_E820_RAM)
            subtract(map[i].base, map[i].base + map[i].len);
    /* Below 1 MiB is firmware territory; then the image, its stacks and
     * its boot page tables (all in .bss) up to _end. */
    subtract(0, (uintptr_t)_end);
    boot = ig_kvm_boot_data(&n);
    for (int i = 0; i < n; i++)
        subtract(boot[i].base, boot[i].end);
    compact();
}

uint64_t ig_kvm_boot_alloc_page(void)
{
    /* The boot page tables map only the low 4 GiB, and the caller writes
     * the page before the final tables exist. */
    for (int i = 0; i < region_count; i++) {
        struct ig_kvm_range *r = &regions[i];
        uint64_t *p;

        if (r->base >= r->end || r->base + IG_KVM_PAGE > IG_KVM_4G)
            continue;
        p = (uint64_t *)(uintptr_t)r->base;
        r->base += IG_KVM_PAGE;
        for (unsigned k = 0; k < IG_KVM_PAGE / sizeof(*p); k++)
            p[k] = 0;
        return (uintptr_t)p;
    }
    ig_kvm_die("out of memory for page tables");
}

int ig_plat_mem_regions(struct ig_plat_mem_region *out, int max)
{
    int n = 0;

    for (int i = 0; i < region_count; i++) {
        if (regions[i].base >= regions[i].end)
            continue;
        if (n < max) {
            out[n].base = (uintptr_t)regions[i].base;
            out[n].len = (size_t)(regions[i].end - regions[i].base);
        }
        n++;
    }
    return n;
}

uint64_t ig_kvm_mem_take_top(uint64_t len)
{
    struct ig_kvm_range *best = NULL;

    for (int i = 0; i < region_count; i++)
        if (!best || regions[i].end - regions[i].base > best->end - best->base)
            best = &regions[i];
    if (!best || best->end - best->base < len)
        return 0;
    best->end -= len;
    return best->end;
}

void *ig_kvm_dma_buffers(uint64_t len)
{
    uint64_t base;

    len = page_up(len);
    base = ig_kvm_mem_take_top(len);
    if (base == 0)
        ig_kvm_die("out of memory for device rings and buffers");
    return (void *)(uintptr_t)base;
}

void *ig_kvm_dma_alloc(uint64_t len)
{
    void *p = ig_kvm_dma_buffers(len);

    memset(p, 0, (size_t)page_up(len));
    return p;
}
