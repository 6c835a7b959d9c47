/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* an_elf.c: the symbols link inputs define and need, read with libelf. */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze.h"

void ig_an_syms_add(struct ig_an_syms *s, const char *name, const char *where)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->name = ig_xrealloc(s->name, s->cap * sizeof(*s->name));
        s->where = ig_xrealloc(s->where, s->cap * sizeof(*s->where));
    }
    s->name[s->n] = ig_xstrdup(name);
    s->where[s->n++] = ig_xstrdup(where);
}

long ig_an_syms_find(const struct ig_an_syms *s, const char *name)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->name[i], name) == 0)
            return (long)i;
    return -1;
}

void ig_an_syms_free(struct ig_an_syms *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->name[i]);
        free(s->where[i]);
    }
    free(s->name);
    free(s->where);
    memset(s, 0, sizeof(*s));
}

/* The symbols of one relocatable ELF object or linked executable. */
static int read_object(Elf *e, const char *label, struct ig_an_syms *undef,
                       struct ig_an_syms *def)
{
    GElf_Ehdr eh;
    if (elf_kind(e) != ELF_K_ELF || !gelf_getehdr(e, &eh) ||
        (eh.e_type != ET_REL && eh.e_type != ET_EXEC))
        return -1;
    for (Elf_Scn *s = elf_nextscn(e, NULL); s; s = elf_nextscn(e, s)) {
        GElf_Shdr sh;
        Elf_Data *d;
        if (!gelf_getshdr(s, &sh) || sh.sh_type != SHT_SYMTAB ||
            !sh.sh_entsize || !(d = elf_getdata(s, NULL)))
            continue;
        size_t n = sh.sh_size / sh.sh_entsize;
        for (size_t i = 1; i < n; i++) {
            GElf_Sym sym;
            if (!gelf_getsym(d, (int)i, &sym))
                continue;
            int bind = GELF_ST_BIND(sym.st_info);
            const char *name = elf_strptr(e, sh.sh_link, sym.st_name);
            if (!name || !*name || bind == STB_LOCAL)
                continue;
            if (sym.st_shndx == SHN_UNDEF) {
                if (undef && bind != STB_WEAK &&
                    ig_an_syms_find(undef, name) < 0)
                    ig_an_syms_add(undef, name, label);
            } else if (def) {
                ig_an_syms_add(def, name, label);
            }
        }
    }
    return 0;
}

int ig_an_syms_read(const char *path, const char *label,
                    struct ig_an_syms *undef, struct ig_an_syms *def, char *err,
                    size_t errlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    elf_version(EV_CURRENT);
    Elf *ar = elf_begin(fd, ELF_C_READ, NULL);
    int r = 0;
    size_t nsym;
    Elf_Arsym *as;
    if (ar && elf_kind(ar) == ELF_K_AR && !undef &&
        (as = elf_getarsym(ar, &nsym)) != NULL) {
        /* Definitions only: the archive's symbol index says it all. */
        for (size_t i = 0; i < nsym; i++)
            if (as[i].as_name)
                ig_an_syms_add(def, as[i].as_name, label);
    } else if (ar && elf_kind(ar) == ELF_K_AR) {
        Elf *m;
        Elf_Cmd cmd = ELF_C_READ;
        while ((m = elf_begin(fd, cmd, ar)) != NULL) {
            Elf_Arhdr *h = elf_getarhdr(m);
            if (h && h->ar_name[0] != '/') {
                char *l = ig_xasprintf("%s(%s)", label, h->ar_name);
                read_object(m, l, undef, def);
                free(l);
            }
            cmd = elf_next(m);
            elf_end(m);
        }
    } else if (!ar || read_object(ar, label, undef, def) < 0) {
        snprintf(err, errlen, "%s: not an ELF object file or archive", path);
        r = -1;
    }
    if (ar)
        elf_end(ar);
    close(fd);
    return r;
}
