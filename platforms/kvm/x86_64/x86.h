/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* x86.h: x86_64 instructions the kvm platform needs, as inline functions. */
#ifndef INGOT_KVM_X86_H
#define INGOT_KVM_X86_H

#include <stdint.h>

#define IG_X86_CR0_WP (1ull << 16)
#define IG_X86_MSR_EFER 0xc0000080u
#define IG_X86_EFER_NXE (1ull << 11)

static inline void ig_arch_outb(uint16_t port, uint8_t v)
{
    __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline void ig_arch_outl(uint16_t port, uint32_t v)
{
    __asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

static inline void ig_arch_outw(uint16_t port, uint16_t v)
{
    __asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline uint32_t ig_arch_inl(uint16_t port)
{
    uint32_t v;
    __asm__ volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static inline uint16_t ig_arch_inw(uint16_t port)
{
    uint16_t v;
    __asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

static inline uint8_t ig_arch_inb(uint16_t port)
{
    uint8_t v;
    __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
    return v;
}

struct ig_arch_cpuid {
    uint32_t eax, ebx, ecx, edx;
};

static inline struct ig_arch_cpuid ig_arch_cpuid(uint32_t leaf, uint32_t sub)
{
    struct ig_arch_cpuid r;
    __asm__ volatile("cpuid"
                     : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
                     : "a"(leaf), "c"(sub));
    return r;
}

/* Highest basic (leaf 0) or extended (leaf 0x80000000) leaf. */
static inline uint32_t ig_arch_cpuid_max(uint32_t base)
{
    return ig_arch_cpuid(base, 0).eax;
}

static inline uint64_t ig_arch_rdmsr(uint32_t msr)
{
    uint32_t lo, hi;
    __asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
    return ((uint64_t)hi << 32) | lo;
}

static inline void ig_arch_wrmsr(uint32_t msr, uint64_t v)
{
    __asm__ volatile("wrmsr"
                     :
                     : "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32))
                     : "memory");
}

static inline uint64_t ig_arch_rdtsc(void)
{
    uint32_t lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

static inline void ig_arch_pause(void)
{
    __asm__ volatile("pause" ::: "memory");
}

static inline uint64_t ig_arch_read_cr0(void)
{
    uint64_t v;
    __asm__ volatile("mov %%cr0, %0" : "=r"(v));
    return v;
}

static inline uint64_t ig_arch_read_cr2(void)
{
    uint64_t v;
    __asm__ volatile("mov %%cr2, %0" : "=r"(v));
    return v;
}

static inline void ig_arch_write_cr3(uint64_t v)
{
    __asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

#endif /* INGOT_KVM_X86_H */
