/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* tls.c: per-thread blocks for __thread variables (x86-64 TLS variant II). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sched_internal.h"

/*
 * Variant II: the thread pointer (%fs base) points at the thread control
 * block, whose first word is its own address (code that needs a TLS
 * variable's address loads %fs:0).  The TLS block ends at the thread
 * pointer: the linker's offsets are negative, measured from the end of the
 * segment rounded up to its alignment.  The template is the image's
 * .tdata followed by zeroed .tbss (kvm.ld, pico.ld).
 */
extern char _tdata_start[], _tdata_end[], _tbss_start[];
extern char _tbss_size[], _tls_align[]; /* absolute symbols: values */

#define TCB_SIZE 64 /* self pointer, and room for %fs:0x28 readers */

int ig_tls_alloc(struct ig_thread *t)
{
    size_t align = (size_t)(uintptr_t)_tls_align;
    size_t tdata = (size_t)(_tdata_end - _tdata_start);
    size_t memsz =
        (size_t)(_tbss_start - _tdata_start) + (size_t)(uintptr_t)_tbss_size;
    size_t block, tp_align;
    uintptr_t tp;
    char *mem;

    if (align == 0)
        align = 1;
    if (memsz < tdata)
        memsz = tdata;
    /* The linker's offsets count from memsz rounded to the segment's own
     * alignment; the thread pointer may be aligned more (16 for the TCB). */
    block = (memsz + align - 1) & ~(align - 1);
    tp_align = align < 16 ? 16 : align;
    mem = malloc(block + tp_align + TCB_SIZE);
    if (!mem)
        return -ENOMEM;
    tp = ((uintptr_t)mem + block + tp_align - 1) & ~(uintptr_t)(tp_align - 1);
    memcpy((char *)(tp - block), _tdata_start, tdata);
    memset((char *)(tp - block) + tdata, 0, block - tdata);
    memset((char *)tp, 0, TCB_SIZE);
    *(uintptr_t *)tp = tp;
    t->tls_mem = mem;
    t->tp = tp;
    return 0;
}

void ig_tls_free(struct ig_thread *t)
{
    free(t->tls_mem);
    t->tls_mem = NULL;
    t->tp = 0;
}
