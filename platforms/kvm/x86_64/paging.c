/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* paging.c: the final identity-mapped page tables with per-section rights,
 * and the protections mprotect() gives pages of RAM later. */
#include <errno.h>

#include "../pci.h"
#include "kvm_internal.h"
#include "x86.h"

/*
 * What gets mapped, in this order, each step overriding the previous where
 * they overlap (later steps split 2 MiB pages into 4 KiB ones as needed):
 *
 *   1. the hole below 4 GiB, from where low RAM ends (3 GiB at the
 *      latest) to 4 GiB: LAPIC, IOAPIC, virtio-mmio, PCI BARs and ECAM,
 *      firmware; read/write, no-execute, uncached;
 *   2. firmware tables (E820 ACPI/NVS anywhere below 4 GiB, reserved below
 *      1 MiB where the RSDP lives): read-only, no-execute;
 *   3. RAM: read/write, no-execute;
 *   4. the image: page 0 unmapped (NULL), .text read-only executable,
 *      .rodata read-only, .data/.bss read/write, both stack guard pages
 *      unmapped;
 *   5. the guard page at the bottom of every thread-stack slot: unmapped;
 *   6. PCI memory BARs the firmware put above 4 GiB: like the hole.
 *
 * 2 MiB pages wherever a whole aligned 2 MiB has one kind, 4 KiB pages only
 * at the edges, so even a large VM costs a few page-table pages and no
 * measurable boot time.  1 GiB pages are not assumed to exist.
 */

#define PTE_P (1ull << 0)
#define PTE_W (1ull << 1)
#define PTE_PWT (1ull << 3)
#define PTE_PCD (1ull << 4)
#define PTE_PS (1ull << 7) /* in a PDE: maps 2 MiB */
/* Ignored by the CPU: a page made not present by PROT_NONE. */
#define PTE_NONE (1ull << 9)
#define PTE_NX (1ull << 63)
#define PTE_ADDR 0x000ffffffffff000ull
#define PTE_LEAF_FLAGS (PTE_NX | 0xfffull)

#define SIZE_2M 0x200000ull
#define SIZE_1M 0x100000ull
#define HOLE_LOWEST 0xc0000000ull /* the hole is at least 3..4 GiB */

static uint64_t *pml4;
static uint64_t pte_nx; /* PTE_NX where the CPU has it, else 0 */
int (*ig_arch_paging_none)(uint64_t a);

static uint64_t *table(uint64_t entry)
{
    return (uint64_t *)(uintptr_t)(entry & PTE_ADDR);
}

/* The entry of (parent) at (index), made to point to a table if empty. */
static uint64_t *next_level(uint64_t *parent, unsigned index)
{
    if (!(parent[index] & PTE_P))
        parent[index] = ig_kvm_boot_alloc_page() | PTE_P | PTE_W;
    return table(parent[index]);
}

static uint64_t *pde_of(uint64_t a)
{
    /* Callers walk addresses in order; remembering the last page
     * directory keeps the 2 MiB loops cheap (boot time under TCG). */
    static uint64_t *pd;
    static uint64_t pd_gib = UINT64_MAX;

    if (a >> 30 != pd_gib) {
        uint64_t *pdpt = next_level(pml4, (a >> 39) & 511);

        pd = next_level(pdpt, (a >> 30) & 511);
        pd_gib = a >> 30;
    }
    return &pd[(a >> 21) & 511];
}

/* The page table under (*pde), which maps the 2 MiB at (base); a 2 MiB
 * page there is split into 512 small pages with the same rights. */
static uint64_t *pt_of(uint64_t *pde, uint64_t base)
{
    uint64_t old = *pde, *pt;

    if ((old & PTE_P) && !(old & PTE_PS))
        return table(old);
    pt = (uint64_t *)(uintptr_t)ig_kvm_boot_alloc_page();
    if (old & PTE_P)
        for (unsigned i = 0; i < 512; i++)
            pt[i] = (base + i * IG_KVM_PAGE) | (old & PTE_LEAF_FLAGS & ~PTE_PS);
    *pde = (uintptr_t)pt | PTE_P | PTE_W;
    return pt;
}

/* Maps [start, end) (page-aligned) to itself with (flags); 0 unmaps. */
static void map(uint64_t start, uint64_t end, uint64_t flags)
{
    uint64_t a = start;

    while (a < end) {
        uint64_t *pde = pde_of(a);
        uint64_t chunk_end = (a | (SIZE_2M - 1)) + 1;
        uint64_t *pt;

        if ((a & (SIZE_2M - 1)) == 0 && end - a >= SIZE_2M &&
            !((*pde & PTE_P) && !(*pde & PTE_PS))) {
            *pde = flags ? a | flags | PTE_PS : 0;
            a += SIZE_2M;
            continue;
        }
        /* Partial 2 MiB, or one already split: small pages. */
        pt = pt_of(pde, a & ~(SIZE_2M - 1));
        if (chunk_end > end)
            chunk_end = end;
        for (; a < chunk_end; a += IG_KVM_PAGE)
            pt[(a >> 12) & 511] = flags ? a | flags : 0;
    }
}

static uint64_t up(uint64_t a, uint64_t align)
{
    return (a + align - 1) & ~(align - 1);
}

static uint64_t down(uint64_t a, uint64_t align)
{
    return a & ~(align - 1);
}

/* Maps the whole pages inside [base, base + len). */
static void map_inside(uint64_t base, uint64_t len, uint64_t flags)
{
    uint64_t start = up(base, IG_KVM_PAGE), end = down(base + len, IG_KVM_PAGE);

    if (start < end)
        map(start, end, flags);
}

static uint64_t hole_start(const struct ig_kvm_memmap_entry *m, int n)
{
    uint64_t top = 0;

    /* Where low RAM ends; q35 with a lot of memory starts PCI at 2 GiB. */
    for (int i = 0; i < n; i++) {
        uint64_t end = m[i].base + m[i].len;

        if (m[i].type == IG_KVM_E820_RAM && m[i].base < IG_KVM_4G && end > top)
            top = end < IG_KVM_4G ? end : IG_KVM_4G;
    }
    top = down(top, SIZE_2M);
    return top < HOLE_LOWEST ? top : HOLE_LOWEST;
}

void ig_arch_paging_init(void)
{
    const struct ig_kvm_memmap_entry *m;
    uint64_t nx = 0, ro, rw;
    int n;

    /* pvh_start.S set EFER.NXE if the CPU has it; without it bit 63 is
     * reserved and setting it would fault, so data stays executable. */
    if (ig_arch_rdmsr(IG_X86_MSR_EFER) & IG_X86_EFER_NXE)
        nx = PTE_NX;
    pte_nx = nx;
    ro = PTE_P | nx;
    rw = PTE_P | PTE_W | nx;
    m = ig_kvm_memmap(&n);
    pml4 = (uint64_t *)(uintptr_t)ig_kvm_boot_alloc_page();

    map(hole_start(m, n), IG_KVM_4G, rw | PTE_PCD | PTE_PWT);
    for (int i = 0; i < n; i++) {
        int acpi =
            m[i].type == IG_KVM_E820_ACPI || m[i].type == IG_KVM_E820_NVS;
        int bios = m[i].type == IG_KVM_E820_RESERVED && m[i].base < SIZE_1M;

        if ((acpi && m[i].base < IG_KVM_4G) || bios)
            map_inside(m[i].base, m[i].len, ro);
    }
    for (int i = 0; i < n; i++)
        if (m[i].type == IG_KVM_E820_RAM)
            map_inside(m[i].base, m[i].len, rw);

    map(0, IG_KVM_PAGE, 0);
    map((uintptr_t)_text_start, (uintptr_t)_etext, PTE_P);
    map((uintptr_t)_rodata_start, (uintptr_t)_erodata, ro);
    map((uintptr_t)_data_start, up((uintptr_t)_end, IG_KVM_PAGE), rw);
    map((uintptr_t)ig_kvm_boot_guard, (uintptr_t)ig_kvm_boot_stack_lo, 0);
    map((uintptr_t)ig_kvm_trap_guard, (uintptr_t)ig_kvm_trap_stack_lo, 0);
    if (ig_kvm_main_stack.end)
        map(ig_kvm_main_stack.base, ig_kvm_main_stack.base + IG_KVM_PAGE, 0);
    for (unsigned i = 0; i < ig_kvm_stacks.count; i++) {
        uint64_t guard = ig_kvm_stacks.base + (uint64_t)i * ig_kvm_stacks.slot;

        map(guard, guard + IG_KVM_PAGE, 0);
    }

    const struct ig_pci_fn *fns = ig_kvm_pci_fns(&n);
    for (int i = 0; i < n; i++) {
        const struct ig_pci_fn *f = &fns[i];

        for (int b = 0; b < 6; b++)
            if (f->bar[b] >= IG_KVM_4G && f->bar_size[b])
                map(down(f->bar[b], IG_KVM_PAGE),
                    up(f->bar[b] + f->bar_size[b], IG_KVM_PAGE),
                    rw | PTE_PCD | PTE_PWT);
    }

    /* Identity map: the code and stack we are running on stay put.  The
     * CR3 write flushes every translation of the boot tables. */
    ig_arch_write_cr3((uintptr_t)pml4);
}

/* ---- Protections after boot (ig_plat_mem_protect) --------------------- */

static int paging_none(uint64_t a);

static void invlpg(uint64_t a)
{
    __asm__ volatile("invlpg (%0)" : : "r"(a) : "memory");
}

/*
 * RAM is mapped from boot, so every page directory exists; a 2 MiB page
 * the range covers only in part is split first, into a table from
 * ig_libos_page_alloc(), so that running out leaves every right as it
 * was.  Split tables stay (at most one page per 2 MiB of RAM, 0.2%).
 * PROT_NONE is a not-present entry marked PTE_NONE, which the fault path
 * reports as the protection violation it is.
 */
int ig_plat_mem_protect(uintptr_t base, size_t len, unsigned prot)
{
    uint64_t start = base, end = base + len, flags = PTE_NONE;

    if (prot & (IG_PLAT_PROT_READ | IG_PLAT_PROT_WRITE | IG_PLAT_PROT_EXEC))
        flags = PTE_P | ((prot & IG_PLAT_PROT_EXEC) ? 0 : pte_nx);
    if (prot & IG_PLAT_PROT_WRITE)
        flags |= PTE_W;
    ig_arch_paging_none = paging_none;
    for (uint64_t a = down(start, SIZE_2M); a < end; a += SIZE_2M) {
        uint64_t *pde = pde_of(a), *pt, old = *pde;

        if (!(old & (PTE_P | PTE_NONE)))
            return -EINVAL; /* no RAM the boot tables mapped */
        if (!(old & PTE_PS) || (a >= start && a + SIZE_2M <= end))
            continue;
        if (!(pt = ig_libos_page_alloc()))
            return -ENOMEM;
        for (unsigned i = 0; i < 512; i++)
            pt[i] = (a + i * IG_KVM_PAGE) | (old & PTE_LEAF_FLAGS & ~PTE_PS);
        *pde = (uintptr_t)pt | PTE_P | PTE_W;
    }
    for (uint64_t a = start; a < end;) {
        uint64_t *pde = pde_of(a);

        if ((*pde & PTE_PS) && !(a & (SIZE_2M - 1)) && end - a >= SIZE_2M) {
            *pde = a | flags | PTE_PS;
            invlpg(a);
            a += SIZE_2M;
            continue;
        }
        uint64_t *pt = table(*pde);
        uint64_t stop = up(a + 1, SIZE_2M) < end ? up(a + 1, SIZE_2M) : end;
        for (; a < stop; a += IG_KVM_PAGE) {
            pt[(a >> 12) & 511] = a | flags;
            invlpg(a);
        }
    }
    return 0;
}

static int paging_none(uint64_t a)
{
    uint64_t e = pml4[(a >> 39) & 511];

    if (!(e & PTE_P))
        return 0;
    e = table(e)[(a >> 30) & 511];
    if (!(e & PTE_P))
        return 0;
    e = table(e)[(a >> 21) & 511];
    if (!(e & PTE_P) || (e & PTE_PS))
        return (e & (PTE_P | PTE_NONE)) == PTE_NONE;
    e = table(e)[(a >> 12) & 511];
    return (e & (PTE_P | PTE_NONE)) == PTE_NONE;
}
