/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* hypercall_page.S: the page Xen fills with one call stub per hypercall. */

/* In .text (mapped executable); int3 until Xen writes the stubs, so a
 * hypercall made too early traps instead of running off. */
    .section .text.ig_xen_hypercall_page, "ax"
    .balign 4096
    .globl ig_xen_hypercall_page
ig_xen_hypercall_page:
    .fill 4096, 1, 0xcc
    .size ig_xen_hypercall_page, 4096

    .section .note.GNU-stack, "", @progbits
