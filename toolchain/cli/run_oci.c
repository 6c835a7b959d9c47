/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* run_oci.c: `ingot run oci:…`: boot defaults from a packaged image. */
#include <stdio.h>
#include <string.h>

#include <ingot/oci.h>

#include "run.h"

/* Returns 1 if (env) sets the variable that "NAME=VALUE" (kv) names. */
static int env_has(const struct ig_strvec *env, const char *kv)
{
    size_t n = strcspn(kv, "=");

    for (size_t i = 0; i < env->n; i++)
        if (strncmp(env->v[i], kv, n) == 0 && env->v[i][n] == '=')
            return 1;
    return 0;
}

int ig_run_oci_prepare(struct ig_run_opts *o, struct ig_oci_image *img,
                       char *err, size_t errlen)
{
    if (ig_oci_extract(o->image, o->platform, img, err, errlen) < 0)
        return -1;
    o->image = img->kernel;
    if (!o->mem_set && img->mem) {
        if (img->mem < IG_RUN_MEM_MIN || img->mem > IG_RUN_MEM_MAX ||
            img->mem % (1u << 20)) {
            snprintf(err, errlen,
                     "org.ingot.memory %llu: not whole MiB from 2M to 1024G",
                     (unsigned long long)img->mem);
            return -1;
        }
        o->mem = img->mem;
    }
    if (!o->rootfs)
        o->rootfs = img->rootfs;
    if (!o->args && img->has_args) {
        o->args = img->args.n ? ig_strvec_argv(&img->args) : NULL;
        o->nargs = (int)img->args.n;
    }
    /* The image's variables first, so -e wins for the same NAME. */
    struct ig_strvec env = {0};
    for (size_t i = 0; i < img->env.n; i++) {
        const char *kv = img->env.v[i];
        size_t n =
            strspn(kv, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                       "0123456789_");
        if (n == 0 || kv[n] != '=' || (kv[0] >= '0' && kv[0] <= '9')) {
            snprintf(err, errlen, "org.ingot.env: %s is not NAME=VALUE", kv);
            ig_strvec_free(&env);
            return -1;
        }
    }
    for (size_t i = 0; i < img->env.n; i++)
        if (!env_has(&o->env, img->env.v[i]))
            ig_strvec_push(&env, img->env.v[i]);
    for (size_t i = 0; i < o->env.n; i++)
        ig_strvec_push(&env, o->env.v[i]);
    ig_strvec_free(&o->env);
    o->env = env;
    return 0;
}
