/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* traps.c: turns a CPU exception into a struct ig_fault for the library OS. */
#include <ingot/kvm_abi.h>
#include <ingot/plat.h>

#include "kvm_internal.h"
#include "traps.h"
#include "x86.h"

#define VEC_PF 14

/*
 * How many exceptions are being handled.  All of them run on IST1, which
 * restarts at the top of the trap stack each time, so a fault inside the
 * report does not nest deeper: it lands here with depth 2 and we stop at
 * once, more bluntly at each level, instead of looping.
 */
static volatile int depth;

void ig_arch_trap(struct ig_arch_trap_frame *tf)
{
    struct ig_fault f;
    int d = ++depth;

    if (d == 2) {
        ig_kvm_puts("\nkvm: exception ");
        ig_kvm_put_hex(tf->vector);
        ig_kvm_puts(" at rip ");
        ig_kvm_put_hex(tf->rip);
        ig_kvm_puts(" while reporting a fault\n");
        ig_plat_exit(IG_KVM_STATUS_CRASH);
    }
    if (d > 2)
        ig_kvm_exit_hard(IG_KVM_STATUS_CRASH); /* even the console faults */

    f.vector = (int)tf->vector;
    f.has_error_code = (IG_ARCH_ERRCODE_VECTORS >> tf->vector) & 1;
    f.error_code = tf->error_code;
    f.fault_addr = tf->vector == VEC_PF ? ig_arch_read_cr2() : 0;
    /* A PROT_NONE page is not present to the CPU, but to the program it
     * is a protection violation, as Linux reports it. */
    if (tf->vector == VEC_PF && !(f.error_code & 1) && ig_arch_paging_none &&
        ig_arch_paging_none(f.fault_addr))
        f.error_code |= 1;
    f.rip = tf->rip;
    f.rsp = tf->rsp;
    f.rbp = tf->rbp;
    f.rflags = tf->rflags;
    f.rax = tf->rax;
    f.rbx = tf->rbx;
    f.rcx = tf->rcx;
    f.rdx = tf->rdx;
    f.rsi = tf->rsi;
    f.rdi = tf->rdi;
    f.r8 = tf->r8;
    f.r9 = tf->r9;
    f.r10 = tf->r10;
    f.r11 = tf->r11;
    f.r12 = tf->r12;
    f.r13 = tf->r13;
    f.r14 = tf->r14;
    f.r15 = tf->r15;
    if (ig_fault_deliver(&f)) {
        /* A signal handler runs: resume the rewritten context. */
        tf->rip = f.rip;
        tf->rsp = f.rsp;
        tf->rflags = f.rflags;
        tf->rdi = f.rdi;
        depth--;
        return;
    }
    ig_fault_report(&f);
}
