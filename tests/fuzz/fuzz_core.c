/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fuzz_core.c: a guest's core stream (core_abi.h), which `ingot run --core`
 * turns into an ELF core file: any bytes are refused with a reason or
 * give a core that libelf reads back. */
#include <gelf.h>
#include <libelf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "run.h"

static char dir[] = "/tmp/ingot-fuzz-core-XXXXXX";

static void rmdir_at_exit(void)
{
    rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int ready;
    struct ig_run_core c = {0};
    char err[512] = "", *path = NULL;

    if (!ready) {
        if (!mkdtemp(dir))
            abort();
        atexit(rmdir_at_exit);
        ready = 1;
    }
    /* In pieces, as the console delivers it. */
    for (size_t i = 0; i < size; i += 4096)
        ig_run_core_feed(&c, (const char *)data + i,
                         size - i < 4096 ? size - i : 4096);
    if (ig_run_core_write(&c, dir, "/images/fuzzed", &path, err, sizeof(err)) <
        0) {
        if (!err[0] || path) {
            fprintf(stderr, "refused without a reason\n");
            abort(); /* a refusal says why and leaves no file */
        }
    } else {
        FILE *f = fopen(path, "rb");
        Elf *e;
        GElf_Ehdr eh;
        if (!f)
            abort();
        elf_version(EV_CURRENT);
        e = elf_begin(fileno(f), ELF_C_READ, NULL);
        if (!e || !gelf_getehdr(e, &eh) || eh.e_type != ET_CORE) {
            fprintf(stderr, "%s: not an ELF core: %s\n", path, elf_errmsg(-1));
            abort();
        }
        elf_end(e);
        fclose(f);
        unlink(path);
        free(path);
    }
    ig_run_core_free(&c);
    return 0;
}
