/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* plat.c: the table of platforms; adding one is one row here. */
#include <stdio.h>
#include <string.h>

#include <ingot/host_plat.h>

extern const struct ig_plat ig_plat_kvm;
extern const struct ig_plat ig_plat_pico;
extern const struct ig_plat ig_plat_xen;

/* The first row is ingot-cc's default platform. */
static const struct ig_plat *const table[] = {
    &ig_plat_kvm,
    &ig_plat_pico,
    &ig_plat_xen,
};

const struct ig_plat *ig_plat_at(size_t i)
{
    return i < sizeof(table) / sizeof(table[0]) ? table[i] : NULL;
}

const struct ig_plat *ig_plat_find(const char *name)
{
    const struct ig_plat *p;

    for (size_t i = 0; name && (p = ig_plat_at(i)); i++)
        if (strcmp(p->name, name) == 0)
            return p;
    return NULL;
}

const struct ig_plat *ig_plat_bootable(const char *name)
{
    const struct ig_plat *p = ig_plat_find(name);

    return p && p->argv ? p : NULL;
}

void ig_plat_list_bootable(char *buf, size_t len, const char *last)
{
    const struct ig_plat *p;
    size_t n = 0, total = 0, used = 0;

    for (size_t i = 0; (p = ig_plat_at(i)); i++)
        total += p->argv != NULL;
    if (len == 0)
        return;
    buf[0] = '\0';
    for (size_t i = 0; (p = ig_plat_at(i)); i++) {
        if (!p->argv)
            continue;
        const char *sep = n == 0 ? "" : n + 1 == total ? last : ", ";
        int w = snprintf(buf + used, len - used, "%s%s", sep, p->name);
        if (w < 0 || (size_t)w >= len - used) {
            buf[used] = '\0'; /* no name cut in half */
            return;
        }
        used += (size_t)w;
        n++;
    }
}
