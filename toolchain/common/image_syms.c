/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* image_syms.c: an image's symbols (code addresses to function+offset) and
 * whether it carries debug information. */
#include <stdlib.h>
#include <string.h>

#include <ingot/host.h>
#include <ingot/host_image.h>

#include "image_internal.h"

static int by_addr(const void *a, const void *b)
{
    const struct ig_image_sym *x = a, *y = b;
    if (x->addr != y->addr)
        return x->addr < y->addr ? -1 : 1;
    /* Sized symbols (functions) before labels at the same address. */
    return (y->size > 0) - (x->size > 0);
}

static int is_code(Elf *elf, const GElf_Sym *s)
{
    GElf_Shdr sh;
    Elf_Scn *scn;

    if (GELF_ST_TYPE(s->st_info) == STT_FUNC)
        return 1;
    if (GELF_ST_TYPE(s->st_info) != STT_NOTYPE || s->st_shndx == SHN_UNDEF ||
        s->st_shndx >= SHN_LORESERVE)
        return 0;
    scn = elf_getscn(elf, s->st_shndx);
    return scn && gelf_getshdr(scn, &sh) && (sh.sh_flags & SHF_EXECINSTR);
}

static void load(struct ig_image *img)
{
    size_t cap = 0;

    img->syms_loaded = 1;
    for (Elf_Scn *scn = elf_nextscn(img->elf, NULL); scn;
         scn = elf_nextscn(img->elf, scn)) {
        GElf_Shdr sh;
        Elf_Data *d;
        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB ||
            !sh.sh_entsize || !(d = elf_getdata(scn, NULL)))
            continue;
        size_t n = sh.sh_size / sh.sh_entsize;
        for (size_t i = 0; i < n; i++) {
            GElf_Sym s;
            const char *name;
            if (!gelf_getsym(d, (int)i, &s) || s.st_value == 0 ||
                !is_code(img->elf, &s))
                continue;
            name = elf_strptr(img->elf, sh.sh_link, s.st_name);
            if (!name || !*name)
                continue;
            if (img->nsyms == cap) {
                cap = cap ? cap * 2 : 256;
                img->syms = ig_xrealloc(img->syms, cap * sizeof(*img->syms));
            }
            img->syms[img->nsyms++] =
                (struct ig_image_sym){.addr = s.st_value,
                                      .size = s.st_size,
                                      .name = ig_xstrdup(name)};
        }
    }
    if (img->nsyms)
        qsort(img->syms, img->nsyms, sizeof(*img->syms), by_addr);
}

const char *ig_image_symbolize(struct ig_image *img, uint64_t addr,
                               uint64_t *off)
{
    if (!img->syms_loaded)
        load(img);

    /* Last symbol starting at or below addr; among equals the sized one. */
    size_t lo = 0, hi = img->nsyms;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (img->syms[mid].addr <= addr)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return NULL;
    size_t i = lo - 1;
    while (i > 0 && img->syms[i - 1].addr == img->syms[i].addr)
        i--;
    const struct ig_image_sym *s = &img->syms[i];
    if (s->size > 0 && addr - s->addr >= s->size)
        return NULL;
    *off = addr - s->addr;
    return s->name;
}

void ig_image_syms_free(struct ig_image *img)
{
    for (size_t i = 0; i < img->nsyms; i++)
        free(img->syms[i].name);
    free(img->syms);
    img->syms = NULL;
    img->nsyms = 0;
}

int ig_image_has_debug(struct ig_image *img)
{
    size_t shstrndx;

    if (elf_getshdrstrndx(img->elf, &shstrndx) != 0)
        return 0;
    for (Elf_Scn *scn = elf_nextscn(img->elf, NULL); scn;
         scn = elf_nextscn(img->elf, scn)) {
        GElf_Shdr sh;
        const char *name;
        if (gelf_getshdr(scn, &sh) &&
            (name = elf_strptr(img->elf, shstrndx, sh.sh_name)) &&
            strcmp(name, ".debug_info") == 0 && sh.sh_size > 0)
            return 1;
    }
    return 0;
}
