/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cc_analyze.c: ingot-cc's unsupported-API diagnostics, per C source. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ingot/host_config.h>

#include "analyze.h"
#include "cc.h"

static const char *const target_cflags[] = {IG_HOST_TARGET_CFLAGS};

/* A plain -Werror leaves these diagnostics warnings, as clang does for its
 * "warn, no -Werror" diagnostics: they say where a call fails at run time
 * in an image, not that the code is wrong, and projects that build with
 * -Werror (nginx always does) still link and run; -Werror=ingot-unsupported
 * asks for errors explicitly. */
int ig_cc_unsupported_severity(const struct ig_cc *cc)
{
    if (cc->unsup_off)
        return IG_AN_OFF;
    if (cc->unsup_error == 1)
        return IG_AN_ERROR;
    return cc->no_warnings ? IG_AN_OFF : IG_AN_WARNING;
}

/* User flags that change what the preprocessor and parser see; the second
 * column says whether a bare flag takes the next word. */
static const struct {
    const char *name;
    int two_words;
} keep[] = {
    {"-D", 1},         {"-U", 1},      {"-I", 1},       {"-isystem", 1},
    {"-idirafter", 1}, {"-iquote", 1}, {"-include", 1}, {"-imacros", 1},
    {"-std=", 0},      {"-ansi", 0},   {"-pthread", 0}, {"-O", 0},
};

/* Appends the user's flags of the keep list above. */
static void push_kept(struct ig_strvec *out, const struct ig_cc *cc)
{
    for (size_t i = 0; i < cc->cflags.n; i++) {
        const char *f = cc->cflags.v[i];
        for (size_t k = 0; k < sizeof(keep) / sizeof(*keep); k++) {
            size_t n = strlen(keep[k].name);
            if (strncmp(f, keep[k].name, n) != 0)
                continue;
            ig_strvec_push(out, f);
            if (keep[k].two_words && f[n] == '\0' && i + 1 < cc->cflags.n)
                ig_strvec_push(out, cc->cflags.v[++i]);
            break;
        }
    }
}

void ig_cc_analyze_args(struct ig_strvec *out, const struct ig_cc *cc,
                        const char *libdir)
{
    /* No host headers, but libclang's own (stddef.h, stdarg.h). */
    ig_strvec_push(out, "-nostdlibinc");
    for (size_t i = 0; i < sizeof(target_cflags) / sizeof(*target_cflags); i++)
        if (strncmp(target_cflags[i], "-D", 2) == 0)
            ig_strvec_push(out, target_cflags[i]);
    ig_strvec_push(out, "-isystem");
    ig_strvec_pushf(out, "%s/include", libdir);
    ig_strvec_push(out, "-isystem");
    ig_strvec_pushf(out, "%s/%s", libdir, IG_HOST_NEWLIB_INCLUDE);
    ig_strvec_push(out, "-isystem");
    ig_strvec_pushf(out, "%s/uapi", libdir);
    ig_strvec_push(out, "-D__ingot__");
    push_kept(out, cc);
}

/* Preprocesses (it) with the guest compiler and looks for listed names
 * outside system headers (ig_an_mentions()).  Returns 1 when libclang must
 * look (also when the preprocessor fails: the compile will say why), 0
 * when it need not. */
static int worth_parsing(const struct ig_cc *cc, const char *libdir,
                         const struct ig_cc_item *it,
                         const struct ig_an_table *t)
{
    const char *base = getenv("TMPDIR");
    char *out =
        ig_xasprintf("%s/ingot-cc-scan.XXXXXX", base && *base ? base : "/tmp");
    int fd = mkstemp(out);
    if (fd < 0) {
        free(out);
        return 1;
    }
    close(fd);
    struct ig_strvec cmd = {0};
    ig_cc_compile_prefix(&cmd, libdir);
    push_kept(&cmd, cc);
    ig_strvec_push(&cmd, "-E");
    if (it->lang) {
        ig_strvec_push(&cmd, "-x");
        ig_strvec_push(&cmd, "c");
    }
    ig_strvec_push(&cmd, it->arg);
    ig_strvec_push(&cmd, "-o");
    ig_strvec_push(&cmd, out);
    /* Quietly: a source that does not preprocess fails its compile,
     * which says why once. */
    struct ig_proc_opts o;
    pid_t pid;
    int worth = 1, st = -1;
    ig_proc_opts_init(&o);
    o.stderr_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (cc->verbose) {
        char *line = ig_shquote_argv(ig_strvec_argv(&cmd));
        fprintf(stderr, "%s\n", line);
        free(line);
    }
    ig_proc_forward_start();
    if (o.stderr_fd >= 0 && ig_proc_spawn(ig_strvec_argv(&cmd), &o, &pid) == 0)
        st = ig_proc_wait(pid, NULL);
    ig_proc_forward_stop();
    if (o.stderr_fd >= 0)
        close(o.stderr_fd);
    if (st == 0) {
        FILE *f = fopen(out, "r");
        if (f) {
            worth = ig_an_mentions(t, f);
            fclose(f);
        }
    }
    unlink(out);
    free(out);
    ig_strvec_free(&cmd);
    return worth;
}

/* A C source libclang should parse: .c, or -x c; not stdin. */
static int is_c(const struct ig_cc_item *it)
{
    if (it->kind != IG_CC_SOURCE || strcmp(it->arg, "-") == 0)
        return 0;
    if (it->lang)
        return strcmp(it->lang, "c") == 0;
    const char *dot = strrchr(it->arg, '.');
    return dot && strcmp(dot, ".c") == 0;
}

int ig_cc_analyze(const struct ig_cc *cc, const char *libdir)
{
    int sev = ig_cc_unsupported_severity(cc);
    size_t nc = 0;

    for (size_t i = 0; i < cc->nitems; i++)
        nc += is_c(&cc->items[i]);
    if (cc->mode == IG_CC_PREPROCESS || sev == IG_AN_OFF || nc == 0)
        return 0;

    struct ig_an_table t;
    char err[1024];
    char *path = ig_host_path(libdir, "analysis/unsupported.json");
    int r = ig_an_table_load(&t, path, err, sizeof(err));
    free(path);
    if (r < 0) {
        ig_host_error("%s", err);
        return 1;
    }
    struct ig_strvec args = {0};
    ig_cc_analyze_args(&args, cc, libdir);
    int count = 0;
    for (size_t i = 0; i < cc->nitems && r == 0; i++) {
        if (!is_c(&cc->items[i]))
            continue;
        long t0 = ig_host_now_ms();
        if (!worth_parsing(cc, libdir, &cc->items[i], &t)) {
            if (cc->verbose)
                fprintf(stderr,
                        "ingot-cc: %s: names no unsupported API (%ld ms); "
                        "libclang not needed\n",
                        cc->items[i].arg, ig_host_now_ms() - t0);
            continue;
        }
        if (ig_proc_forwarded())
            break;
        /* -x c: a C source whatever its name ends with; libclang puts
         * the file after the flags, where the option applies to it. */
        struct ig_strvec a = {0};
        ig_strvec_pushv(&a, (const char *const *)args.v, args.n);
        if (cc->items[i].lang) {
            ig_strvec_push(&a, "-x");
            ig_strvec_push(&a, "c");
        }
        r = ig_an_check_source(&t, cc->items[i].arg, a.v, a.n,
                               (enum ig_an_severity)sev, stderr, &count, err,
                               sizeof(err));
        ig_strvec_free(&a);
        if (r < 0)
            ig_host_error("%s (-Wno-ingot-unsupported skips the analysis)",
                          err);
        else if (cc->verbose)
            fprintf(stderr, "ingot-cc: %s: analysed with libclang in %ld ms\n",
                    cc->items[i].arg, ig_host_now_ms() - t0);
    }
    ig_strvec_free(&args);
    ig_an_table_free(&t);
    if (r < 0)
        return 1;
    return sev == IG_AN_ERROR && count > 0;
}
