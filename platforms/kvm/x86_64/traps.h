/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* traps.h: the exception frame shared by traps.S and traps.c. */
#ifndef INGOT_KVM_TRAPS_H
#define INGOT_KVM_TRAPS_H

/* Vectors for which the CPU pushes an error code: #DF 8, #TS 10, #NP 11,
 * #SS 12, #GP 13, #PF 14, #AC 17, #CP 21, #VC 29, #SX 30. */
#define IG_ARCH_ERRCODE_VECTORS                                                \
    ((1 << 8) | (1 << 10) | (1 << 11) | (1 << 12) | (1 << 13) | (1 << 14) |    \
     (1 << 17) | (1 << 21) | (1 << 29) | (1 << 30))

#define IG_ARCH_TRAP_VECTORS 32

#ifndef __ASSEMBLER__
#include <stdint.h>

/* What traps.S leaves on the trap stack, lowest address first. */
struct ig_arch_trap_frame {
    uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
    uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
    uint64_t vector, error_code; /* error_code 0 when the CPU pushes none */
    uint64_t rip, cs, rflags, rsp, ss; /* pushed by the CPU */
};

/* traps.S: entry points, one per vector. */
extern const uint64_t ig_arch_trap_stubs[IG_ARCH_TRAP_VECTORS];

/* traps.c: called by traps.S on the trap stack. */
void ig_arch_trap(struct ig_arch_trap_frame *tf);
#endif

#endif /* INGOT_KVM_TRAPS_H */
