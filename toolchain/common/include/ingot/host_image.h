/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* host_image.h: read and check Ingot images (ELF) on the host, with libelf. */
#ifndef INGOT_HOST_IMAGE_H
#define INGOT_HOST_IMAGE_H

/*
 * Lifecycle: ig_image_open() checks a file and keeps it open; the accessors
 * and ig_image_symbolize() may then be called any number of times;
 * ig_image_close() releases it.  The symbol table is read on the first
 * ig_image_symbolize() only, so booting an image never pays for it unless a
 * crash report needs it.
 */

#include <stddef.h>
#include <stdint.h>

struct ig_image;

/* Opens (path) and checks that it is an image `ingot run` can boot: a
 * regular file, ELF, 64-bit, x86-64, every header and segment inside the
 * file, carrying an Ingot platform note (<ingot/note.h>), of a known image
 * ABI, and a static executable.  Returns the image, or NULL with a short
 * reason in (why) ("not an ELF file", "truncated: ...", the strerror() text
 * when it cannot be opened). */
struct ig_image *ig_image_open(const char *path, char *why, size_t whylen);

/* Returns the platform the image was linked for ("kvm"). */
const char *ig_image_platform(const struct ig_image *img);

/* Returns the image's entry point address. */
uint64_t ig_image_entry(const struct ig_image *img);

/* Returns the bytes of the image's executable segments (their memory
 * size, summed): what a VMM that translates code has to translate at
 * most. */
uint64_t ig_image_code_size(const struct ig_image *img);

/* Finds the function containing (addr).  Returns its name and stores the
 * offset of (addr) into it in (off), or returns NULL when no symbol covers
 * the address or the image has no symbol table.  The name lives as long as
 * the image. */
const char *ig_image_symbolize(struct ig_image *img, uint64_t addr,
                               uint64_t *off);

/* Returns 1 if the image carries DWARF debug information (a .debug_info
 * section: built with ingot-cc -g), else 0. */
int ig_image_has_debug(struct ig_image *img);

/* Closes the image; NULL is ignored. */
void ig_image_close(struct ig_image *img);

/* Cuts the symbol table of the image at (path) to what crash reports and
 * gdb read back: global and weak symbols and code symbols stay; local
 * data, file and section symbols go.  Only unloaded sections move.
 * Returns 0 (also when there was nothing to cut), or -1 with (err). */
int ig_image_prune_symbols(const char *path, char *err, size_t errlen);

/* Checks that (path) can be a link input: an ar archive, or a 64-bit x86-64
 * relocatable ELF object whose section headers and sections lie inside the
 * file.  Returns 0, or -1 with a short reason in (why) ("not an ELF object
 * file or archive", "truncated: ...", "an executable, not an object file
 * ...", the strerror() text when it cannot be opened). */
int ig_object_check(const char *path, char *why, size_t whylen);

#endif /* INGOT_HOST_IMAGE_H */
