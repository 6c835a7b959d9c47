/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cc_rootfs.c: `ingot-cc --rootfs DIR`: the tree as an object to link. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ingot/host_config.h>

#include "cc.h"

static const char *const target_cflags[] = {IG_HOST_TARGET_CFLAGS};

/* An assembler string holding (s): only '"' and '\\' need escaping. */
static void put_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

int ig_cc_rootfs_check(const char *dir, char *err, size_t errlen)
{
    struct stat st;

    if (stat(dir, &st) < 0) {
        snprintf(err, errlen, "--rootfs %s: %s", dir, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "--rootfs %s: not a directory", dir);
        return -1;
    }
    return 0;
}

int ig_cc_rootfs_write(const char *dir, const char *cpio, const char *asm_path,
                       int verbose, char *err, size_t errlen)
{
    char why[512];

    if (verbose)
        fprintf(stderr, "ingot-cc: --rootfs %s: writing cpio newc %s\n", dir,
                cpio);
    int fd = open(cpio, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", cpio, strerror(errno));
        return -1;
    }
    int r = ig_cpio_write_tree(dir, fd, why, sizeof(why));
    if (close(fd) < 0 && r == 0)
        snprintf(why, sizeof(why), "%s: %s", cpio, strerror(errno)), r = -1;
    if (r < 0) {
        snprintf(err, errlen, "--rootfs %s: %s", dir, why);
        return -1;
    }

    FILE *f = fopen(asm_path, "w");
    if (!f) {
        snprintf(err, errlen, "%s: %s", asm_path, strerror(errno));
        return -1;
    }
    /* Read-only data in a section of its own: the platform linker scripts
     * put .rodata.* in the read-only segment, and libos/vfs/init.c's
     * reference keeps it through --gc-sections. */
    fprintf(f, "\t.section .rodata.ig_vfs_rootfs,\"a\",@progbits\n"
               "\t.balign 16\n"
               "\t.globl ig_vfs_rootfs_start\n"
               "\t.type ig_vfs_rootfs_start, @object\n"
               "ig_vfs_rootfs_start:\n"
               "\t.incbin ");
    put_string(f, cpio);
    fprintf(f, "\n"
               "\t.globl ig_vfs_rootfs_end\n"
               "\t.type ig_vfs_rootfs_end, @object\n"
               "ig_vfs_rootfs_end:\n"
               "\t.size ig_vfs_rootfs_start, ig_vfs_rootfs_end - "
               "ig_vfs_rootfs_start\n"
               "\t.section .note.GNU-stack,\"\",@progbits\n");
    if (verbose)
        fprintf(stderr, "ingot-cc: --rootfs %s: writing %s\n", dir, asm_path);
    if (fclose(f) != 0) {
        snprintf(err, errlen, "%s: %s", asm_path, strerror(errno));
        return -1;
    }
    return 0;
}

void ig_cc_rootfs_cmd(struct ig_strvec *out, const char *asm_path,
                      const char *obj)
{
    ig_strvec_push(out, IG_HOST_TARGET_CC);
    ig_strvec_pushv(out, target_cflags,
                    sizeof(target_cflags) / sizeof(target_cflags[0]));
    ig_strvec_push(out, "-c");
    ig_strvec_push(out, "-x");
    ig_strvec_push(out, "assembler");
    ig_strvec_push(out, asm_path);
    ig_strvec_push(out, "-o");
    ig_strvec_push(out, obj);
}
