/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* an_manifest.c: write, find and rewrite an image's manifest note. */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ingot/note.h>

#include "analyze.h"

int ig_an_manifest_asm(const char *asm_path, const char *json, size_t spare,
                       char *err, size_t errlen)
{
    FILE *f = fopen(asm_path, "w");
    if (!f) {
        snprintf(err, errlen, "%s: %s", asm_path, strerror(errno));
        return -1;
    }
    /* The descriptor: the JSON, spaces to grow into, one NUL. */
    size_t desc = strlen(json) + spare + 1;
    fprintf(f,
            "\t.section .note.ingot.manifest,\"\",@note\n"
            "\t.balign 4\n"
            "\t.long %zu\n"
            "\t.long %zu\n"
            "\t.long %d\n"
            "\t.asciz \"%s\"\n"
            "\t.balign 4\n"
            "\t.ascii \"",
            sizeof(IG_NOTE_NAME), desc, IG_NOTE_MANIFEST, IG_NOTE_NAME);
    for (const unsigned char *p = (const unsigned char *)json; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p < 0x20 || *p >= 0x7f)
            fprintf(f, "\\%03o", *p);
        else
            fputc(*p, f);
    }
    fprintf(f,
            "\"\n"
            "\t.fill %zu, 1, 0x20\n"
            "\t.byte 0\n"
            "\t.balign 4\n"
            "\t.section .note.GNU-stack,\"\",@progbits\n",
            spare);
    if (fclose(f) != 0) {
        snprintf(err, errlen, "%s: %s", asm_path, strerror(errno));
        return -1;
    }
    return 0;
}

static char *find_in(Elf_Data *d, long long base, long long *off, size_t *size)
{
    GElf_Nhdr h;
    size_t at = 0, name_off, desc_off, next;

    while (d && at < d->d_size &&
           (next = gelf_getnote(d, at, &h, &name_off, &desc_off)) > 0) {
        const char *name = (const char *)d->d_buf + name_off;
        if (h.n_type == IG_NOTE_MANIFEST &&
            h.n_namesz == sizeof(IG_NOTE_NAME) &&
            memcmp(name, IG_NOTE_NAME, sizeof(IG_NOTE_NAME)) == 0 &&
            h.n_descsz > 0) {
            char *s = ig_xmalloc(h.n_descsz + 1);
            memcpy(s, (const char *)d->d_buf + desc_off, h.n_descsz);
            s[h.n_descsz] = '\0';
            if (off)
                *off = base + (long long)desc_off;
            if (size)
                *size = h.n_descsz;
            return s;
        }
        at = next;
    }
    return NULL;
}

char *ig_an_manifest_read(int fd, long long *off, size_t *size)
{
    char *s = NULL;

    elf_version(EV_CURRENT);
    Elf *e = elf_begin(fd, ELF_C_READ, NULL);
    if (!e)
        return NULL;
    for (Elf_Scn *scn = elf_nextscn(e, NULL); scn && !s;
         scn = elf_nextscn(e, scn)) {
        GElf_Shdr sh;
        if (gelf_getshdr(scn, &sh) && sh.sh_type == SHT_NOTE)
            s = find_in(elf_getdata(scn, NULL), (long long)sh.sh_offset, off,
                        size);
    }
    elf_end(e);
    return s;
}

int ig_an_manifest_patch(const char *path, const char *json, char *err,
                         size_t errlen)
{
    long long off;
    size_t size;

    int fd = open(path, O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    char *old = ig_an_manifest_read(fd, &off, &size);
    int have = old != NULL;
    free(old);
    size_t len = strlen(json);
    int r = -1;
    if (!have) {
        snprintf(err, errlen, "%s: no manifest note to update", path);
    } else if (len + 1 > size) {
        snprintf(err, errlen,
                 "%s: manifest of %zu bytes does not fit its note (%zu)", path,
                 len, size - 1);
    } else {
        char *buf = ig_xmalloc(size);
        memcpy(buf, json, len);
        memset(buf + len, ' ', size - 1 - len);
        buf[size - 1] = '\0';
        if (pwrite(fd, buf, size, (off_t)off) == (ssize_t)size)
            r = 0;
        else
            snprintf(err, errlen, "%s: %s", path, strerror(errno));
        free(buf);
    }
    if (close(fd) < 0 && r == 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        r = -1;
    }
    return r;
}
