/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* crt.c: run the image's constructors and destructors. */
#include <ingot/libc.h>

#include <stddef.h>

/* newlib's generic target builds its __libc_init_array out (the configure
 * probe for init arrays fails in a cross build), so the library OS walks the
 * arrays the platform linker scripts delimit. */
typedef void (*ig_ctor_fn)(void);

extern ig_ctor_fn __preinit_array_start[], __preinit_array_end[];
extern ig_ctor_fn __init_array_start[], __init_array_end[];
extern ig_ctor_fn __fini_array_start[], __fini_array_end[];

void ig_libc_init_array(void)
{
    for (ig_ctor_fn *f = __preinit_array_start; f < __preinit_array_end; f++)
        (*f)();
    for (ig_ctor_fn *f = __init_array_start; f < __init_array_end; f++)
        (*f)();
}

/* Destructors run in the reverse order of construction. */
void ig_libc_fini_array(void)
{
    for (ig_ctor_fn *f = __fini_array_end; f > __fini_array_start;)
        (*--f)();
}
