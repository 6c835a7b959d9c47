/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* component.c: walks the table of registered components in their order. */
#include <ingot/component.h>

#include <stddef.h>
#include <string.h>

/* The bounds of the "ig_components" section: the linker scripts provide
 * them, and so does ld for a host test (the name is a C identifier). */
extern const struct ig_component *const __start_ig_components[]
    __attribute__((weak));
extern const struct ig_component *const __stop_ig_components[]
    __attribute__((weak));

/* The entry that follows (prev) in (order, table position), or NULL.  The
 * table has a handful of entries, so a scan per step costs nothing and
 * the table stays in read-only memory. */
static __attribute__((noinline)) const struct ig_component *const *
next(const struct ig_component *const *prev)
{
    const struct ig_component *const *best = NULL;

    for (const struct ig_component *const *c = __start_ig_components;
         c < __stop_ig_components; c++) {
        if (prev && ((*c)->order < (*prev)->order ||
                     ((*c)->order == (*prev)->order && c <= prev)))
            continue;
        if (!best || (*c)->order < (*best)->order)
            best = c;
    }
    return best;
}

int ig_component_option(const char *opt)
{
    for (const struct ig_component *const *c = next(NULL); c; c = next(c)) {
        const char *p = (*c)->prefix;
        if (p && (*c)->option && strncmp(opt, p, strlen(p)) == 0)
            return (*c)->option(opt);
    }
    return 1;
}

int ig_component_init_all(const char **who)
{
    for (const struct ig_component *const *c = next(NULL); c; c = next(c)) {
        int err = (*c)->init ? (*c)->init() : 0;
        if (err) {
            *who = (*c)->name;
            return err;
        }
    }
    return 0;
}
