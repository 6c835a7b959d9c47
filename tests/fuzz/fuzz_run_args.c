/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fuzz_run_args.c: `ingot run`'s arguments, through the command line it
 * builds, back through the guest's parser: what the app sees must be what
 * was given. */
#include <ingot/cmdline.h>
#include <ingot/host.h>

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"

/* The input is NUL-separated words: `run` options, an image, "--" and the
 * app's arguments, as a shell would pass them. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct ig_strvec words = {0};
    struct ig_run_opts o;
    char err[512], *line = NULL;
    struct ig_cmdline cl;

    if (size > 8192)
        return 0;
    ig_strvec_push(&words, "run");
    for (size_t i = 0; i < size;) {
        const uint8_t *z = memchr(data + i, 0, size - i);
        size_t n = z ? (size_t)(z - (data + i)) : size - i;
        char *w = ig_xasprintf("%.*s", (int)n, (const char *)data + i);
        ig_strvec_push(&words, w);
        free(w);
        i += n + 1;
    }
    char **argv = ig_strvec_argv(&words);
    if (ig_run_parse_args(&o, (int)words.n, argv, err, sizeof(err)) < 0 ||
        o.help) {
        if (!o.help && !err[0])
            abort(); /* a refusal always says why */
        ig_run_opts_free(&o);
        ig_strvec_free(&words);
        return 0;
    }
    if (ig_run_cmdline(&o, &line) == 0) {
        /* Sized as the guest sizes it (libos/core/init.c). */
        size_t need = ig_cmdline_store_size(line);
        char **store = calloc(need, sizeof(*store));
        if (store) {
            if (ig_cmdline_parse(line, store, need, &cl) != 0)
                abort();
            const char *slash = strrchr(o.image, '/');
            const char *base = slash ? slash + 1 : o.image;
            if (cl.argc != o.nargs + 1 ||
                (*base && strcmp(cl.argv[0], base) != 0))
                abort();
            for (int i = 0; i < o.nargs; i++)
                if (strcmp(cl.argv[i + 1], o.args[i]) != 0)
                    abort();
            if ((size_t)cl.nenv != o.env.n)
                abort();
            for (size_t i = 0; i < o.env.n; i++)
                if (strcmp(cl.envp[i], o.env.v[i]) != 0)
                    abort();
        }
        free(store);
    }
    free(line);
    ig_run_opts_free(&o);
    ig_strvec_free(&words);
    return 0;
}
