/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* an_missing.c: name the symbols a failed link could not find. */
#include <string.h>

#include "analyze.h"

/* Symbols the linker defines itself (linker scripts, ld's own). */
static int linker_defined(const char *name)
{
    return strncmp(name, "_GLOBAL_OFFSET_TABLE_", 21) == 0 ||
           strncmp(name, "__start_", 8) == 0 ||
           strncmp(name, "__stop_", 7) == 0 || strncmp(name, "_ig_", 4) == 0;
}

size_t ig_an_missing_report(const struct ig_an_syms *undef,
                            const struct ig_an_syms *defs,
                            const struct ig_an_table *t, FILE *out)
{
    size_t lines = 0;

    for (size_t i = 0; i < undef->n; i++) {
        const char *name = undef->name[i];
        if (linker_defined(name) || ig_an_syms_find(defs, name) >= 0)
            continue;
        if (strcmp(name, "main") == 0) {
            /* The library OS calls it: the program is what lacks it. */
            fprintf(out,
                    "%s: no main(): the program must define main, which "
                    "the library OS calls\n",
                    ig_host_prog());
            lines++;
            continue;
        }
        const struct ig_an_api *a = t ? ig_an_table_find(t, name) : NULL;
        fprintf(out, "%s: %s: %s: not provided by the Ingot library OS (%s)\n",
                ig_host_prog(), undef->where[i], name,
                a ? a->message : "nor defined by any input of the link");
        lines++;
    }
    return lines;
}
