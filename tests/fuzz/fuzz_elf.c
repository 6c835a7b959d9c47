/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fuzz_elf.c: the image checks `ingot run` makes (libelf) on any file,
 * and the symbol lookup of crash reports. */
#include <ingot/host_image.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int fd = -1;
    char path[64], why[256] = "";
    uint64_t off;

    /* One memory file, rewritten for each input: no disk, no leftovers. */
    if (fd < 0 && (fd = memfd_create("image", 0)) < 0)
        abort();
    if (ftruncate(fd, 0) < 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
        abort();
    snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
    struct ig_image *img = ig_image_open(path, why, sizeof(why));
    if (!img) {
        if (!why[0] || strchr(why, '\n'))
            abort(); /* a refusal is one line */
        return 0;
    }
    if (!ig_image_platform(img))
        abort();
    uint64_t entry = ig_image_entry(img);
    ig_image_symbolize(img, entry, &off);
    ig_image_symbolize(img, entry + 16, &off);
    ig_image_symbolize(img, 0, &off);
    ig_image_close(img);
    return 0;
}
