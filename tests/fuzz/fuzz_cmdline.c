/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fuzz_cmdline.c: the guest's command-line parser on any bytes. */
#include <ingot/cmdline.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *line = malloc(size + 1);
    char *store[64];
    struct ig_cmdline cl;

    memcpy(line, data, size);
    line[size] = '\0';
    if (ig_cmdline_parse(line, store, 64, &cl) == 0) {
        /* Every vector ends in NULL and its strings are readable. */
        size_t n = 0;
        for (int i = 0; i < cl.argc; i++)
            n += strlen(cl.argv[i]);
        if (cl.argv[cl.argc] != NULL || cl.envp[cl.nenv] != NULL)
            abort();
        for (int i = 0; i < cl.nenv; i++)
            if (!strchr(cl.envp[i], '='))
                abort();
        for (int i = 0; i < cl.nunknown; i++)
            n += strlen(cl.unknown[i]);
        (void)n;
    }
    free(line);
    return 0;
}
