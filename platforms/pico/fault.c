/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fault.c: turns the tender's fault record into a struct ig_fault. */
#include <ingot/pico_abi.h>
#include <ingot/plat.h>

#include "pico_internal.h"

#define X86_VEC_PF 14
#define SIGNO_SEGV 11
#define SIGNO_BUS 7
#define SEGV_ACCERR_ 2

/* Runs on the tender's report stack; returns only to resume (f). */
int ig_pico_fault_entry(struct ig_pico_fault *pf)
{
    struct ig_fault f;

    /* Signals are reported as negative vectors (plat.h).  For a page fault
     * the kernel passes on the hardware error code, so the report can
     * still say read or write, and not-present or protection. */
    f.vector = -pf->signo;
    f.has_error_code = pf->trapno == X86_VEC_PF &&
                       (pf->signo == SIGNO_SEGV || pf->signo == SIGNO_BUS);
    f.error_code = f.has_error_code ? pf->err : 0;
    /* The host's PROT_NONE pages are not present to the CPU; the kernel's
     * SEGV_ACCERR says they are a protection violation, as kvm reports. */
    if (f.has_error_code && pf->signo == SIGNO_SEGV &&
        pf->si_code == SEGV_ACCERR_)
        f.error_code |= 1;
    f.fault_addr = pf->addr;
    f.rip = pf->rip;
    f.rsp = pf->rsp;
    f.rbp = pf->rbp;
    f.rflags = pf->rflags;
    f.rax = pf->rax;
    f.rbx = pf->rbx;
    f.rcx = pf->rcx;
    f.rdx = pf->rdx;
    f.rsi = pf->rsi;
    f.rdi = pf->rdi;
    f.r8 = pf->r8;
    f.r9 = pf->r9;
    f.r10 = pf->r10;
    f.r11 = pf->r11;
    f.r12 = pf->r12;
    f.r13 = pf->r13;
    f.r14 = pf->r14;
    f.r15 = pf->r15;
    if (ig_fault_deliver(&f)) {
        pf->rip = f.rip;
        pf->rsp = f.rsp;
        pf->rflags = f.rflags;
        pf->rdi = f.rdi;
        return 1;
    }
    ig_fault_report(&f);
}
