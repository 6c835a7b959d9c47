/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* load.c: maps a pico image into the tender at its link address, with
 * libelf, and reads its initrd. */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ingot/note.h>

#include "tender.h"

#define SEGS_MAX 8

struct seg {
    uint64_t start, end; /* page-aligned mapping */
    int prot;
};

static uint64_t page_down(uint64_t a)
{
    return a & ~(IG_TENDER_PAGE - 1);
}

static uint64_t page_up(uint64_t a)
{
    return (a + IG_TENDER_PAGE - 1) & ~(IG_TENDER_PAGE - 1);
}

/* Returns 1 if a PT_NOTE segment holds the Ingot platform note "pico". */
static int is_pico(Elf *elf, size_t phnum)
{
    for (size_t i = 0; i < phnum; i++) {
        GElf_Phdr ph;
        GElf_Nhdr nh;
        size_t off = 0, name_off, desc_off;
        Elf_Data *d;

        if (!gelf_getphdr(elf, (int)i, &ph) || ph.p_type != PT_NOTE)
            continue;
        d = elf_getdata_rawchunk(elf, (int64_t)ph.p_offset, ph.p_filesz,
                                 ELF_T_NHDR);
        while (d && (off = gelf_getnote(d, off, &nh, &name_off, &desc_off))) {
            const char *name = (const char *)d->d_buf + name_off;
            const char *desc = (const char *)d->d_buf + desc_off;

            if (nh.n_type == IG_NOTE_PLATFORM &&
                nh.n_namesz == sizeof(IG_NOTE_NAME) &&
                memcmp(name, IG_NOTE_NAME, sizeof(IG_NOTE_NAME)) == 0)
                return nh.n_descsz >= 5 && memcmp(desc, "pico", 5) == 0;
        }
    }
    return 0;
}

/* Every segment's bytes must lie inside the file. */
static int check_bounds(Elf *elf, size_t phnum, size_t size, char *err,
                        size_t errlen)
{
    for (size_t i = 0; i < phnum; i++) {
        GElf_Phdr ph;

        if (!gelf_getphdr(elf, (int)i, &ph)) {
            snprintf(err, errlen, "truncated: no program header %zu", i);
            return -1;
        }
        if (ph.p_offset > size || ph.p_filesz > size - ph.p_offset) {
            snprintf(err, errlen,
                     "truncated: segment %zu ends at byte %llu but the file "
                     "has %zu",
                     i, (unsigned long long)(ph.p_offset + ph.p_filesz), size);
            return -1;
        }
    }
    return 0;
}

static int prot_of(uint32_t flags)
{
    return (flags & PF_R ? PROT_READ : 0) | (flags & PF_W ? PROT_WRITE : 0) |
           (flags & PF_X ? PROT_EXEC : 0);
}

/* Maps and fills the PT_LOAD segments; (raw) is the whole file, which
 * check_bounds() found to hold every segment. */
/*
 * A read-only segment (code, constants) is mapped from the image file
 * itself, so every instance of one image shares those pages in the page
 * cache, as processes share their executable's text; each instance used
 * to hold its own copy (httpd: 229 KiB of its 235 KiB).  The bytes that
 * share the segment's first and last pages are the image's own (headers,
 * a neighbour's start), read-only like the rest.  Only where the file's
 * layout allows it (offset and address agree modulo the page, nothing to
 * zero): otherwise the segment is copied.  Returns 1 when mapped, 0 when
 * it must be copied, -1 when the mapping failed.
 */
static int map_from_file(int fd, const GElf_Phdr *ph, const struct seg *sg)
{
    if ((ph->p_flags & PF_W) || ph->p_filesz != ph->p_memsz ||
        (ph->p_offset & (IG_TENDER_PAGE - 1)) !=
            (ph->p_vaddr & (IG_TENDER_PAGE - 1)))
        return 0;
    void *at = mmap((void *)(uintptr_t)sg->start, sg->end - sg->start, sg->prot,
                    MAP_PRIVATE | MAP_FIXED_NOREPLACE, fd,
                    (off_t)page_down(ph->p_offset));
    if (at == MAP_FAILED)
        return -1;
    if ((uint64_t)(uintptr_t)at != sg->start) {
        munmap(at, sg->end - sg->start);
        errno = EEXIST;
        return -1;
    }
    return 1;
}

/* Where the symbol table and its names lie in the file. */
struct symtab_loc {
    uint64_t lo, hi; /* the page-aligned span of both to map */
    uint64_t sym_off, nsyms;
    uint64_t str_off, str_len;
};

/*
 * The symbol table and its names, for crash reports the guest writes
 * with named frames (pico_abi.h version 8).  Only a table whose bytes lie
 * inside the file; none (a stripped image, an odd one) leaves the fields
 * 0 and the frames bare.  Returns 1 when (loc) was filled.
 */
static int find_symbols(Elf *elf, size_t size, struct symtab_loc *loc)
{
    for (Elf_Scn *scn = elf_nextscn(elf, NULL); scn;
         scn = elf_nextscn(elf, scn)) {
        GElf_Shdr sh, st;
        Elf_Scn *strs;

        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB)
            continue;
        if (sh.sh_entsize != sizeof(Elf64_Sym) || sh.sh_offset > size ||
            sh.sh_size > size - sh.sh_offset ||
            !(strs = elf_getscn(elf, sh.sh_link)) || !gelf_getshdr(strs, &st) ||
            st.sh_type != SHT_STRTAB || st.sh_offset > size ||
            st.sh_size > size - st.sh_offset)
            return 0;
        uint64_t end_sym = sh.sh_offset + sh.sh_size;
        uint64_t end_str = st.sh_offset + st.sh_size;
        *loc = (struct symtab_loc){.lo = page_down(sh.sh_offset < st.sh_offset
                                                       ? sh.sh_offset
                                                       : st.sh_offset),
                                   .hi = end_sym > end_str ? end_sym : end_str,
                                   .sym_off = sh.sh_offset,
                                   .nsyms = sh.sh_size / sizeof(Elf64_Sym),
                                   .str_off = st.sh_offset,
                                   .str_len = st.sh_size};
        return 1;
    }
    return 0;
}

/*
 * Maps what find_symbols() found read-only from the file: shared by every
 * instance in the page cache and read only when a guest crashes.  Done
 * after libelf let go of the file, so the mapping takes the place its
 * view of the file had and the tender's later mappings lie as before.
 */
static void map_symbols(int fd, const struct symtab_loc *loc,
                        struct ig_tender_image *img)
{
    if (loc->hi <= loc->lo)
        return;
    char *p = mmap(NULL, loc->hi - loc->lo, PROT_READ, MAP_PRIVATE, fd,
                   (off_t)loc->lo);
    if (p == MAP_FAILED)
        return;
    img->symtab = (uint64_t)(uintptr_t)(p + (loc->sym_off - loc->lo));
    img->nsyms = loc->nsyms;
    img->strtab = (uint64_t)(uintptr_t)(p + (loc->str_off - loc->lo));
    img->strtab_len = loc->str_len;
}

static int map_segments(Elf *elf, size_t phnum, const char *raw, int fd,
                        struct ig_tender_image *img, char *err, size_t errlen)
{
    struct seg segs[SEGS_MAX];
    int n = 0;

    img->lo = UINT64_MAX;
    img->hi = 0;
    for (size_t i = 0; i < phnum; i++) {
        GElf_Phdr ph;
        void *at;

        if (!gelf_getphdr(elf, (int)i, &ph) || ph.p_type != PT_LOAD ||
            ph.p_memsz == 0)
            continue;
        if (n == SEGS_MAX) {
            snprintf(err, errlen, "more than %d PT_LOAD segments", SEGS_MAX);
            return -1;
        }
        if (ph.p_filesz > ph.p_memsz) {
            snprintf(err, errlen,
                     "segment %zu is larger in the file than "
                     "in memory",
                     i);
            return -1;
        }
        if ((ph.p_flags & PF_W) && (ph.p_flags & PF_X)) {
            snprintf(err, errlen, "segment %zu is writable and executable", i);
            return -1;
        }
        if (ph.p_vaddr < IG_PICO_LOAD_ADDR || ph.p_memsz > IG_PICO_LOAD_LIMIT ||
            ph.p_vaddr > IG_PICO_LOAD_LIMIT - ph.p_memsz) {
            snprintf(err, errlen,
                     "segment %zu at 0x%llx is outside the pico load range "
                     "(linked for another platform?)",
                     i, (unsigned long long)ph.p_vaddr);
            return -1;
        }
        segs[n].start = page_down(ph.p_vaddr);
        segs[n].end = page_up(ph.p_vaddr + ph.p_memsz);
        segs[n].prot = prot_of(ph.p_flags);
        int shared = map_from_file(fd, &ph, &segs[n]);
        if (shared < 0) {
            snprintf(err, errlen, "cannot map segment %zu at 0x%llx: %s", i,
                     (unsigned long long)segs[n].start, strerror(errno));
            return -1;
        }
        if (shared)
            goto mapped;
        /* Written first, protected once all are filled.  NOREPLACE: an
         * overlap with the tender (or another segment) is an error, never
         * a silent clobber. */
        at = mmap((void *)(uintptr_t)segs[n].start, segs[n].end - segs[n].start,
                  PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
        if (at == MAP_FAILED || (uint64_t)(uintptr_t)at != segs[n].start) {
            snprintf(err, errlen, "cannot map segment %zu at 0x%llx: %s", i,
                     (unsigned long long)segs[n].start,
                     at == MAP_FAILED ? strerror(errno) : "address taken");
            return -1;
        }
        memcpy((void *)(uintptr_t)ph.p_vaddr, raw + ph.p_offset, ph.p_filesz);
    mapped:
        if (segs[n].start < img->lo)
            img->lo = segs[n].start;
        if (segs[n].end > img->hi)
            img->hi = segs[n].end;
        if ((ph.p_flags & PF_X) &&
            (!img->code_hi || segs[n].start < img->code_lo))
            img->code_lo = segs[n].start;
        if ((ph.p_flags & PF_X) && segs[n].end > img->code_hi)
            img->code_hi = segs[n].end;
        n++;
    }
    if (n == 0) {
        snprintf(err, errlen, "no PT_LOAD segments");
        return -1;
    }
    for (int i = 0; i < n; i++) {
        if (mprotect((void *)(uintptr_t)segs[i].start,
                     segs[i].end - segs[i].start, segs[i].prot) < 0) {
            snprintf(err, errlen, "mprotect: %s", strerror(errno));
            return -1;
        }
        if ((segs[i].prot & PROT_EXEC) && img->entry >= segs[i].start &&
            img->entry < segs[i].end)
            img->entry_ok = 1;
    }
    return 0;
}

int ig_tender_load(const char *path, struct ig_tender_image *img, char *err,
                   size_t errlen)
{
    GElf_Ehdr eh;
    Elf *elf = NULL;
    size_t phnum, size;
    const char *raw;
    struct symtab_loc loc;
    int fd, r = -1, have_syms = 0;

    memset(img, 0, sizeof(*img));
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        return -1;
    }
    elf_version(EV_CURRENT);
    elf = elf_begin(fd, ELF_C_READ_MMAP, NULL);
    if (!elf || elf_kind(elf) != ELF_K_ELF || !gelf_getehdr(elf, &eh) ||
        gelf_getclass(elf) != ELFCLASS64 || eh.e_machine != EM_X86_64) {
        snprintf(err, errlen, "not an x86-64 ELF64 file");
        goto out;
    }
    if (eh.e_type != ET_EXEC || elf_getphdrnum(elf, &phnum) != 0) {
        snprintf(err, errlen, "not a static executable");
        goto out;
    }
    raw = elf_rawfile(elf, &size);
    if (!raw) {
        snprintf(err, errlen, "cannot read: %s", elf_errmsg(-1));
        goto out;
    }
    if (check_bounds(elf, phnum, size, err, errlen) < 0)
        goto out;
    if (!is_pico(elf, phnum)) {
        snprintf(err, errlen,
                 "not a pico image (link it with ingot-cc "
                 "--platform=pico; `ingot run` boots others)");
        goto out;
    }
    img->entry = eh.e_entry;
    if (map_segments(elf, phnum, raw, fd, img, err, errlen) < 0)
        goto out;
    if (!img->entry_ok) {
        snprintf(err, errlen, "entry point 0x%llx is not in executable code",
                 (unsigned long long)img->entry);
        goto out;
    }
    have_syms = find_symbols(elf, size, &loc);
    r = 0;
out:
    elf_end(elf);
    if (r == 0 && have_syms)
        map_symbols(fd, &loc, img);
    if (r == 0)
        img->fd = fd;
    else
        close(fd);
    return r;
}

int ig_tender_initrd_open(const char *path, int *fd, uint64_t *len, char *err,
                          size_t errlen)
{
    struct stat st;

    *fd = open(path, O_RDONLY | O_CLOEXEC);
    if (*fd < 0 || fstat(*fd, &st) < 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        if (*fd >= 0)
            close(*fd);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(err, errlen, "not a regular file");
        close(*fd);
        return -1;
    }
    *len = (uint64_t)st.st_size;
    return 0;
}

int ig_tender_initrd_read(int fd, uint64_t len, uint64_t *base, char *err,
                          size_t errlen)
{
    uint64_t got = 0;
    char *p;

    /* Copied, not mapped from the file: a file mapping would let whoever
     * truncates the file make the guest's reads fault (SIGBUS). */
    p = mmap(NULL, page_up(len), PROT_READ | PROT_WRITE,
             MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        snprintf(err, errlen, "%s", strerror(errno));
        close(fd);
        return -1;
    }
    while (got < len) {
        ssize_t n = read(fd, p + got, len - got);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            snprintf(err, errlen, "%s",
                     n < 0 ? strerror(errno) : "shrank while being read");
            close(fd);
            return -1;
        }
        got += (uint64_t)n;
    }
    close(fd);
    if (mprotect(p, page_up(len), PROT_READ) < 0) {
        snprintf(err, errlen, "mprotect: %s", strerror(errno));
        return -1;
    }
    *base = (uint64_t)(uintptr_t)p;
    return 0;
}
