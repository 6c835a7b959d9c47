/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fault.c: the one-screen report printed when the application crashes. */
#include <ingot/console.h>
#include <ingot/panic.h>
#include <ingot/plat.h>

static const char *const vector_names[32] = {
    [0] = "divide error (#DE)",
    [1] = "debug (#DB)",
    [2] = "non-maskable interrupt (NMI)",
    [3] = "breakpoint (#BP)",
    [4] = "overflow (#OF)",
    [5] = "bound range exceeded (#BR)",
    [6] = "invalid opcode (#UD)",
    [7] = "device not available (#NM)",
    [8] = "double fault (#DF)",
    [10] = "invalid TSS (#TS)",
    [11] = "segment not present (#NP)",
    [12] = "stack-segment fault (#SS)",
    [13] = "general protection fault (#GP)",
    [14] = "page fault (#PF)",
    [16] = "x87 floating-point error (#MF)",
    [17] = "alignment check (#AC)",
    [18] = "machine check (#MC)",
    [19] = "SIMD floating-point exception (#XM)",
    [20] = "virtualization exception (#VE)",
    [21] = "control protection exception (#CP)",
};

/* Host signals, for platforms that see faults as signals (negative vector). */
static const char *signal_name(int sig)
{
    switch (sig) {
    case 4:
        return "illegal instruction (SIGILL)";
    case 5:
        return "trap (SIGTRAP)";
    case 7:
        return "bus error (SIGBUS)";
    case 8:
        return "arithmetic exception (SIGFPE)";
    case 11:
        return "segmentation fault (SIGSEGV)";
    case 31:
        return "forbidden system call (SIGSYS)";
    default:
        return "signal";
    }
}

/* Says in words what kind of page fault this was, from the error code. */
static void explain_page_fault(const struct ig_fault *f, uintptr_t stack_lo)
{
    uint64_t e = f->error_code;
    const char *access = (e & 16)  ? "instruction fetch"
                         : (e & 2) ? "write"
                                   : "read";
    ig_printk("  %s at 0x%lx: %s\n", access, (unsigned long)f->fault_addr,
              (e & 1) ? "protection violation" : "page not present");
    if (f->fault_addr < IG_PLAT_PAGE_SIZE)
        ig_printk("  (NULL pointer dereference)\n");
    else if (f->fault_addr < stack_lo &&
             f->fault_addr >= stack_lo - IG_PLAT_PAGE_SIZE)
        ig_printk("  (stack overflow: the guard page below the stack)\n");
    else if ((e & 3) == 3)
        ig_printk("  (write to read-only memory, such as code)\n");
    else if (e & 16)
        ig_printk("  (jump to non-executable memory)\n");
}

static void (*crash_hook)(const struct ig_fault *f);
static int (*deliver)(struct ig_fault *f);

void ig_fault_set_deliver(int (*fn)(struct ig_fault *f))
{
    deliver = fn;
}

int ig_fault_deliver(struct ig_fault *f)
{
    return deliver ? deliver(f) : 0;
}

void ig_fault_set_hook(void (*hook)(const struct ig_fault *f))
{
    crash_hook = hook;
}

void ig_fault_run_hook(const struct ig_fault *f)
{
    if (crash_hook)
        crash_hook(f);
}

_Noreturn void ig_fault_report(const struct ig_fault *f)
{
    static volatile int reporting;
    uintptr_t lo, hi;

    /* A fault while printing the report ends the image at once. */
    if (reporting++)
        ig_plat_exit(255);
    ig_stack_current(&lo, &hi);

    if (f->vector < 0) {
        ig_printk("\ningot: fatal: %s at RIP 0x%lx\n", signal_name(-f->vector),
                  (unsigned long)f->rip);
        ig_printk("  fault address 0x%lx\n", (unsigned long)f->fault_addr);
        /* A signal from a page fault carries the hardware error code. */
        if (f->has_error_code)
            explain_page_fault(f, lo);
    } else {
        const char *name = f->vector < 32 && vector_names[f->vector]
                               ? vector_names[f->vector]
                               : "exception";
        ig_printk("\ningot: fatal: %s, vector %d, at RIP 0x%lx\n", name,
                  f->vector, (unsigned long)f->rip);
        if (f->has_error_code)
            ig_printk("  error code 0x%lx\n", (unsigned long)f->error_code);
        if (f->vector == 14) {
            ig_printk("  fault address (CR2) 0x%lx\n",
                      (unsigned long)f->fault_addr);
            explain_page_fault(f, lo);
        }
    }
    ig_printk(
        "registers:\n"
        "  rax %016lx rbx %016lx rcx %016lx rdx %016lx\n"
        "  rsi %016lx rdi %016lx rbp %016lx rsp %016lx\n"
        "  r8  %016lx r9  %016lx r10 %016lx r11 %016lx\n"
        "  r12 %016lx r13 %016lx r14 %016lx r15 %016lx\n"
        "  rip %016lx rflags %08lx\n",
        (unsigned long)f->rax, (unsigned long)f->rbx, (unsigned long)f->rcx,
        (unsigned long)f->rdx, (unsigned long)f->rsi, (unsigned long)f->rdi,
        (unsigned long)f->rbp, (unsigned long)f->rsp, (unsigned long)f->r8,
        (unsigned long)f->r9, (unsigned long)f->r10, (unsigned long)f->r11,
        (unsigned long)f->r12, (unsigned long)f->r13, (unsigned long)f->r14,
        (unsigned long)f->r15, (unsigned long)f->rip, (unsigned long)f->rflags);
    /* Frame #0 is where the fault happened; the walk adds its callers. */
    ig_printk("backtrace:\n");
    ig_backtrace_frame(0, f->rip);
    ig_backtrace_print(f->rbp, 1, 32);
    ig_fault_run_hook(f);
    ig_plat_exit(255);
}
