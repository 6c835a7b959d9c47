/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* pico.c: the entry from the tender, the boot page, small plat.h answers. */
#include <errno.h>
#include <ingot/pico_abi.h>
#include <ingot/plat.h>

#include "pico_internal.h"

int ig_pico_console_fd = 1;
static const char *cmdline = "";

/* Copies of the boot page: the guest never trusts it to stay unchanged. */
static struct ig_plat_mem_region mem;
static uintptr_t stack_lo, stack_hi;
static struct ig_plat_stack_pool stacks;
static uint32_t flags;
static const void *initrd;
static size_t initrd_len;
int ig_pico_tap_fd = -1;
int ig_pico_stdin_fd = -1;
unsigned ig_pico_tty;
int ig_pico_tty_ctl;
uint64_t *ig_pico_host_signals;
static uint16_t tap_mtu;
static uint8_t tap_mac[6];
static struct ig_plat_symtab symtab;

_Noreturn void ig_pico_start(struct ig_pico_boot *bi)
{
    const char *s;

    ig_pico_entry_ns = ig_plat_clock_monotonic();
    /* Until the boot page is known good the console is the default fd 1. */
    if (!bi || bi->magic != IG_PICO_BOOT_MAGIC)
        ig_pico_die("no boot page from the tender; run pico images with "
                    "`ingot run` or ingot-pico");
    if (bi->version != IG_PICO_ABI_VERSION ||
        bi->size < sizeof(struct ig_pico_boot))
        ig_pico_die("the tender speaks another pico ABI version; use the "
                    "ingot-pico of the toolchain that built this image");
    ig_pico_console_fd = bi->console_fd;
    bi->fault_entry = (uint64_t)(uintptr_t)ig_pico_fault_entry;

    /* The command line stays in the tender's boot pages, which nothing
     * writes after the jump here; the library OS reads it once, bounded by
     * IG_CMDLINE_MAX, into its own heap. */
    s = (const char *)(uintptr_t)bi->cmdline;
    if (s)
        cmdline = s;
    mem.base = (uintptr_t)bi->mem_base;
    mem.len = (size_t)bi->mem_len;
    stack_lo = (uintptr_t)bi->stack_lo;
    stack_hi = (uintptr_t)bi->stack_hi;
    stacks.base = (uintptr_t)bi->stacks_base;
    stacks.slot = (size_t)bi->stacks_slot;
    stacks.count = bi->stacks_count;
    stacks.guard_on_use = 1;
    flags = bi->flags;
    initrd = (const void *)(uintptr_t)bi->initrd_base;
    initrd_len = (size_t)bi->initrd_len;
    ig_pico_volumes_init(bi);
    ig_pico_tap_fd = bi->tap_fd;
    ig_pico_stdin_fd = bi->stdin_fd;
    ig_pico_tty = bi->tty;
    ig_pico_tty_ctl = (flags & IG_PICO_F_TTY) != 0;
    ig_pico_host_signals = &bi->host_signals;
    ig_pico_vdso_clock = (int (*)(long, struct ig_pico_timespec *))(
                             uintptr_t)bi->vdso_clock_gettime;
    tap_mtu = bi->tap_mtu;
    for (int i = 0; i < 6; i++)
        tap_mac[i] = bi->tap_mac[i];
    symtab =
        (struct ig_plat_symtab){.syms = (const void *)(uintptr_t)bi->symtab,
                                .nsyms = (size_t)bi->nsyms,
                                .strs = (const char *)(uintptr_t)bi->strtab,
                                .strs_len = (size_t)bi->strtab_len,
                                .code_lo = (uintptr_t)bi->code_lo,
                                .code_hi = (uintptr_t)bi->code_hi};
    ig_libos_main();
}

const char *ig_plat_name(void)
{
    return "pico";
}

const char *ig_plat_cmdline(void)
{
    return cmdline;
}

int ig_plat_mem_regions(struct ig_plat_mem_region *out, int max)
{
    if (mem.len == 0)
        return 0;
    if (max > 0)
        out[0] = mem;
    return 1;
}

/* Whether [base, base + len) lies inside [lo, lo + n). */
static int inside(uintptr_t base, size_t len, uintptr_t lo, size_t n)
{
    return base >= lo && len <= n && base - lo <= n - len;
}

/* The tender's filter allows mprotect inside the region and the stack
 * pool above it, without PROT_EXEC only (tender/memory.c); the platform
 * asks for nothing else. */
int ig_plat_mem_protect(uintptr_t base, size_t len, unsigned prot)
{
    if (prot & IG_PLAT_PROT_EXEC)
        return -EACCES;
    if (!inside(base, len, mem.base, mem.len) &&
        !inside(base, len, stacks.base, (size_t)stacks.count * stacks.slot))
        return -EINVAL;
    long r = ig_pico_syscall3(IG_PICO_NR_MPROTECT, (long)base, (long)len,
                              (long)prot);
    return r < 0 ? -ENOMEM : 0;
}

int ig_plat_dev_count(enum ig_plat_dev_kind kind)
{
    /* Host directories and the tap device come from the tender. */
    if (kind == IG_PLAT_DEV_HOSTDIR)
        return ig_pico_nvolumes;
    if (kind == IG_PLAT_DEV_NET)
        return ig_pico_tap_fd >= 0;
    return 0;
}

/* The archive the tender read from --initrd; libos/vfs checks it. */
int ig_plat_initrd(const void **p, size_t *len)
{
    if (!initrd || initrd_len == 0) {
        *p = NULL;
        *len = 0;
        return -ENOENT;
    }
    *p = initrd;
    *len = initrd_len;
    return 0;
}

/* The tender maps stacks outside the image: its data is all readable. */
int ig_plat_image_data(struct ig_plat_mem_region *out, int max)
{
    extern char _data_start[], _end[];

    if (max > 0)
        out[0] = (struct ig_plat_mem_region){(uintptr_t)_data_start,
                                             (size_t)(_end - _data_start)};
    return 1;
}

/* The tender maps the image's symbol table read-only (pico_abi.h). */
int ig_plat_symbols(struct ig_plat_symtab *t)
{
    if (!symtab.syms || !symtab.nsyms || !symtab.strs)
        return -ENOENT;
    *t = symtab;
    return 0;
}

void ig_plat_boot_stack(uintptr_t *lo, uintptr_t *hi)
{
    *lo = stack_lo;
    *hi = stack_hi;
}

void ig_plat_stack_pool(struct ig_plat_stack_pool *out)
{
    *out = stacks;
}

int ig_plat_tls_set(uintptr_t tp)
{
    /* arch_prctl is not in the sandbox's allowlist; without FSGSBASE (CPUs
     * before Ivy Bridge, kernels before 5.9) there is no way to move %fs. */
    if (!(flags & IG_PICO_F_FSGSBASE))
        return -ENOSYS;
    __asm__ volatile("wrfsbase %0" : : "r"((uint64_t)tp) : "memory");
    return 0;
}

/* The tap device, if any, is network device 0 (net.c does the I/O). */
int ig_plat_net_info(int dev, struct ig_plat_net_info *out)
{
    if (dev != 0 || ig_pico_tap_fd < 0)
        return -ENODEV;
    for (int i = 0; i < 6; i++)
        out->mac[i] = tap_mac[i];
    out->mtu = tap_mtu;
    out->features = 0;
    return 0;
}

/* No 9P devices yet: ig_plat_dev_count() reports 0. */
int ig_plat_9p_tag(int dev, char *buf, size_t cap)
{
    (void)dev;
    (void)buf;
    (void)cap;
    return -ENODEV;
}

size_t ig_plat_9p_msize(int dev)
{
    (void)dev;
    return 0;
}

long ig_plat_9p_rpc(int dev, const struct ig_plat_iov *out, int nout,
                    const struct ig_plat_iov *in, int nin)
{
    (void)dev;
    (void)out;
    (void)nout;
    (void)in;
    (void)nin;
    return -ENODEV;
}
