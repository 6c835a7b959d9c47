/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* elfnote.h: assembler macros with which platforms emit the image notes. */
#ifndef INGOT_ELFNOTE_H
#define INGOT_ELFNOTE_H

/*
 * For platform entry code (.S files).  Emit the notes inside a section of
 * type @note that the platform's linker script keeps in a PT_NOTE segment:
 *
 *     .section .note.ingot, "a", @note
 *     IG_INGOT_NOTES kvm
 *
 * IG_NOTE/IG_ENDNOTE bracket one note of any owner; the descriptor goes in
 * between.  Every note stays 4-byte aligned, as PT_NOTE's p_align says.
 */

#include <ingot/note.h>

#ifdef __ASSEMBLER__
/* clang-format off */
.macro IG_NOTE name, type
    .balign 4
    .long 2f - 1f
    .long 4f - 3f
    .long \type
1:  .asciz "\name"
2:  .balign 4
3:
.endm
.macro IG_ENDNOTE
4:  .balign 4
.endm

/* The platform and ABI notes every image carries (<ingot/note.h>). */
.macro IG_INGOT_NOTES platform
    IG_NOTE IG_NOTE_NAME, IG_NOTE_PLATFORM
    .asciz "\platform"
    IG_ENDNOTE
    IG_NOTE IG_NOTE_NAME, IG_NOTE_ABI
    .long IG_NOTE_ABI_VERSION
    IG_ENDNOTE
.endm
/* clang-format on */
#endif

#endif /* INGOT_ELFNOTE_H */
