/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* inspect.h: `ingot inspect IMAGE`: an image's manifest and sizes. */
#ifndef INGOT_INSPECT_H
#define INGOT_INSPECT_H

#include <stdint.h>

/* Runs `ingot inspect` with (argv)[1..] (argv[0] is "inspect").  Hands
 * any command line with an oci: or oci-archive: reference to
 * ig_cmd_inspect_oci().  Otherwise prints the manifest note ingot-cc
 * embedded in IMAGE (platform, entry, components and why, flags) and a
 * text/data/bss size report per component, as a table or with --json as
 * JSON.  Returns 0, or 1 after a one-line error for a bad option, a file
 * that cannot be read, is not ELF, is truncated, is not an Ingot image, or
 * has no or a malformed manifest note. */
int ig_cmd_inspect(int argc, char **argv);

/* Totals of an ELF file's loaded sections as size(1) counts them. */
struct ig_inspect_total {
    uint64_t text, data, bss;
};

/* Sums the SHF_ALLOC sections of the ELF file open as (fd): NOBITS as bss,
 * writable as data, the rest as text.  Returns 0, or -1 when it is not a
 * readable ELF file. */
int ig_inspect_totals(int fd, struct ig_inspect_total *t);

#endif /* INGOT_INSPECT_H */
