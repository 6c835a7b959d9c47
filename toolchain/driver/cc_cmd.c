/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cc_cmd.c: build the compiler and linker commands ingot-cc runs. */
#include <stdlib.h>
#include <string.h>

#include <ingot/host_config.h>

#include "cc.h"

static const char *const target_cflags[] = {IG_HOST_TARGET_CFLAGS};

const char *ig_cc_output(const struct ig_cc *cc)
{
    return cc->output ? cc->output : "a.out";
}

void ig_cc_compile_prefix(struct ig_strvec *out, const char *libdir)
{
    ig_strvec_push(out, IG_HOST_TARGET_CC);
    ig_strvec_pushv(out, target_cflags,
                    sizeof(target_cflags) / sizeof(target_cflags[0]));
    /* newlib first: its limits.h defers to the compiler's with
     * #include_next, which only works in this order. */
    ig_strvec_push(out, "-nostdinc");
    /* The library OS's headers for what newlib lacks (sys/dirent.h,
     * sys/uio.h) come first, so they replace newlib's stubs. */
    ig_strvec_push(out, "-isystem");
    ig_strvec_pushf(out, "%s/include", libdir);
    ig_strvec_push(out, "-isystem");
    ig_strvec_pushf(out, "%s/%s", libdir, IG_HOST_NEWLIB_INCLUDE);
    /* The kernel's UAPI headers (<linux/...>, <asm/...>): constants and
     * structures only, from Debian's linux-libc-dev (libos/libc). */
    ig_strvec_push(out, "-isystem");
    ig_strvec_pushf(out, "%s/uapi", libdir);
    ig_strvec_push(out, "-isystem");
    ig_strvec_push(out, IG_HOST_CC_INCLUDE);
    if (IG_HOST_CC_INCLUDE_FIXED[0]) {
        ig_strvec_push(out, "-isystem");
        ig_strvec_push(out, IG_HOST_CC_INCLUDE_FIXED);
    }
    /* Libraries installed into the sysroot come after everything else,
     * so they can never replace the C library's headers. */
    char *sys = ig_cc_sysroot(libdir);
    ig_strvec_push(out, "-idirafter");
    ig_strvec_pushf(out, "%s/usr/include", sys);
    free(sys);
    ig_strvec_push(out, "-D__ingot__");
}

static void push_cflags(struct ig_strvec *out, const struct ig_cc *cc)
{
    ig_strvec_pushv(out, (const char *const *)cc->cflags.v, cc->cflags.n);
}

static const char *const mode_flag[] = {
    [IG_CC_LINK] = NULL,       [IG_CC_COMPILE] = "-c",
    [IG_CC_ASSEMBLE] = "-S",   [IG_CC_SYNTAX] = "-fsyntax-only",
    [IG_CC_PREPROCESS] = "-E",
};

void ig_cc_compile_only_cmd(struct ig_strvec *out, const struct ig_cc *cc,
                            const char *libdir)
{
    const char *lang = NULL;

    ig_cc_compile_prefix(out, libdir);
    push_cflags(out, cc);
    if (mode_flag[cc->mode])
        ig_strvec_push(out, mode_flag[cc->mode]);
    if (cc->output) {
        ig_strvec_push(out, "-o");
        ig_strvec_push(out, cc->output);
    }
    /* Linker flags mean nothing without a link; inputs stay so the
     * compiler warns about unused objects as it would for cc. */
    for (size_t i = 0; i < cc->nitems; i++) {
        const struct ig_cc_item *it = &cc->items[i];
        if (it->kind == IG_CC_LINK_FLAG)
            continue;
        if (it->lang != lang) {
            ig_strvec_push(out, "-x");
            ig_strvec_push(out, it->lang ? it->lang : "none");
            lang = it->lang;
        }
        ig_strvec_push(out, it->arg);
    }
}

char *ig_cc_deps_file(const struct ig_cc *cc)
{
    const char *given = NULL;
    for (size_t i = 0; i < cc->cflags.n; i++) {
        const char *f = cc->cflags.v[i];
        if (strcmp(f, "-MF") == 0 && i + 1 < cc->cflags.n)
            given = cc->cflags.v[++i];
        else if (strncmp(f, "-MF", 3) == 0 && f[3])
            given = f + 3;
    }
    if (given)
        return ig_xstrdup(given);
    const char *o = ig_cc_output(cc);
    const char *slash = strrchr(o, '/');
    const char *dot = strrchr(o, '.');
    size_t stem =
        dot && (!slash || dot > slash) ? (size_t)(dot - o) : strlen(o);
    return ig_xasprintf("%.*s.d", (int)stem, o);
}

void ig_cc_source_cmd(struct ig_strvec *out, const struct ig_cc *cc,
                      const char *libdir, const struct ig_cc_item *src,
                      const char *obj)
{
    ig_cc_compile_prefix(out, libdir);
    push_cflags(out, cc);
    if (cc->deps && !cc->deps_file) {
        char *d = ig_cc_deps_file(cc);
        ig_strvec_push(out, "-MF");
        ig_strvec_push(out, d);
        free(d);
    }
    if (cc->deps && !cc->deps_target) {
        ig_strvec_push(out, "-MT");
        ig_strvec_push(out, ig_cc_output(cc));
    }
    ig_strvec_push(out, "-c");
    if (src->lang) {
        ig_strvec_push(out, "-x");
        ig_strvec_push(out, src->lang);
    }
    ig_strvec_push(out, src->arg);
    ig_strvec_push(out, "-o");
    ig_strvec_push(out, obj);
}

int ig_cc_wants_debug(const struct ig_cc *cc)
{
    int debug = 0;
    for (size_t i = 0; i < cc->cflags.n; i++) {
        const char *f = cc->cflags.v[i];
        if (f[0] == '-' && f[1] == 'g' && strncmp(f, "-gno-", 5) != 0)
            debug = strcmp(f, "-g0") != 0;
    }
    return debug;
}

void ig_cc_link_cmd(struct ig_strvec *out, const struct ig_cc *cc,
                    const char *libdir, char *const *objs, char *const *extra,
                    size_t nextra, char *const *libos, size_t nlibos)
{
    const struct ig_plat *p = ig_plat_find(cc->platform);

    ig_strvec_push(out, IG_HOST_TARGET_CC);
    /* No host library directories (link.specs): a library built for Linux
     * is never linked by accident. */
    ig_strvec_pushf(out, "-specs=%s/link.specs", libdir);
    ig_strvec_push(out, "-nostdlib");
    ig_strvec_push(out, "-static");
    ig_strvec_push(out, "-no-pie");
    ig_strvec_pushf(out, "-Wl,-T,%s/%s", libdir, p->ldscript);
    ig_strvec_push(out, "-Wl,--gc-sections");
    ig_strvec_push(out, "-Wl,-z,noexecstack");
    ig_strvec_push(out, "-Wl,--build-id=none");
    /* newlib and the library OS carry debug information; without -g the
     * image keeps only its symbol table, which crash reports need. */
    if (!ig_cc_wants_debug(cc))
        ig_strvec_push(out, "-Wl,--strip-debug");
    ig_strvec_push(out, "-o");
    ig_strvec_push(out, ig_cc_output(cc));
    for (size_t i = 0; i < cc->nitems; i++) {
        const struct ig_cc_item *it = &cc->items[i];
        ig_strvec_push(out, it->kind == IG_CC_SOURCE ? objs[i] : it->arg);
        if (it->arg2)
            ig_strvec_push(out, it->arg2);
    }
    ig_strvec_pushv(out, (const char *const *)extra, nextra);
    ig_strvec_pushf(out, "-L%s/%s", libdir, IG_HOST_NEWLIB_LIB);
    char *sys = ig_cc_sysroot(libdir);
    ig_strvec_pushf(out, "-L%s/usr/lib", sys);
    free(sys);
    /* The whole platform library: nothing references its entry point or
     * its notes, yet the image needs them. */
    ig_strvec_push(out, "-Wl,--whole-archive");
    ig_strvec_pushf(out, "%s/%s", libdir, p->archive);
    ig_strvec_push(out, "-Wl,--no-whole-archive");
    ig_strvec_push(out, "-Wl,--start-group");
    ig_strvec_pushv(out, (const char *const *)libos, nlibos);
    ig_strvec_pushf(out, "%s/%s/libc.a", libdir, IG_HOST_NEWLIB_LIB);
    ig_strvec_pushf(out, "%s/%s/libm.a", libdir, IG_HOST_NEWLIB_LIB);
    ig_strvec_push(out, IG_HOST_LIBGCC);
    ig_strvec_push(out, "-Wl,--end-group");
}
