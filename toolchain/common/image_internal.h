/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* image_internal.h: the image handle shared by image.c and image_syms.c. */
#ifndef INGOT_IMAGE_INTERNAL_H
#define INGOT_IMAGE_INTERNAL_H

#include <gelf.h>
#include <stdint.h>

struct ig_image_sym {
    uint64_t addr;
    uint64_t size; /* 0 for assembly labels: they cover up to the next */
    char *name;
};

struct ig_image {
    int fd;
    Elf *elf;
    uint64_t entry;
    uint64_t code_bytes; /* memory size of the executable PT_LOAD segments */
    char platform[32];
    int syms_loaded;
    struct ig_image_sym *syms; /* sorted by addr */
    size_t nsyms;
};

/* Frees the symbol table of (img), if loaded (image_syms.c). */
void ig_image_syms_free(struct ig_image *img);

#endif /* INGOT_IMAGE_INTERNAL_H */
