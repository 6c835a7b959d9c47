/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* core_abi.h: the core stream a crashing guest sends `ingot run`, version 1. */
#ifndef INGOT_CORE_ABI_H
#define INGOT_CORE_ABI_H

/*
 * With the libos option core=1 (`ingot run --core DIR`), a guest that
 * crashes (a fault report or IG_PANIC) sends its state after the report:
 * the registers of every thread and the memory a debugger needs (the
 * image's data and bss, the heap below the break, each thread's stack
 * from its stack pointer up).  `ingot run` turns that into an ELF core
 * file (toolchain/cli/run_core.c) that `gdb IMAGE CORE` opens.
 *
 * Transport: the console, on every platform, in pieces framed like the
 * standard error pieces of <ingot/kvm_abi.h>:
 *
 *     ESC '_' "ingot-core:" <decimal length 1..IG_CORE_PIECE_MAX> ESC '\\'
 *
 * followed by exactly that many bytes of the stream.  The stream is a
 * sequence of records, little-endian: struct ig_core_rec, then (len)
 * bytes of payload.  It starts with IG_CORE_BEGIN, ends with IG_CORE_END;
 * a stream without its end was cut short (a fault while sending it) and
 * `ingot run` keeps no core.  The host trusts nothing in it: every length
 * and address is checked (the guest may be arbitrarily broken).
 */

#include <stdint.h>

#define IG_CORE_PREFIX "\033_ingot-core:"
#define IG_CORE_PIECE_MAX 4096
#define IG_CORE_VERSION 1
#define IG_CORE_MAGIC "IGCORE\0\0"

enum ig_core_rec_type {
    IG_CORE_BEGIN = 1,  /* struct ig_core_begin */
    IG_CORE_THREAD = 2, /* struct ig_core_thread */
    IG_CORE_MEM = 3,    /* uint64_t address, then the bytes there */
    IG_CORE_END = 4,    /* no payload */
};

struct ig_core_rec {
    uint32_t type;
    uint32_t len; /* payload bytes that follow */
};

struct ig_core_begin {
    char magic[8]; /* IG_CORE_MAGIC */
    uint32_t version;
    int32_t signo; /* Linux signal number of the crash (SIGABRT: panic) */
    uint64_t fault_addr;
};

#define IG_CORE_THREAD_CRASHED 1u /* flags: the thread that crashed */

/* A thread's registers: at the fault for the crashed thread, as its last
 * switch left them for the others (rip: where it will resume). */
struct ig_core_thread {
    uint32_t id; /* the scheduler's thread id, 1 for the boot thread */
    uint32_t flags;
    uint64_t rip, rsp, rbp, rflags;
    uint64_t rax, rbx, rcx, rdx, rsi, rdi;
    uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
    uint64_t fs_base; /* the thread pointer (TLS) */
};

#endif /* INGOT_CORE_ABI_H */
