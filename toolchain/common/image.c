/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* image.c: check that a file is a bootable Ingot image and read its notes. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ingot/host.h>
#include <ingot/host_image.h>
#include <ingot/note.h>

#include "image_internal.h"

/* Results of scanning notes: what was found, or why it is malformed. */
struct notes {
    int have_platform;
    int have_abi;
    uint32_t abi;
    const char *bad;
};

static int fits(uint64_t off, uint64_t len, uint64_t size)
{
    return off <= size && len <= size - off;
}

static void note_one(struct ig_image *img, struct notes *n, const GElf_Nhdr *h,
                     const char *name, const unsigned char *desc)
{
    if (h->n_namesz != sizeof(IG_NOTE_NAME) ||
        memcmp(name, IG_NOTE_NAME, sizeof(IG_NOTE_NAME)) != 0)
        return;
    if (h->n_type == IG_NOTE_PLATFORM) {
        size_t len = strnlen((const char *)desc, h->n_descsz);
        if (len == 0 || len == h->n_descsz || len >= sizeof(img->platform)) {
            n->bad = "malformed Ingot platform note";
            return;
        }
        for (size_t i = 0; i < len; i++) {
            char c = (char)desc[i];
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '-')) {
                n->bad = "malformed Ingot platform note";
                return;
            }
        }
        memcpy(img->platform, desc, len + 1);
        n->have_platform = 1;
    } else if (h->n_type == IG_NOTE_ABI && h->n_descsz >= 4) {
        n->abi = (uint32_t)desc[0] | (uint32_t)desc[1] << 8 |
                 (uint32_t)desc[2] << 16 | (uint32_t)desc[3] << 24;
        n->have_abi = 1;
    }
}

static void notes_in(struct ig_image *img, struct notes *n, Elf_Data *d)
{
    GElf_Nhdr h;
    size_t off = 0, name_off, desc_off, next;

    if (!d)
        return;
    while (off < d->d_size &&
           (next = gelf_getnote(d, off, &h, &name_off, &desc_off)) > 0) {
        note_one(img, n, &h, (const char *)d->d_buf + name_off,
                 (const unsigned char *)d->d_buf + desc_off);
        off = next;
    }
}

/* Notes are looked for in PT_NOTE segments (what a loader sees), then in
 * SHT_NOTE sections for images whose linker script left them unloaded. */
static void scan_notes(struct ig_image *img, struct notes *n, size_t phnum)
{
    for (size_t i = 0; i < phnum; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(img->elf, (int)i, &ph) || ph.p_type != PT_NOTE)
            continue;
        Elf_Type t = ph.p_align == 8 ? ELF_T_NHDR8 : ELF_T_NHDR;
        notes_in(img, n,
                 elf_getdata_rawchunk(img->elf, (int64_t)ph.p_offset,
                                      ph.p_filesz, t));
    }
    if (n->have_platform)
        return;
    for (Elf_Scn *s = elf_nextscn(img->elf, NULL); s;
         s = elf_nextscn(img->elf, s)) {
        GElf_Shdr sh;
        if (gelf_getshdr(s, &sh) && sh.sh_type == SHT_NOTE)
            notes_in(img, n, elf_getdata(s, NULL));
    }
}

/* Returns NULL when (img) is bootable, else the reason; may use (buf). */
static const char *check(struct ig_image *img, uint64_t size, char *buf,
                         size_t len)
{
    unsigned char magic[4];
    GElf_Ehdr eh;
    size_t phnum, shnum;
    int is_elf =
        pread(img->fd, magic, 4, 0) == 4 && memcmp(magic, ELFMAG, SELFMAG) == 0;

    img->elf = elf_begin(img->fd, ELF_C_READ, NULL);
    if (!is_elf)
        return "not an ELF file";
    if (!img->elf || elf_kind(img->elf) != ELF_K_ELF ||
        !gelf_getehdr(img->elf, &eh))
        return "truncated: the ELF header is cut off";
    if (gelf_getclass(img->elf) != ELFCLASS64 || eh.e_machine != EM_X86_64) {
        snprintf(buf, len,
                 "not an x86-64 ELF64 image (ELF class %d, machine %d)",
                 gelf_getclass(img->elf) == ELFCLASS64 ? 64 : 32, eh.e_machine);
        return buf;
    }
    /* libelf reports what it could read; the header says what should be
     * there, which is what a cut-off file gets wrong. */
    phnum = eh.e_phnum;
    if ((phnum == PN_XNUM && elf_getphdrnum(img->elf, &phnum) != 0) ||
        !fits(eh.e_phoff, (uint64_t)phnum * eh.e_phentsize, size))
        return "truncated: the program headers are cut off";
    for (size_t i = 0; i < phnum; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(img->elf, (int)i, &ph))
            return "truncated: the program headers are cut off";
        if (ph.p_type == PT_LOAD && (ph.p_flags & PF_X) &&
            ph.p_memsz <= UINT64_MAX - img->code_bytes)
            img->code_bytes += ph.p_memsz;
        if (!fits(ph.p_offset, ph.p_filesz, size)) {
            snprintf(buf, len,
                     "truncated: segment %zu ends at byte %llu but the file "
                     "has %llu",
                     i, (unsigned long long)(ph.p_offset + ph.p_filesz),
                     (unsigned long long)size);
            return buf;
        }
    }
    shnum = eh.e_shnum;
    if (eh.e_shoff &&
        ((shnum == 0 && elf_getshdrnum(img->elf, &shnum) != 0) ||
         !fits(eh.e_shoff, (uint64_t)shnum * eh.e_shentsize, size)))
        return "truncated: the section headers are cut off";

    struct notes n = {0};
    scan_notes(img, &n, phnum);
    if (n.bad)
        return n.bad;
    if (!n.have_platform)
        return "not an Ingot image (no Ingot platform note)";
    if (n.have_abi && n.abi != IG_NOTE_ABI_VERSION) {
        snprintf(buf, len, "built for Ingot image ABI %u; this ingot knows %d",
                 (unsigned)n.abi, IG_NOTE_ABI_VERSION);
        return buf;
    }
    if (eh.e_type != ET_EXEC)
        return "not a static executable";
    img->entry = eh.e_entry;
    return NULL;
}

struct ig_image *ig_image_open(const char *path, char *why, size_t whylen)
{
    struct stat st;
    struct ig_image *img = ig_xmalloc(sizeof(*img));

    memset(img, 0, sizeof(*img));
    elf_version(EV_CURRENT);
    img->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (img->fd < 0) {
        snprintf(why, whylen, "%s", strerror(errno));
        free(img);
        return NULL;
    }
    const char *bad = NULL;
    if (fstat(img->fd, &st) < 0)
        bad = strerror(errno);
    else if (!S_ISREG(st.st_mode))
        bad = S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file";
    else
        bad = check(img, (uint64_t)st.st_size, why, whylen);
    if (bad) {
        if (bad != why)
            snprintf(why, whylen, "%s", bad);
        ig_image_close(img);
        return NULL;
    }
    return img;
}

const char *ig_image_platform(const struct ig_image *img)
{
    return img->platform;
}

uint64_t ig_image_entry(const struct ig_image *img)
{
    return img->entry;
}

uint64_t ig_image_code_size(const struct ig_image *img)
{
    return img->code_bytes;
}

void ig_image_close(struct ig_image *img)
{
    if (!img)
        return;
    ig_image_syms_free(img);
    if (img->elf)
        elf_end(img->elf);
    close(img->fd);
    free(img);
}
