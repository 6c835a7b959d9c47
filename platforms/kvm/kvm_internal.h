/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* kvm_internal.h: what the files of the kvm platform share with each other. */
#ifndef INGOT_KVM_INTERNAL_H
#define INGOT_KVM_INTERNAL_H

/*
 * Boot order (kvm.c): pvh_start.S -> ig_kvm_main(): tsc, serial, cpu (GDT,
 * TSS, IDT), pvh (start_info), mem (free RAM), paging (final tables), then
 * ig_libos_main().  Functions marked "boot" may only run in that sequence.
 */

#include <stddef.h>
#include <stdint.h>

#include <ingot/plat.h>

#define IG_KVM_PAGE 4096ull
#define IG_KVM_4G 0x100000000ull

/* kvm.ld */
extern char _text_start[], _etext[], _rodata_start[], _erodata[];
extern char _data_start[], _edata[], __bss_start[], _end[];

/* pvh_start.S: stacks, each directly above an unmapped guard page. */
extern char ig_kvm_boot_guard[], ig_kvm_boot_stack_lo[], ig_kvm_boot_stack_hi[];
extern char ig_kvm_trap_guard[], ig_kvm_trap_stack_lo[], ig_kvm_trap_stack_hi[];

/* A physical address range [base, end). */
struct ig_kvm_range {
    uint64_t base, end;
};

/* kvm.c: the C entry, called once from pvh_start.S on the boot stack with
 * the physical address of struct hvm_start_info. */
_Noreturn void ig_kvm_main(uint32_t start_info);

/* serial.c: COM1.  init (boot) programs it; drain waits until the last byte
 * has left the transmitter.  frame.c: puts and put_hex need no libc. */
void ig_kvm_serial_init(void);
/* console_in.c: routes the console's receive interrupt (after the LAPIC). */
void ig_kvm_console_in_init(void);
/* The host terminal's window size as `ingot run` last reported it on the
 * console's input (console_in.c): 0, or -EAGAIN when none came yet. */
struct ig_plat_winsize;
int ig_kvm_winsize(struct ig_plat_winsize *w);
void ig_kvm_serial_drain(void);
void ig_kvm_puts(const char *s);
void ig_kvm_put_hex(uint64_t v);

/* frame.c (shared with xen): die prints "<ig_plat_name()>: <msg>\n" and
 * exits 255, die_hex the same with (v) in hex between two strings;
 * exit_record writes the exit record for (status).  exit.c: exit_hard
 * skips the console (and the exit record) and goes straight to the VMM. */
void ig_kvm_exit_record(unsigned status);
_Noreturn void ig_kvm_die(const char *msg);
_Noreturn void ig_kvm_die_hex(const char *before, uint64_t v,
                              const char *after);
_Noreturn void ig_kvm_exit_hard(int status);

/* pvh.c (boot): validates and copies what start_info describes; dies with a
 * message on anything malformed.  Afterwards the accessors return copies. */
#define IG_KVM_E820_RAM 1
#define IG_KVM_E820_RESERVED 2
#define IG_KVM_E820_ACPI 3
#define IG_KVM_E820_NVS 4

struct ig_kvm_memmap_entry {
    uint64_t base, len;
    uint32_t type;
};

struct ig_kvm_module {
    uint64_t base, len;
    uint64_t cmdline; /* physical address of its NUL-terminated string, or 0 */
};

void ig_kvm_pvh_init(uint32_t start_info);
const struct ig_kvm_memmap_entry *ig_kvm_memmap(int *count);
const struct ig_kvm_module *ig_kvm_modules(int *count);
/* Ranges holding start_info, the command line, the memory map, the module
 * list, the modules and their command lines. */
const struct ig_kvm_range *ig_kvm_boot_data(int *count);

/* mem.c (boot): init computes the free RAM; alloc_page takes a zeroed page
 * below 4 GiB (page tables), which is then no longer free. */
void ig_kvm_mem_init(void);
uint64_t ig_kvm_boot_alloc_page(void);

/* stacks.c (boot): init takes the thread-stack pool (plat.h) from the top
 * of the largest RAM region, before paging; paging.c unmaps each slot's
 * guard page.  The pool is recorded in ig_kvm_stacks. */
void ig_kvm_stacks_init(void);
extern struct ig_plat_stack_pool ig_kvm_stacks;

/* Takes the main thread's stack from the top of the largest RAM region,
 * before the thread stacks: a 32nd of that region, from 64 KiB up to
 * Linux's default 8 MiB, above a guard page.  Recorded in
 * ig_kvm_main_stack (base: the guard page, end: the top), which stays
 * empty when memory is too short; then main keeps the boot stack. */
void ig_kvm_main_stack_init(void);
extern struct ig_kvm_range ig_kvm_main_stack;

/* mem.c (boot): removes (len) bytes (page multiple) from the top of the
 * largest free region and returns their base, or 0 if none is big enough. */
uint64_t ig_kvm_mem_take_top(uint64_t len);

/* x86_64/cpu.c (boot): GDT with TSS (IST1 = trap stack), IDT for 0..31. */
void ig_arch_cpu_init(void);

/* x86_64/cpu.c: points IDT vector (vec) at (handler), an interrupt gate
 * on the current stack. */
void ig_arch_idt_set(int vec, uint64_t handler);

/* x86_64/lapic.c: init (boot, after paging) masks the 8259 PICs, enables
 * the local APIC; returns 0, or -1 without a local APIC.  halt_ns arms a
 * one-shot timer interrupt in (ns) nanoseconds (calibrating the timer
 * against the TSC on first use) and halts until an interrupt arrives. */
int ig_arch_lapic_init(void);
void ig_arch_lapic_halt_ns(uint64_t ns);

/* x86_64/lapic.c: whether init found a local APIC (device interrupts need
 * one). */
int ig_arch_lapic_present(void);

/* x86_64/ioapic.c: routes input (pin) of the first I/O APIC to (vector),
 * level-triggered, active high, unmasked.  Returns 0, or -1 when there is
 * no I/O APIC or no such pin. */
int ig_arch_ioapic_route(unsigned pin, unsigned vector);

/* irq.c: device interrupts, on vectors IG_KVM_IRQ_FIRST and up.  alloc
 * takes the next free vector and makes it call fn(arg) (with interrupts
 * off; fn must only acknowledge the device and record the work, and must
 * not use SSE registers, which the entry does not save) before the EOI;
 * it returns the vector, or -1 when all are taken or there is no local
 * APIC.  sources counts the vectors handed out, taken the interrupts
 * received since boot.  dispatch is the entry's C part (irq.S), (n)
 * counting from IG_KVM_IRQ_FIRST. */
#define IG_KVM_IRQ_FIRST 0x30
#define IG_KVM_IRQ_COUNT 16
int ig_kvm_irq_alloc(void (*fn)(void *arg), void *arg);
int ig_kvm_irq_sources(void);
uint64_t ig_kvm_irq_taken(void);
void ig_kvm_irq_dispatch(uint64_t n);

/* mem.c: takes (len) bytes (rounded up to pages) of zeroed RAM for device
 * rings and buffers, for the life of the image (physical == virtual).
 * Dies when memory is short: it is only called while devices start. */
void *ig_kvm_dma_alloc(uint64_t len);

/* mem.c: the same without zeroing, for buffers that the device or the
 * driver fills before anything reads them.  A page the guest never writes
 * is never backed by the VMM: an idle guest's 128 receive and 128
 * transmit buffers (512 KiB) cost the host only the few it has used. */
void *ig_kvm_dma_buffers(uint64_t len);

/* pci.c: init (boot, before paging, which maps BARs above 4 GiB) lists
 * the functions on PCI bus 0 with their memory BARs; fns returns them
 * (struct ig_pci_fn in pci.h) and stores their number in (count). */
struct ig_pci_fn;
void ig_kvm_pci_init(void);
struct ig_pci_fn *ig_kvm_pci_fns(int *count);

/* x86_64/paging.c (boot): builds the final page tables and switches. */
void ig_arch_paging_init(void);

/* virtio.c: init (boot, after paging and the local APIC) finds the virtio
 * devices on the virtio-mmio slots and the PCI bus and starts a driver for
 * each kind it knows (rng, net, 9p). */
void ig_kvm_virtio_init(void);

/* virtio_rng.c: present says whether a virtio-rng device was started; read
 * fills (len) bytes of (buf) from it, returning len, -ENODEV without the
 * device or -EIO when it stops answering. */
int ig_kvm_virtio_rng_present(void);

/* virtio_net.c, virtio_9p.c: how many devices of each kind were started;
 * the rest of their interface is plat.h's ig_plat_net_* and ig_plat_9p_*. */
int ig_kvm_virtio_net_count(void);
/* Waits up to (ns) nanoseconds until every frame given to the devices has
 * left them, so an image's last datagrams are not lost when it stops. */
void ig_kvm_virtio_net_flush(uint64_t ns);
int ig_kvm_virtio_9p_count(void);
long ig_kvm_virtio_rng_read(void *buf, size_t len);

/* x86_64/tsc.c: init (boot) records the boot TSC; ns converts TSC ticks
 * since boot to nanoseconds, finding the frequency on first use. */
void ig_kvm_tsc_init(void);
uint64_t ig_kvm_tsc_ns(void);
/* Converts the TSC value (tsc), read earlier, to nanoseconds since boot. */
uint64_t ig_kvm_tsc_to_ns(uint64_t tsc);

/* wallclock.c: a reading of the host's wall clock (ns since the epoch),
 * just received on the console (console_in.c). */
void ig_kvm_wall_host(uint64_t ns);

#endif /* INGOT_KVM_INTERNAL_H */
