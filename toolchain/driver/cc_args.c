/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cc_args.c: classify ingot-cc's command line the way cc would read it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cc.h"

enum form {
    EXACT,  /* "-c" */
    JOINED, /* "-O", "-O2": prefix, value attached (maybe empty) */
    ARG,    /* "-Dx" or "-D x" */
    SEP,    /* "-Xlinker x" */
};

enum cls {
    COMPILE, /* compile step only */
    LINK,    /* link step only, kept in order with the inputs */
    BOTH,    /* both steps (-O, -flto) */
    IGNORE,  /* accepted, nothing to do: ingot-cc always does it */
    REJECT,  /* would build a broken image */
    DRIVER,  /* ingot-cc's own */
};

enum id {
    NONE,
    OUT,
    MODE_C,
    MODE_S,
    MODE_E,
    MODE_SYNTAX,
    VERBOSE,
    LANG,
    PLATFORM,
    ROOTFS,
    HELP,
    VERSION,
    QUERY,
    DEPS_ONLY,
    DEPS,
    DEPS_FILE,
    DEPS_TARGET,
    UNSUP_ON,
    UNSUP_OFF,
    UNSUP_ERROR,
    UNSUP_NOERROR,
    NO_WARNINGS,
    LIB
};

struct opt {
    const char *name;
    enum form form;
    enum cls cls;
    enum id id;
    const char *why; /* for REJECT */
};

#define WHY_64 "images are 64-bit x86-64 only"
#define WHY_STATIC "images are static executables with no dynamic loader"
#define WHY_FIXED                                                              \
    "images are linked at a fixed address, not position-independent"
#define WHY_RUNTIME "its runtime support is not available in images"

/* First match wins, so specific entries come before the prefixes that would
 * swallow them ("-Wl," before "-W", "-fsanitize=" before "-f"). */
static const struct opt opts[] = {
    {"--help", EXACT, DRIVER, HELP, NULL},
    {"--version", EXACT, DRIVER, VERSION, NULL},
    {"--platform=", JOINED, DRIVER, PLATFORM, NULL},
    {"--platform", SEP, DRIVER, PLATFORM, NULL},
    {"--rootfs=", JOINED, DRIVER, ROOTFS, NULL},
    {"--rootfs", SEP, DRIVER, ROOTFS, NULL},
    {"-o", ARG, DRIVER, OUT, NULL},
    {"-c", EXACT, DRIVER, MODE_C, NULL},
    {"-S", EXACT, DRIVER, MODE_S, NULL},
    {"-E", EXACT, DRIVER, MODE_E, NULL},
    {"-fsyntax-only", EXACT, DRIVER, MODE_SYNTAX, NULL},
    {"-v", EXACT, DRIVER, VERBOSE, NULL},
    {"-x", ARG, DRIVER, LANG, NULL},
    {"-dumpversion", EXACT, DRIVER, QUERY, NULL},
    {"-dumpfullversion", EXACT, DRIVER, QUERY, NULL},
    {"-dumpmachine", EXACT, DRIVER, QUERY, NULL},
    {"-print-", JOINED, DRIVER, QUERY, NULL},

    {"-m32", EXACT, REJECT, NONE, WHY_64},
    {"-m16", EXACT, REJECT, NONE, WHY_64},
    {"-mx32", EXACT, REJECT, NONE, WHY_64},
    {"-mred-zone", EXACT, REJECT, NONE,
     "interrupts run on the current stack, so images need -mno-red-zone"},
    {"-mcmodel=kernel", EXACT, REJECT, NONE,
     "images are linked in the low 2 GiB, not the top"},
    {"-shared", EXACT, REJECT, NONE, WHY_STATIC},
    {"-pie", EXACT, REJECT, NONE, WHY_FIXED},
    {"-static-pie", EXACT, REJECT, NONE, WHY_FIXED},
    {"-T", ARG, REJECT, NONE, "the platform supplies the linker script"},
    {"-fstack-protector", JOINED, REJECT, NONE, WHY_RUNTIME},
    {"-fsanitize=", JOINED, REJECT, NONE, WHY_RUNTIME},
    {"-fsplit-stack", EXACT, REJECT, NONE, WHY_RUNTIME},
    {"-fprofile-arcs", EXACT, REJECT, NONE, WHY_RUNTIME},
    {"-fprofile-generate", JOINED, REJECT, NONE, WHY_RUNTIME},
    {"-ftest-coverage", EXACT, REJECT, NONE, WHY_RUNTIME},
    {"--coverage", EXACT, REJECT, NONE, WHY_RUNTIME},
    {"-pg", EXACT, REJECT, NONE, WHY_RUNTIME},
    {"-p", EXACT, REJECT, NONE, WHY_RUNTIME},

    {"-static", EXACT, IGNORE, NONE, NULL},
    {"-static-libgcc", EXACT, IGNORE, NONE, NULL},
    {"-no-pie", EXACT, IGNORE, NONE, NULL},
    {"-rdynamic", EXACT, IGNORE, NONE, NULL},
    {"-nostdlib", EXACT, IGNORE, NONE, NULL},
    {"-nodefaultlibs", EXACT, IGNORE, NONE, NULL},
    {"-nostartfiles", EXACT, IGNORE, NONE, NULL},
    {"-nostdinc", EXACT, IGNORE, NONE, NULL},
    {"-m64", EXACT, IGNORE, NONE, NULL},
    /* Images are linked at a fixed address: position-independent code
     * would only be slower. */
    {"-fPIC", EXACT, IGNORE, NONE, NULL},
    {"-fpic", EXACT, IGNORE, NONE, NULL},
    {"-fPIE", EXACT, IGNORE, NONE, NULL},
    {"-fpie", EXACT, IGNORE, NONE, NULL},

    {"-M", EXACT, COMPILE, DEPS_ONLY, NULL},
    {"-MM", EXACT, COMPILE, DEPS_ONLY, NULL},
    {"-MD", EXACT, COMPILE, DEPS, NULL},
    {"-MMD", EXACT, COMPILE, DEPS, NULL},
    {"-MP", EXACT, COMPILE, NONE, NULL},
    {"-MG", EXACT, COMPILE, NONE, NULL},
    {"-MF", ARG, COMPILE, DEPS_FILE, NULL},
    {"-MT", ARG, COMPILE, DEPS_TARGET, NULL},
    {"-MQ", ARG, COMPILE, DEPS_TARGET, NULL},
    {"-D", ARG, COMPILE, NONE, NULL},
    {"-U", ARG, COMPILE, NONE, NULL},
    {"-I", ARG, COMPILE, NONE, NULL},
    {"-isystem", ARG, COMPILE, NONE, NULL},
    {"-idirafter", ARG, COMPILE, NONE, NULL},
    {"-iquote", ARG, COMPILE, NONE, NULL},
    {"-include", ARG, COMPILE, NONE, NULL},
    {"-imacros", ARG, COMPILE, NONE, NULL},
    {"-std=", JOINED, COMPILE, NONE, NULL},
    {"-ansi", EXACT, COMPILE, NONE, NULL},
    {"-pedantic", EXACT, COMPILE, NONE, NULL},
    {"-pedantic-errors", EXACT, COMPILE, NONE, NULL},
    {"-pthread", EXACT, COMPILE, NONE, NULL},
    {"-pipe", EXACT, COMPILE, NONE, NULL},
    {"-w", EXACT, COMPILE, NO_WARNINGS, NULL},
    {"-C", EXACT, COMPILE, NONE, NULL},
    {"-CC", EXACT, COMPILE, NONE, NULL},
    {"-P", EXACT, COMPILE, NONE, NULL},
    {"-H", EXACT, COMPILE, NONE, NULL},
    {"-undef", EXACT, COMPILE, NONE, NULL},
    {"-dM", EXACT, COMPILE, NONE, NULL},
    {"-dD", EXACT, COMPILE, NONE, NULL},
    {"-dN", EXACT, COMPILE, NONE, NULL},
    {"-dI", EXACT, COMPILE, NONE, NULL},
    {"-save-temps", JOINED, COMPILE, NONE, NULL},
    {"--param=", JOINED, COMPILE, NONE, NULL},
    {"--param", SEP, COMPILE, NONE, NULL},
    {"-Xassembler", SEP, COMPILE, NONE, NULL},
    {"-Xpreprocessor", SEP, COMPILE, NONE, NULL},
    /* ingot-cc's own diagnostics (cc_analyze.c); the compiler never sees
     * these. */
    {"-Wingot-unsupported", EXACT, DRIVER, UNSUP_ON, NULL},
    {"-Wno-ingot-unsupported", EXACT, DRIVER, UNSUP_OFF, NULL},
    {"-Werror=ingot-unsupported", EXACT, DRIVER, UNSUP_ERROR, NULL},
    {"-Wno-error=ingot-unsupported", EXACT, DRIVER, UNSUP_NOERROR, NULL},
    {"-Werror", EXACT, COMPILE, NONE, NULL},
    {"-Wl,", JOINED, LINK, NONE, NULL},
    {"-Wa,", JOINED, COMPILE, NONE, NULL},
    {"-Wp,", JOINED, COMPILE, NONE, NULL},
    {"-W", JOINED, COMPILE, NONE, NULL},
    {"-O", JOINED, BOTH, NONE, NULL},
    {"-g", JOINED, COMPILE, NONE, NULL},
    {"-fuse-ld=", JOINED, LINK, NONE, NULL},
    {"-flto", JOINED, BOTH, NONE, NULL},
    {"-fno-lto", EXACT, BOTH, NONE, NULL},
    {"-f", JOINED, COMPILE, NONE, NULL},
    {"-m", JOINED, COMPILE, NONE, NULL},
    {"-Xlinker", SEP, LINK, NONE, NULL},
    {"-L", ARG, LINK, NONE, NULL},
    {"-l", ARG, LINK, LIB, NULL},
    {"-u", ARG, LINK, NONE, NULL},
    {"-z", SEP, LINK, NONE, NULL},
    {"-s", EXACT, LINK, NONE, NULL},
};

static const struct opt *lookup(const char *arg)
{
    for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); i++) {
        const struct opt *o = &opts[i];
        size_t n = strlen(o->name);
        if (o->form == EXACT || o->form == SEP) {
            if (strcmp(arg, o->name) == 0)
                return o;
        } else if (strncmp(arg, o->name, n) == 0) {
            return o;
        }
    }
    return NULL;
}

static const char *const c_langs[] = {"c", "c-header", "cpp-output",
                                      "assembler", "assembler-with-cpp"};
static const char *const c_exts[] = {".c", ".h", ".i", ".s", ".S", ".sx"};
static const char *const other_exts[] = {
    ".cc", ".cp", ".cpp", ".cxx", ".c++", ".C", ".CPP", ".ii",  ".m",
    ".mm", ".M",  ".f",   ".f90", ".F",   ".d", ".go",  ".ads", ".adb"};

static int in(const char *s, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(s, list[i]) == 0)
            return 1;
    return 0;
}
#define IN(s, list) in((s), (list), sizeof(list) / sizeof(list[0]))

/* Libraries whose functions Linux splits out of libc; in an image the
 * library OS and newlib define them, so -lpthread and the like are
 * satisfied without an archive. */
static const char *const os_libs[] = {"pthread", "rt",   "dl",    "crypt",
                                      "util",    "xnet", "resolv"};

static void add_item(struct ig_cc *cc, enum ig_cc_item_kind kind,
                     const char *arg, const char *arg2, const char *lang)
{
    cc->items = ig_xrealloc(cc->items, (cc->nitems + 1) * sizeof(*cc->items));
    cc->items[cc->nitems++] = (struct ig_cc_item){
        .kind = kind, .arg = arg, .arg2 = arg2, .lang = lang};
    cc->nsources += kind == IG_CC_SOURCE;
    cc->ninputs += kind != IG_CC_LINK_FLAG;
}

static int add_input(struct ig_cc *cc, const char *path, const char *lang,
                     char *err, size_t errlen)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');

    if (dot && slash && dot < slash)
        dot = NULL;
    if (lang || strcmp(path, "-") == 0) {
        add_item(cc, IG_CC_SOURCE, path, NULL, lang);
    } else if (dot && IN(dot, c_exts)) {
        add_item(cc, IG_CC_SOURCE, path, NULL, NULL);
    } else if (dot && IN(dot, other_exts)) {
        snprintf(err, errlen, "%s: only C and assembly sources are supported",
                 path);
        return -1;
    } else if (dot && (strcmp(dot, ".so") == 0 || strstr(path, ".so."))) {
        snprintf(err, errlen, "%s: %s", path, WHY_STATIC);
        return -1;
    } else {
        add_item(cc, IG_CC_LINK_INPUT, path, NULL, NULL);
    }
    return 0;
}

static void set_mode(struct ig_cc *cc, enum ig_cc_mode m)
{
    if (m > cc->mode)
        cc->mode = m;
}

int ig_cc_platform_name_ok(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > 31)
        return 0;
    return strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_-") == n;
}

int ig_cc_parse(struct ig_cc *cc, int argc, char **argv, char *err,
                size_t errlen)
{
    const char *lang = NULL;

    memset(cc, 0, sizeof(*cc));
    cc->platform = ig_plat_at(0)->name;
    cc->unsup_error = -1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == '\0') {
            if (add_input(cc, a, lang, err, errlen) < 0)
                return -1;
            continue;
        }
        const struct opt *o = lookup(a);
        if (!o) {
            snprintf(err, errlen, "%s: unrecognized option", a);
            return -1;
        }
        /* The option's value, and the word it came as (two-word forms). */
        const char *val = a + strlen(o->name), *word2 = NULL;
        if (o->form == SEP || (o->form == ARG && *val == '\0')) {
            if (i + 1 >= argc) {
                snprintf(err, errlen, "%s: missing argument", a);
                return -1;
            }
            val = word2 = argv[++i];
        }
        if (o->cls == REJECT) {
            snprintf(err, errlen, "%s: not supported: %s", a, o->why);
            return -1;
        }
        if (o->cls == IGNORE || (o->id == LIB && IN(val, os_libs)))
            continue;
        if (o->cls == COMPILE || o->cls == BOTH) {
            ig_strvec_push(&cc->cflags, a);
            if (word2)
                ig_strvec_push(&cc->cflags, word2);
        }
        if (o->cls == LINK || o->cls == BOTH)
            add_item(cc, IG_CC_LINK_FLAG, a, word2, NULL);

        switch (o->id) {
        case OUT:
            cc->output = val;
            break;
        case MODE_C:
            set_mode(cc, IG_CC_COMPILE);
            break;
        case MODE_S:
            set_mode(cc, IG_CC_ASSEMBLE);
            break;
        case MODE_SYNTAX:
            set_mode(cc, IG_CC_SYNTAX);
            break;
        case MODE_E:
        case DEPS_ONLY:
            set_mode(cc, IG_CC_PREPROCESS);
            break;
        case VERBOSE:
            cc->verbose = 1;
            break;
        case HELP:
            cc->help = 1;
            break;
        case VERSION:
            cc->version = 1;
            break;
        case DEPS:
            cc->deps = 1;
            break;
        case DEPS_FILE:
            cc->deps_file = 1;
            break;
        case DEPS_TARGET:
            cc->deps_target = 1;
            break;
        case QUERY:
            ig_strvec_push(&cc->query, a);
            break;
        case PLATFORM:
            if (!ig_cc_platform_name_ok(val)) {
                snprintf(err, errlen, "--platform=%s: not a platform name",
                         val);
                return -1;
            }
            cc->platform = val;
            break;
        case ROOTFS:
            if (*val == '\0') {
                snprintf(err, errlen, "--rootfs: missing argument");
                return -1;
            }
            cc->rootfs = val;
            break;
        case LANG:
            if (strcmp(val, "none") == 0) {
                lang = NULL;
            } else if (IN(val, c_langs)) {
                lang = val;
            } else {
                snprintf(err, errlen,
                         "-x %s: only C and assembly sources are supported",
                         val);
                return -1;
            }
            break;
        case UNSUP_ON:
            cc->unsup_off = 0;
            break;
        case UNSUP_OFF:
            cc->unsup_off = 1;
            break;
        case UNSUP_ERROR:
            cc->unsup_off = 0;
            cc->unsup_error = 1;
            break;
        case UNSUP_NOERROR:
            cc->unsup_error = 0;
            break;
        case NO_WARNINGS:
            cc->no_warnings = 1;
            break;
        case LIB:
        case NONE:
            break;
        }
    }
    return 0;
}

void ig_cc_free(struct ig_cc *cc)
{
    ig_strvec_free(&cc->cflags);
    ig_strvec_free(&cc->query);
    free(cc->items);
    cc->items = NULL;
    cc->nitems = cc->nsources = cc->ninputs = 0;
}
