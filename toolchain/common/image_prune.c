/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* image_prune.c: an image's symbol table cut to what is read back. */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ingot/host.h>
#include <ingot/host_image.h>

/*
 * A linked image keeps its symbol table for crash reports (code addresses
 * to function names, image_syms.c) and for gdb.  Local symbols that are
 * not code — source file names, static variables, section symbols — are
 * read by neither and are a tenth of a small image, so they go; every
 * global and weak symbol and every code symbol stays.  Only the file's
 * trailing, unloaded sections move: the table and the sections after it
 * shrink in place and the loadable part is not touched.
 */

static int keep(Elf *elf, const GElf_Sym *s)
{
    int type = GELF_ST_TYPE(s->st_info);
    GElf_Shdr sh;
    Elf_Scn *scn;

    if (GELF_ST_BIND(s->st_info) != STB_LOCAL)
        return 1;
    if (type == STT_FUNC || type == STT_TLS)
        return 1;
    if (type != STT_NOTYPE || s->st_shndx == SHN_UNDEF ||
        s->st_shndx >= SHN_LORESERVE)
        return 0;
    /* An assembly routine without .type is a label in code. */
    scn = elf_getscn(elf, s->st_shndx);
    return scn && gelf_getshdr(scn, &sh) && (sh.sh_flags & SHF_EXECINSTR);
}

struct table {
    GElf_Sym *sym;
    size_t nsym, nlocal;
    char *str;
    size_t strlen, strcap;
};

static size_t add_name(struct table *t, const char *name)
{
    size_t n = strlen(name) + 1, at = t->strlen;

    if (n == 1)
        return 0;
    if (t->strlen + n > t->strcap) {
        t->strcap = (t->strlen + n) * 2;
        t->str = ig_xrealloc(t->str, t->strcap);
    }
    memcpy(t->str + at, name, n);
    t->strlen += n;
    return at;
}

/* Fills (t) with the kept symbols of (sd) (names from section (strndx)),
 * locals first as ELF requires. */
static int build(Elf *elf, Elf_Data *sd, size_t n, size_t strndx,
                 struct table *t)
{
    t->sym = ig_xmalloc(n * sizeof(*t->sym));
    t->str = ig_xmalloc(1);
    t->str[0] = '\0';
    t->strlen = t->strcap = 1;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < n; i++) {
            GElf_Sym s;
            if (!gelf_getsym(sd, (int)i, &s))
                return -1;
            int local = GELF_ST_BIND(s.st_info) == STB_LOCAL;
            if (i == 0 ? pass != 0 : (local != (pass == 0) || !keep(elf, &s)))
                continue;
            const char *name = i ? elf_strptr(elf, strndx, s.st_name) : "";
            if (!name)
                return -1;
            s.st_name = (Elf64_Word)add_name(t, name);
            t->sym[t->nsym++] = s;
        }
        if (pass == 0)
            t->nlocal = t->nsym;
    }
    return 0;
}

/* Lays the unloaded sections from (first) on out again, packed. */
static int relayout(Elf *elf, GElf_Off first)
{
    GElf_Ehdr eh;
    GElf_Off end = first;

    for (Elf_Scn *scn = elf_nextscn(elf, NULL); scn;
         scn = elf_nextscn(elf, scn)) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh))
            return -1;
        if (sh.sh_offset < first || sh.sh_type == SHT_NOBITS)
            continue;
        if (sh.sh_flags & SHF_ALLOC)
            return -1; /* loaded data after the table: leave the file be */
        /* libelf reads a section at its offset: before the offset moves. */
        Elf_Data *d = NULL;
        while ((d = elf_getdata(scn, d)))
            elf_flagdata(d, ELF_C_SET, ELF_F_DIRTY);
        elf_flagscn(scn, ELF_C_SET, ELF_F_DIRTY);
        GElf_Xword align = sh.sh_addralign > 1 ? sh.sh_addralign : 1;
        end = (end + align - 1) / align * align;
        sh.sh_offset = end;
        end += sh.sh_size;
        if (!gelf_update_shdr(scn, &sh))
            return -1;
    }
    if (!gelf_getehdr(elf, &eh))
        return -1;
    eh.e_shoff = (end + 7) & ~(GElf_Off)7;
    return gelf_update_ehdr(elf, &eh) ? 0 : -1;
}

/* (t) holds the new table; libelf points at its strings until elf_end(). */
static int prune(Elf *elf, int fd, const char *path, struct table *tp,
                 char *err, size_t errlen)
{
    Elf_Scn *scn = NULL, *strscn;
    GElf_Shdr sh, strsh;
    Elf_Data *sd, *strd;
    struct table t = {0};
    int r = -1;

    while ((scn = elf_nextscn(elf, scn)) &&
           !(gelf_getshdr(scn, &sh) && sh.sh_type == SHT_SYMTAB))
        ;
    if (!scn)
        return 0; /* already stripped */
    strscn = elf_getscn(elf, sh.sh_link);
    if (!sh.sh_entsize || !strscn || !gelf_getshdr(strscn, &strsh) ||
        strsh.sh_type != SHT_STRTAB || !(sd = elf_getdata(scn, NULL)) ||
        !(strd = elf_getdata(strscn, NULL))) {
        snprintf(err, errlen, "%s: malformed symbol table", path);
        return -1;
    }
    size_t n = sh.sh_size / sh.sh_entsize;
    if (build(elf, sd, n, sh.sh_link, &t) < 0) {
        snprintf(err, errlen, "%s: unreadable symbol: %s", path,
                 elf_errmsg(-1));
        goto out;
    }
    if (t.nsym == n) {
        r = 0;
        goto out;
    }
    for (size_t i = 0; i < t.nsym; i++)
        if (!gelf_update_sym(sd, (int)i, &t.sym[i]))
            goto bad;
    sd->d_size = t.nsym * sh.sh_entsize;
    sh.sh_size = sd->d_size;
    sh.sh_info = (Elf64_Word)t.nlocal;
    strd->d_buf = t.str;
    strd->d_size = t.strlen;
    strsh.sh_size = t.strlen;
    if (!gelf_update_shdr(scn, &sh) || !gelf_update_shdr(strscn, &strsh))
        goto bad;
    elf_flagdata(sd, ELF_C_SET, ELF_F_DIRTY);
    elf_flagdata(strd, ELF_C_SET, ELF_F_DIRTY);
    GElf_Off first =
        sh.sh_offset < strsh.sh_offset ? sh.sh_offset : strsh.sh_offset;
    if (relayout(elf, first) < 0) {
        r = 0; /* an unusual layout keeps its table */
        goto out;
    }
    elf_flagelf(elf, ELF_C_SET, ELF_F_LAYOUT | ELF_F_DIRTY);
    off_t size = elf_update(elf, ELF_C_WRITE);
    if (size < 0 || ftruncate(fd, size) < 0)
        goto bad;
    r = 0;
    goto out;
bad:
    snprintf(err, errlen, "%s: cannot rewrite the symbol table: %s", path,
             elf_errno() ? elf_errmsg(-1) : strerror(errno));
out:
    *tp = t;
    return r;
}

int ig_image_prune_symbols(const char *path, char *err, size_t errlen)
{
    int fd = open(path, O_RDWR | O_CLOEXEC);

    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    elf_version(EV_CURRENT);
    Elf *elf = elf_begin(fd, ELF_C_RDWR, NULL);
    struct table t = {0};
    int r = -1;
    if (!elf || elf_kind(elf) != ELF_K_ELF || gelf_getclass(elf) != ELFCLASS64)
        snprintf(err, errlen, "%s: not a 64-bit ELF image", path);
    else
        r = prune(elf, fd, path, &t, err, errlen);
    if (elf)
        elf_end(elf);
    free(t.sym);
    free(t.str);
    if (close(fd) < 0 && r == 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        r = -1;
    }
    return r;
}
