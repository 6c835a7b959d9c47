/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* note.h: the ELF notes an Ingot image carries, read by host tools. */
#ifndef INGOT_NOTE_H
#define INGOT_NOTE_H

/*
 * Every image has a PT_NOTE segment holding notes with owner name "Ingot".
 * Host tools (`ingot run`, `ingot inspect`) read them with libelf to learn how
 * to boot the image without being told.  This header is shared by the guest
 * side (which emits the notes) and the host tools; it must stay free of
 * anything but constants.
 *
 *   IG_NOTE_PLATFORM  desc = platform name, NUL-terminated ("kvm", "pico")
 *   IG_NOTE_ABI       desc = one 32-bit little-endian IG_NOTE_ABI_VERSION
 *   IG_NOTE_MANIFEST  desc = JSON text written by ingot-cc (platform,
 *                     components, sizes, ...), padded with spaces, then NUL;
 *                     in the unloaded section .note.ingot.manifest, not in
 *                     PT_NOTE (only `ingot inspect` reads it)
 */

#define IG_NOTE_NAME "Ingot"
#define IG_NOTE_PLATFORM 1
#define IG_NOTE_ABI 2
#define IG_NOTE_ABI_VERSION 1
#define IG_NOTE_MANIFEST 3

#endif /* INGOT_NOTE_H */
