/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cc_link.h: state of one ingot-cc link, shared by cc_link.c and
 * cc_manifest.c (private). */
#ifndef INGOT_CC_LINK_H
#define INGOT_CC_LINK_H

#include <jansson.h>

#include "analyze.h"
#include "cc.h"

struct ig_cc_link {
    const struct ig_cc *cc;
    const char *libdir;
    const char *tmp;
    struct ig_an_comps comps;
    struct ig_an_syms undef;
    struct ig_strvec libos; /* archives for the link group */
    struct ig_strvec extra; /* objects ingot-cc made */
    json_t *manifest;
    char err[1024];
};

/* Builds l->manifest from the command line and the component choice:
 * platform, libos_version, components (selected and left out, with why),
 * compile and link flags, rootfs; "entry" is null until
 * ig_cc_manifest_finish(). */
void ig_cc_manifest_build(struct ig_cc_link *l);

/* Writes the manifest note as an assembler file in l->tmp, with room for
 * the entry and the sizes only the linked image can tell, assembles it and
 * adds the object to l->extra.  Returns 0, or -1 with the reason in l->err
 * (a file that cannot be written, the assembler's failure status). */
int ig_cc_manifest_object(struct ig_cc_link *l);

/* Writes and assembles the .interp section naming the launcher,
 * <libdir>/ingot-exec (libdir with symbolic links resolved), which the
 * kernel starts when the image is executed directly (toolchain/exec), and
 * adds the object to l->extra.  Returns 0, or -1 with the reason in l->err. */
int ig_cc_interp_object(struct ig_cc_link *l);

/* Completes the manifest in the linked image: the entry symbol (from the
 * image's symbol table) and per-component sizes from the map file (map);
 * a map it cannot read only leaves the sizes out (said with -v).  Returns
 * 0, or -1 with the reason in l->err when the note cannot be rewritten. */
int ig_cc_manifest_finish(struct ig_cc_link *l, const char *map);

#endif /* INGOT_CC_LINK_H */
