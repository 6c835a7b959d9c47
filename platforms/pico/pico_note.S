/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* pico_note.S: the notes that tell host tools this is a pico image. */
#include <ingot/elfnote.h>

    .section .note.ingot, "a", @note
    IG_INGOT_NOTES pico

    .section .note.GNU-stack, "", @progbits
