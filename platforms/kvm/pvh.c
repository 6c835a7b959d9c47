/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* pvh.c: reads the PVH start_info: command line, memory map, modules. */
#include <errno.h>
#include <ingot/kvm_abi.h>
#include <ingot/plat.h>

#include "kvm_internal.h"

/* The x86/HVM direct boot ABI ("PVH"), as the VMM lays it out. */
#define HVM_START_MAGIC 0x336ec578u

struct hvm_start_info {
    uint32_t magic;
    uint32_t version; /* >= 1: memmap_* are present */
    uint32_t flags;
    uint32_t nr_modules;
    uint64_t modlist_paddr;
    uint64_t cmdline_paddr;
    uint64_t rsdp_paddr;
    uint64_t memmap_paddr;
    uint32_t memmap_entries;
    uint32_t reserved;
};

struct hvm_modlist_entry {
    uint64_t paddr;
    uint64_t size;
    uint64_t cmdline_paddr;
    uint64_t reserved;
};

struct hvm_memmap_table_entry {
    uint64_t addr;
    uint64_t size;
    uint32_t type;
    uint32_t reserved;
};

/* The command line, NUL included: QEMU's -append is one execve() string,
 * which Linux bounds at 128 KiB (as libos's IG_CMDLINE_MAX). */
#define CMDLINE_MAX (128u << 10)
#define MEMMAP_MAX 128
#define MODULES_MAX 16
#define BOOT_DATA_MAX (4 + 2 * MODULES_MAX)

/* Points into the boot data, which stays reserved (ig_kvm_boot_data). */
static const char *cmdline = "";
static struct ig_kvm_memmap_entry memmap[MEMMAP_MAX];
static int memmap_count;
static struct ig_kvm_module modules[MODULES_MAX];
static int module_count;
static struct ig_kvm_range boot_data[BOOT_DATA_MAX];
static int boot_data_count;

/*
 * The boot page tables map only the low 4 GiB, and every address in
 * start_info is a physical one, so anything we read must lie below 4 GiB.
 * Returns (paddr) as a pointer, or dies naming (what).
 */
static const void *phys(uint64_t paddr, uint64_t len, const char *what)
{
    if (paddr == 0 || paddr >= IG_KVM_4G || len > IG_KVM_4G - paddr) {
        ig_kvm_puts("kvm: start_info: ");
        ig_kvm_puts(what);
        ig_kvm_puts(" at ");
        ig_kvm_put_hex(paddr);
        ig_kvm_puts(" is not in the low 4 GiB\n");
        ig_plat_exit(IG_KVM_STATUS_CRASH);
    }
    return (const void *)(uintptr_t)paddr;
}

static void note_boot_data(uint64_t base, uint64_t len)
{
    if (len == 0)
        return;
    boot_data[boot_data_count].base = base;
    boot_data[boot_data_count].end = base + len;
    boot_data_count++;
}

/* Length of the string at (paddr) including its NUL, or 0 when no NUL is
 * found within (max) bytes. */
static size_t string_size(uint64_t paddr, size_t max, const char *what)
{
    const char *s = phys(paddr, 1, what);

    for (size_t n = 0; n < max && paddr + n < IG_KVM_4G; n++)
        if (s[n] == '\0')
            return n + 1;
    return 0;
}

static void read_cmdline(uint64_t paddr)
{
    size_t size;
    const char *s;

    if (paddr == 0)
        return; /* cmdline stays "" */
    size = string_size(paddr, CMDLINE_MAX, "command line");
    if (size == 0)
        ig_kvm_die("command line longer than 131071 bytes; "
                   "pass large data in a file instead");
    s = phys(paddr, size, "command line");
    cmdline = s;
    note_boot_data(paddr, size);
}

static void read_memmap(const struct hvm_start_info *si)
{
    const struct hvm_memmap_table_entry *e;
    uint64_t bytes;

    if (si->version < 1)
        ig_kvm_die("start_info version 0 has no memory map; "
                   "this VMM's PVH support is too old");
    if (si->memmap_entries == 0)
        ig_kvm_die("start_info: empty memory map");
    if (si->memmap_entries > MEMMAP_MAX)
        ig_kvm_die("start_info: more than 128 memory map entries");
    bytes = (uint64_t)si->memmap_entries * sizeof(*e);
    e = phys(si->memmap_paddr, bytes, "memory map");
    for (uint32_t i = 0; i < si->memmap_entries; i++) {
        if (e[i].size == 0 || e[i].addr + e[i].size < e[i].addr)
            continue; /* empty or wrapping: ignore rather than trust */
        memmap[memmap_count].base = e[i].addr;
        memmap[memmap_count].len = e[i].size;
        memmap[memmap_count].type = e[i].type;
        memmap_count++;
    }
    note_boot_data(si->memmap_paddr, bytes);
}

static void read_modules(const struct hvm_start_info *si)
{
    const struct hvm_modlist_entry *m;
    uint64_t bytes;

    if (si->nr_modules == 0)
        return;
    if (si->nr_modules > MODULES_MAX)
        ig_kvm_die("start_info: more than 16 modules");
    bytes = (uint64_t)si->nr_modules * sizeof(*m);
    m = phys(si->modlist_paddr, bytes, "module list");
    for (uint32_t i = 0; i < si->nr_modules; i++) {
        struct ig_kvm_module *mod = &modules[module_count++];

        mod->base = m[i].paddr;
        mod->len = m[i].size;
        mod->cmdline = m[i].cmdline_paddr;
        /* Modules are used in place (module 0 is the initrd), so they and
         * their strings stay out of the free memory. */
        if (mod->len != 0)
            phys(mod->base, mod->len, "module");
        note_boot_data(mod->base, mod->len);
        if (mod->cmdline != 0)
            note_boot_data(mod->cmdline, string_size(mod->cmdline, CMDLINE_MAX,
                                                     "module command line"));
    }
    note_boot_data(si->modlist_paddr, bytes);
}

void ig_kvm_pvh_init(uint32_t start_info)
{
    const struct hvm_start_info *si;

    si = phys(start_info, sizeof(*si), "start_info");
    if (si->magic != HVM_START_MAGIC)
        ig_kvm_die_hex("start_info magic is ", si->magic,
                       " instead of 0x336ec578; was the image started "
                       "through the PVH entry point?");
    note_boot_data(start_info, sizeof(*si));
    read_cmdline(si->cmdline_paddr);
    read_memmap(si);
    read_modules(si);
}

const char *ig_plat_cmdline(void)
{
    return cmdline;
}

const struct ig_kvm_memmap_entry *ig_kvm_memmap(int *count)
{
    *count = memmap_count;
    return memmap;
}

const struct ig_kvm_module *ig_kvm_modules(int *count)
{
    *count = module_count;
    return modules;
}

const struct ig_kvm_range *ig_kvm_boot_data(int *count)
{
    *count = boot_data_count;
    return boot_data;
}

int ig_plat_initrd(const void **p, size_t *len)
{
    *p = NULL;
    *len = 0;
    if (module_count == 0 || modules[0].len == 0)
        return -ENOENT;
    /* Low memory is identity-mapped; read_modules() checked the range. */
    *p = (const void *)(uintptr_t)modules[0].base;
    *len = (size_t)modules[0].len;
    return 0;
}
