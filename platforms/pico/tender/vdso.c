/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* vdso.c: find the kernel's clock_gettime in the vDSO for the guest. */
#include <gelf.h>
#include <libelf.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

#include "tender.h"

#define VDSO_MAX (1u << 20) /* a few pages in practice */

uint64_t ig_tender_vdso_sym(const void *image, size_t len, const char *name)
{
    Elf *elf;
    GElf_Ehdr eh;
    GElf_Phdr ph;
    Elf_Scn *scn = NULL;
    size_t phnum;
    uint64_t bias = 0, addr = 0;
    int have_load = 0;
    char *copy;

    if (!image || len < sizeof(Elf64_Ehdr) || len > VDSO_MAX)
        return 0;
    /* libelf may write to memory it reads in place: give it a copy. */
    copy = malloc(len);
    if (!copy)
        return 0;
    memcpy(copy, image, len);
    elf_version(EV_CURRENT);
    elf = elf_memory(copy, len);
    if (!elf || elf_kind(elf) != ELF_K_ELF || !gelf_getehdr(elf, &eh) ||
        gelf_getclass(elf) != ELFCLASS64 || eh.e_machine != EM_X86_64 ||
        eh.e_type != ET_DYN || elf_getphdrnum(elf, &phnum) != 0)
        goto out;
    /* The ELF header lies at the start of the first PT_LOAD segment. */
    for (size_t i = 0; i < phnum && !have_load; i++)
        if (gelf_getphdr(elf, (int)i, &ph) && ph.p_type == PT_LOAD &&
            ph.p_offset == 0) {
            bias = (uint64_t)(uintptr_t)image - ph.p_vaddr;
            have_load = 1;
        }
    if (!have_load)
        goto out;
    while ((scn = elf_nextscn(elf, scn)) && !addr) {
        GElf_Shdr sh;
        Elf_Data *d;
        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_DYNSYM ||
            !sh.sh_entsize || !(d = elf_getdata(scn, NULL)))
            continue;
        for (size_t i = 0; i < sh.sh_size / sh.sh_entsize; i++) {
            GElf_Sym s;
            const char *n;
            if (!gelf_getsym(d, (int)i, &s) || s.st_shndx == SHN_UNDEF ||
                GELF_ST_TYPE(s.st_info) != STT_FUNC || !s.st_value)
                continue;
            n = elf_strptr(elf, sh.sh_link, s.st_name);
            /* The function must lie inside the image. */
            if (n && strcmp(n, name) == 0 && s.st_value >= ph.p_vaddr &&
                s.st_value - ph.p_vaddr < len) {
                addr = bias + s.st_value;
                break;
            }
        }
    }
out:
    if (elf)
        elf_end(elf);
    free(copy);
    return addr;
}

uint64_t ig_tender_vdso_clock(void)
{
    const Elf64_Ehdr *eh = (const void *)getauxval(AT_SYSINFO_EHDR);
    size_t len;

    if (!eh || memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0 ||
        eh->e_ident[EI_CLASS] != ELFCLASS64 ||
        eh->e_shentsize != sizeof(Elf64_Shdr))
        return 0;
    /* The kernel maps the whole shared object, its section headers (at
     * its end) included. */
    len = (size_t)eh->e_shoff + (size_t)eh->e_shnum * sizeof(Elf64_Shdr);
    if (eh->e_shoff > VDSO_MAX || eh->e_shnum > 256)
        return 0;
    return ig_tender_vdso_sym(eh, len, "__vdso_clock_gettime");
}
