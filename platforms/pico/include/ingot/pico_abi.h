/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* pico_abi.h: what a pico guest and its tender (ingot-pico) agree on. */
#ifndef INGOT_PICO_ABI_H
#define INGOT_PICO_ABI_H

/*
 * Lifecycle.  The tender maps the image's PT_LOAD segments at their link
 * addresses (text R+X, rodata R, data R+W), maps the guest's memory region,
 * its boot stack (with a PROT_NONE guard page below), a pool of thread
 * stacks (each with a PROT_NONE guard page below), the initrd if one was
 * given (read into private memory, then read-only) and one boot page
 * holding struct ig_pico_boot and the command line.  It installs fault
 * handlers, confines itself (no_new_privs, Landlock, seccomp) and finally
 * jumps to the ELF entry point on the boot stack with %rdi = the boot page,
 * a zero return address on the stack and %rbp = 0.
 *
 * The guest checks magic and version first, then stores the address of
 * its fault entry in (fault_entry).  From then on, when the guest faults
 * (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP), the tender's handler, running
 * on its own signal stack, fills a struct ig_pico_fault and calls
 * fault_entry with it, which reports the crash or, when a signal
 * handler is to run, returns 1 with the registers to resume in it.
 *
 * Host calls.  The guest talks to the host kernel directly with the
 * `syscall` instruction, and only these (the tender's seccomp filter kills
 * anything else, see IG_PICO_STATUS_SYSCALL):
 *
 *   write(console_fd, ...)                       console (stdout)
 *   write(2, ...)                                standard error
 *   read(stdin_fd, ...)                          standard input
 *   ppoll(up to 2 fds, timeout, no signal mask)  idle; stdin readiness
 *   rt_sigreturn                                 after a host signal
 *   clock_gettime(CLOCK_MONOTONIC | CLOCK_REALTIME, ...)
 *                                                clocks, when the vDSO's
 *                                                function is missing or
 *                                                falls back to the call
 *   clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, ...)   idle
 *   getrandom(buf, len, 0)                       entropy
 *   exit_group(status)                           exit
 *   mprotect(addr, len, prot), inside [mem_base, mem_base + mem_len),
 *     no PROT_EXEC                               page protections
 *   alarm(N), N the tender's --stop-timeout      the tender's stop timer
 *   read(tap_fd, ...), write(tap_fd, ...)        network frames (--tap)
 *   ppoll(fds, 1, timeout, NULL, ...)            idle with a tap device
 *   ioctl(0, TCSETS | TCSETSW | TCSETSF | TIOCGWINSZ, ...)
 *                                                the terminal (--tty only)
 *
 * and, only when volumes were given, on descriptors 3-1023 (the volumes'
 * directories and what the guest opens beneath them; Landlock, not
 * seccomp, keeps them inside the directories):
 *
 *   openat2(dirfd, path, {RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS})
 *   pread64, pwrite64, fstat, fstatfs, ftruncate, fsync, close,
 *   getdents64, mkdirat, unlinkat, renameat, symlinkat, readlinkat,
 *   utimensat(fd, NULL, ...)
 *
 * The version changes whenever this header changes incompatibly; fields are
 * only ever added at the end, and (size) says how much the tender filled.
 */

#include <stdint.h>

#define IG_PICO_ABI_VERSION 11
#define IG_PICO_BOOT_MAGIC 0x6f6369702d67690aull /* "\nig-pico" */

/*
 * Link address of pico images: 256 MiB.  It must be below 2 GiB (guest
 * code is built with -mcmodel=small) and free in the tender's address
 * space: above mmap_min_addr, clear of a non-PIE tender's text at 4 MiB
 * and its brk heap, and far below where Linux puts PIE binaries, shared
 * libraries and mmap (0x55.. and 0x7f..).
 */
#define IG_PICO_LOAD_ADDR 0x10000000
#define IG_PICO_LOAD_LIMIT 0x80000000ull

/* The main thread's stack: a 32nd of -m, from 256 KiB up to Linux's
 * default 8 MiB (programs size recursion and stack arrays for Linux). */
#define IG_PICO_STACK_MIN (256u << 10)
#define IG_PICO_STACK_MAX (8u << 20)
/* The command line, NUL included: Linux's bound on one execve() string,
 * which the tender's own argument is (as libos's IG_CMDLINE_MAX). */
#define IG_PICO_CMDLINE_MAX (128u << 10)
#define IG_PICO_VOLUMES_MAX 16
#define IG_PICO_VOL_RDONLY 1u /* Landlock grants reading only */

/* Exit statuses the tender produces itself (the app owns the rest). */
#define IG_PICO_STATUS_FAIL 125    /* tender failed before the guest ran */
#define IG_PICO_STATUS_SYSCALL 159 /* 128 + SIGSYS: forbidden system call */
#define IG_PICO_STATUS_CRASH 255   /* guest fault */

struct ig_pico_fault {
    int32_t signo;   /* SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP */
    int32_t si_code; /* e.g. SEGV_MAPERR, SEGV_ACCERR, FPE_INTDIV */
    uint64_t addr;   /* si_addr */
    uint64_t trapno; /* x86 vector the kernel saw */
    uint64_t err;    /* x86 error code (page-fault bits for #PF) */
    uint64_t rip, rsp, rbp, rflags;
    uint64_t rax, rbx, rcx, rdx, rsi, rdi;
    uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
};

/* Returns 0 after reporting, if it returns at all (the tender then ends
 * the run), or 1 when the guest wants the faulting thread to go on with
 * rip, rsp, rflags and rdi now in (f) (a signal handler runs,
 * libos/libc/sigfault.c): the tender puts those into the interrupted
 * context and returns from its handler, which brings back the rest. */
typedef int (*ig_pico_fault_fn)(struct ig_pico_fault *f);

struct ig_pico_boot {
    uint64_t magic;   /* IG_PICO_BOOT_MAGIC */
    uint32_t version; /* IG_PICO_ABI_VERSION */
    uint32_t size;    /* sizeof(struct ig_pico_boot) as the tender knows it */
    uint64_t mem_base, mem_len;  /* the guest's memory, R+W, page-aligned */
    uint64_t stack_lo, stack_hi; /* boot stack; guard page below stack_lo */
    uint64_t cmdline;            /* NUL-terminated, in the pages after it */
    int32_t console_fd;          /* write-only console */
    uint32_t reserved;
    uint64_t fault_entry; /* set by the guest: ig_pico_fault_fn */
    /* Version 2: thread stacks and the thread pointer. */
    /* Version 10: the pool lies right above the guest's memory, in the
     * reach of its mprotect, and the guest makes each slot's lowest page
     * PROT_NONE before the slot's first use (plat.h guard_on_use). */
    uint64_t stacks_base; /* pool of thread stacks (plat.h) */
    uint64_t stacks_slot; /* bytes per slot, its guard page included */
    uint32_t stacks_count;
    uint32_t flags;     /* IG_PICO_F_* */
    uint64_t tender_fs; /* the tender's FS base, restored by its handlers */
    /* Version 3: the initrd (a cpio "newc" archive, unchecked), read-only;
     * both 0 when none was given. */
    uint64_t initrd_base, initrd_len;
    /* Version 4: host directories shared as volumes (plat.h hostdir). */
    uint32_t nvolumes;
    uint32_t reserved2;
    struct ig_pico_volume {
        int32_t fd;     /* O_PATH|O_DIRECTORY descriptor of the directory */
        uint32_t flags; /* IG_PICO_VOL_* */
        char tag[16];   /* NUL-terminated, e.g. "v0" */
    } volumes[IG_PICO_VOLUMES_MAX];
    /* Version 5: the tap device (ingot-pico --tap NAME), opened
     * non-blocking without packet information (IFF_TAP | IFF_NO_PI) at
     * descriptor 3 + nvolumes: each read or write is one Ethernet frame.
     * -1 when there is none. */
    int32_t tap_fd;
    uint16_t tap_mtu;
    uint8_t tap_mac[6]; /* --mac, else random, locally administered */
    /* Version 6: standard input and error, and host signals.  stdin_fd is
     * 0, or -1 for none (end of input); standard error is fd 2.  Bit n of
     * (tty) says host fd n (0-2) is a terminal.  The tender's handler for
     * SIGINT, SIGTERM, SIGHUP, SIGUSR1 and SIGUSR2 sets bit (signal - 1)
     * of (host_signals) (an atomic OR; the guest takes them with an atomic
     * exchange) and returns, interrupting any ppoll or clock_nanosleep. */
    int32_t stdin_fd;
    uint32_t tty;
    uint64_t host_signals;
    /* Version 8: the image's ELF symbol table, mapped read-only from the
     * image file (its pages are read only when the guest names the frames
     * of a crash report): (nsyms) Elf64_Sym records at (symtab), whose
     * names lie in the (strtab_len) bytes at (strtab), and the span of
     * its executable segments [code_lo, code_hi).  All 0 when the image
     * has no symbol table (stripped). */
    uint64_t symtab, nsyms;
    uint64_t strtab, strtab_len;
    uint64_t code_lo, code_hi;
    /* Version 11: the kernel's __vdso_clock_gettime in this process, or 0
     * without one.  The guest reads CLOCK_MONOTONIC and CLOCK_REALTIME by
     * calling it (int fn(clockid, struct timespec *), the SysV ABI) rather
     * than by a system call: it reads the kernel's time page, and falls
     * back to clock_gettime itself where the clock source needs the
     * kernel (the same call the filter allows).  It gives the guest no
     * reach it lacks: the vDSO is code in the process it already runs
     * in. */
    uint64_t vdso_clock_gettime;
};

/* The CPU and kernel let user mode write the FS base (wrfsbase), so the
 * guest sets its thread pointer without a system call. */
#define IG_PICO_F_FSGSBASE 1u
/* ingot-pico --tty (ingot run -t): standard input is a terminal that is
 * the guest's: it may set its attributes and read its window size (the
 * ioctls above), and SIGWINCH sets its bit in host_signals too. */
#define IG_PICO_F_TTY 2u

#endif /* INGOT_PICO_ABI_H */
