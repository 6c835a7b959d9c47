/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* symbols.c: name the function holding a code address, for crash reports. */
#include <ingot/console.h>
#include <ingot/panic.h>
#include <ingot/plat.h>

#include <stddef.h>

/* The ELF64 symbol record (System V ABI), as the platform hands it over. */
struct elf64_sym {
    uint32_t st_name;
    uint8_t st_info;
    uint8_t st_other;
    uint16_t st_shndx;
    uint64_t st_value;
    uint64_t st_size;
};

#define STT_NOTYPE 0
#define STT_FUNC 2
#define SHN_UNDEF 0
#define SHN_LORESERVE 0xff00

/* The name at (off) if it is non-empty and ends inside the table. */
static const char *name_at(const struct ig_plat_symtab *t, uint32_t off)
{
    if (off == 0 || off >= t->strs_len || t->strs[off] == '\0')
        return NULL;
    for (size_t i = off; i < t->strs_len; i++)
        if (t->strs[i] == '\0')
            return t->strs + off;
    return NULL;
}

/* Functions, and labels without a type inside the code (assembly). */
static int is_code(const struct ig_plat_symtab *t, const struct elf64_sym *s)
{
    unsigned type = s->st_info & 0xf;

    if (s->st_value == 0 || s->st_shndx == SHN_UNDEF ||
        s->st_shndx >= SHN_LORESERVE)
        return 0;
    if (type == STT_FUNC)
        return 1;
    return type == STT_NOTYPE && s->st_value >= t->code_lo &&
           s->st_value < t->code_hi;
}

/*
 * A linear scan: it runs once per frame of a crash report, never on a hot
 * path, and needs no memory of its own (the heap may be what broke).  The
 * table is the platform's copy of the image's own; every name is bounded
 * by the string table all the same.
 */
const char *ig_backtrace_symbolize(uintptr_t addr, uintptr_t *off)
{
    struct ig_plat_symtab t;
    const struct elf64_sym *best = NULL;
    const char *best_name = NULL;

    if (ig_plat_symbols(&t) < 0)
        return NULL;
    const struct elf64_sym *syms = t.syms;
    for (size_t i = 0; i < t.nsyms; i++) {
        const struct elf64_sym *s = &syms[i];
        const char *name;

        if (s->st_value > addr || !is_code(&t, s))
            continue;
        /* The closest start at or below (addr); at one address a sized
         * symbol (a function) before a label. */
        if (best && (s->st_value < best->st_value ||
                     (s->st_value == best->st_value &&
                      (best->st_size > 0 || s->st_size == 0))))
            continue;
        if (!(name = name_at(&t, s->st_name)))
            continue;
        best = s;
        best_name = name;
    }
    if (!best || (best->st_size > 0 && addr - best->st_value >= best->st_size))
        return NULL;
    *off = addr - (uintptr_t)best->st_value;
    return best_name;
}

void ig_backtrace_frame(int n, uintptr_t addr)
{
    /* Outer frames hold return addresses, which may point past the end of
     * the calling function: name the call instruction's function. */
    uintptr_t look = n > 0 && addr > 0 ? addr - 1 : addr, off;
    const char *name = ig_backtrace_symbolize(look, &off);

    if (name)
        ig_printk("  #%d 0x%lx %s+0x%lx\n", n, (unsigned long)addr, name,
                  (unsigned long)(off + (addr - look)));
    else
        ig_printk("  #%d 0x%lx\n", n, (unsigned long)addr);
}
