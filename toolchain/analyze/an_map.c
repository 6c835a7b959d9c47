/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* an_map.c: per-component text/data/bss from a GNU ld map file. */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analyze.h"

enum kind { SKIP, TEXT, DATA, BSS };

/* How size(1) counts the image's output section (name). */
static enum kind kind_of(Elf *e, const char *name)
{
    size_t shstrndx;
    if (elf_getshdrstrndx(e, &shstrndx) != 0)
        return SKIP;
    for (Elf_Scn *s = elf_nextscn(e, NULL); s; s = elf_nextscn(e, s)) {
        GElf_Shdr sh;
        const char *n;
        if (!gelf_getshdr(s, &sh) ||
            !(n = elf_strptr(e, shstrndx, sh.sh_name)) || strcmp(n, name))
            continue;
        if (!(sh.sh_flags & SHF_ALLOC))
            return SKIP;
        if (sh.sh_type == SHT_NOBITS)
            return BSS;
        return (sh.sh_flags & SHF_WRITE) ? DATA : TEXT;
    }
    return SKIP;
}

static void add(struct ig_an_sizes *out, const char *comp, enum kind k,
                unsigned long long size)
{
    size_t i;
    for (i = 0; i < out->n; i++)
        if (strcmp(out->v[i].component, comp) == 0)
            break;
    if (i == out->n) {
        out->v = ig_xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
        out->v[out->n++] = (struct ig_an_size){.component = ig_xstrdup(comp)};
    }
    if (k == TEXT)
        out->v[i].text += size;
    else if (k == DATA)
        out->v[i].data += size;
    else if (k == BSS)
        out->v[i].bss += size;
}

/* Splits (line) into at most (max) blank-separated words, in place. */
static int words(char *line, char **w, int max)
{
    int n = 0;
    for (char *p = strtok(line, " \t\n"); p && n < max;
         p = strtok(NULL, " \t\n"))
        w[n++] = p;
    return n;
}

static int hex(const char *s, unsigned long long *v)
{
    char *end;
    if (strncmp(s, "0x", 2) != 0)
        return 0;
    errno = 0;
    *v = strtoull(s, &end, 16);
    return errno == 0 && *end == '\0';
}

static void parse(FILE *f, Elf *e, ig_an_classify_fn classify, void *arg,
                  struct ig_an_sizes *out)
{
    char *line = NULL, *w[8];
    size_t cap = 0;
    int in_map = 0, pending = 0;
    enum kind k = SKIP;

    while (getline(&line, &cap, f) > 0) {
        if (!in_map) {
            in_map = strncmp(line, "Linker script and memory map", 28) == 0;
            continue;
        }
        if (line[0] == '.' || line[0] == '/') {
            /* An output section: ".text  0x... 0x..." or the name alone. */
            char *name = strtok(line, " \t\n");
            k = name ? kind_of(e, name) : SKIP;
            pending = 0;
            continue;
        }
        if (line[0] != ' ' || k == SKIP) {
            k = line[0] == ' ' ? k : SKIP;
            pending = 0;
            continue;
        }
        /* " .text.x 0xADDR 0xSIZE file", or " .text.x" alone and
         * "    0xADDR 0xSIZE file" on the next line; COMMON alike.  Lines
         * starting " *" are patterns and fill, deeper ones symbols. */
        int header = line[1] != ' ' && line[1] != '*' && line[1] != '\n';
        int n = words(line, w, 8);
        char **v = NULL;
        if (header && n >= 4)
            v = w + 1;
        else if (!header && pending && n >= 3)
            v = w;
        pending = header && n == 1;
        unsigned long long addr, size;
        if (v && hex(v[0], &addr) && hex(v[1], &size) && size > 0)
            add(out, classify(v[2], arg), k, size);
    }
    free(line);
}

int ig_an_map_sizes(const char *map_path, const char *image_path,
                    ig_an_classify_fn classify, void *arg,
                    struct ig_an_sizes *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof(*out));
    FILE *f = fopen(map_path, "r");
    if (!f) {
        snprintf(err, errlen, "%s: %s", map_path, strerror(errno));
        return -1;
    }
    int fd = open(image_path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", image_path, strerror(errno));
        fclose(f);
        return -1;
    }
    elf_version(EV_CURRENT);
    Elf *e = elf_begin(fd, ELF_C_READ, NULL);
    int r = 0;
    if (!e || elf_kind(e) != ELF_K_ELF) {
        snprintf(err, errlen, "%s: not an ELF file", image_path);
        r = -1;
    } else {
        parse(f, e, classify, arg, out);
        if (out->n == 0) {
            snprintf(err, errlen, "%s: not a GNU ld map file", map_path);
            r = -1;
        }
    }
    if (e)
        elf_end(e);
    close(fd);
    fclose(f);
    return r;
}

void ig_an_sizes_free(struct ig_an_sizes *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i].component);
    free(s->v);
    s->v = NULL;
    s->n = 0;
}
