/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* object.c: check a link input (object file or archive) before ld sees it. */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ingot/host_image.h>

/* Checks the ELF header and section table of an object; NULL when fine. */
static const char *check_elf(Elf *e, uint64_t size, char *buf, size_t len)
{
    GElf_Ehdr eh;

    if (gelf_getclass(e) != ELFCLASS64 || !gelf_getehdr(e, &eh))
        return "not a 64-bit ELF object";
    if (eh.e_machine != EM_X86_64)
        return "ELF object for another machine (not x86-64)";
    if (eh.e_type != ET_REL) {
        snprintf(buf, len, "%s, not an object file (.o) or archive (.a)",
                 eh.e_type == ET_DYN    ? "a shared library or PIE"
                 : eh.e_type == ET_EXEC ? "an executable"
                                        : "an unusual ELF file");
        return buf;
    }
    uint64_t shend = eh.e_shoff + (uint64_t)eh.e_shnum * eh.e_shentsize;
    if (eh.e_shoff > size || shend > size) {
        snprintf(buf, len,
                 "truncated: section headers end at %llu, file is %llu bytes",
                 (unsigned long long)shend, (unsigned long long)size);
        return buf;
    }
    for (Elf_Scn *s = NULL; (s = elf_nextscn(e, s)) != NULL;) {
        GElf_Shdr sh;
        if (!gelf_getshdr(s, &sh))
            return "corrupt section header";
        if (sh.sh_type != SHT_NOBITS &&
            (sh.sh_offset > size || sh.sh_size > size - sh.sh_offset)) {
            snprintf(buf, len,
                     "truncated: section %zu ends at %llu, file is %llu bytes",
                     elf_ndxscn(s),
                     (unsigned long long)(sh.sh_offset + sh.sh_size),
                     (unsigned long long)size);
            return buf;
        }
    }
    return NULL;
}

int ig_object_check(const char *path, char *why, size_t whylen)
{
    struct stat st;
    const char *bad = NULL;
    char buf[160];

    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 || fstat(fd, &st) < 0) {
        snprintf(why, whylen, "%s", strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    elf_version(EV_CURRENT);
    Elf *e = S_ISREG(st.st_mode) ? elf_begin(fd, ELF_C_READ, NULL) : NULL;
    if (!S_ISREG(st.st_mode))
        bad = "not a regular file";
    else if (st.st_size == 0)
        bad = "empty file, not an object file";
    else if (!e)
        bad = "not an ELF object file or archive";
    else if (elf_kind(e) == ELF_K_AR)
        bad = NULL; /* the linker checks the members it pulls in */
    else if (elf_kind(e) != ELF_K_ELF)
        bad = "not an ELF object file or archive";
    else
        bad = check_elf(e, (uint64_t)st.st_size, buf, sizeof(buf));
    if (e)
        elf_end(e);
    close(fd);
    if (bad)
        snprintf(why, whylen, "%s", bad);
    return bad ? -1 : 0;
}
