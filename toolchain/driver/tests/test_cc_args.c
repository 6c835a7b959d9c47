/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_cc_args.c: ingot-cc's option classification and built commands. */
#include <stdlib.h>

#include "cc.h"
#include "unit.h"

#define ARGV(...) ((char *[]){"ingot-cc", __VA_ARGS__, NULL})
#define ARGC(...)                                                              \
    ((int)(sizeof((char *[]){"ingot-cc", __VA_ARGS__}) / sizeof(char *)))
#define PARSE(cc, ...)                                                         \
    ig_cc_parse((cc), ARGC(__VA_ARGS__), ARGV(__VA_ARGS__), err, sizeof(err))

static char err[512];

/* Returns the index of word (w) in (sv), or -1. */
static int find(const struct ig_strvec *sv, const char *w)
{
    for (size_t i = 0; i < sv->n; i++)
        if (strcmp(sv->v[i], w) == 0)
            return (int)i;
    return -1;
}

static void test_compile_only(void)
{
    struct ig_cc cc;

    CHECK_INT(PARSE(&cc, "-c", "-O2", "-g", "-DX=1", "-D", "Y", "-Iinc", "-I",
                    "inc2", "-std=c11", "-Wall", "-w", "-fno-common", "-pipe",
                    "-pthread", "a.c", "-o", "a.o"),
              0);
    CHECK_INT(cc.mode, IG_CC_COMPILE);
    CHECK_STR(cc.output, "a.o");
    CHECK_INT(cc.nsources, 1);
    CHECK_INT(cc.cflags.n, 14);
    CHECK(find(&cc.cflags, "-D") >= 0 &&
          find(&cc.cflags, "Y") == find(&cc.cflags, "-D") + 1);
    CHECK(find(&cc.cflags, "-pthread") >= 0);
    CHECK(find(&cc.cflags, "-o") < 0);

    struct ig_strvec cmd = {0};
    ig_cc_compile_only_cmd(&cmd, &cc, "/L");
    CHECK(find(&cmd, "-nostdinc") >= 0);
    CHECK(find(&cmd, "/L/newlib/x86_64-elf/include") > find(&cmd, "-nostdinc"));
    CHECK(find(&cmd, "-D__ingot__") >= 0);
    CHECK(find(&cmd, "-mno-red-zone") >= 0);
    /* User flags come after ours so they win where they may. */
    CHECK(find(&cmd, "-O2") > find(&cmd, "-D__ingot__"));
    CHECK(find(&cmd, "-c") >= 0);
    CHECK_STR(cmd.v[cmd.n - 1], "a.c");
    ig_strvec_free(&cmd);
    ig_cc_free(&cc);

    /* -E beats -S beats -c, whatever the order. */
    CHECK_INT(PARSE(&cc, "-E", "-c", "a.c"), 0);
    CHECK_INT(cc.mode, IG_CC_PREPROCESS);
    ig_cc_free(&cc);
    CHECK_INT(PARSE(&cc, "-c", "-S", "a.c"), 0);
    CHECK_INT(cc.mode, IG_CC_ASSEMBLE);
    ig_cc_free(&cc);
    CHECK_INT(PARSE(&cc, "-fsyntax-only", "a.c"), 0);
    CHECK_INT(cc.mode, IG_CC_SYNTAX);
    ig_cc_free(&cc);
    CHECK_INT(PARSE(&cc, "-MM", "a.c"), 0);
    CHECK_INT(cc.mode, IG_CC_PREPROCESS);
    ig_cc_free(&cc);
}

static void test_deps(void)
{
    struct ig_cc cc;
    struct ig_strvec cmd = {0};

    /* make's pattern: cc -MMD -MP -MF x.d -MT x.o -c x.c -o x.o */
    CHECK_INT(PARSE(&cc, "-MMD", "-MP", "-MF", "x.d", "-MTx.o", "-MQ", "q",
                    "-c", "x.c", "-o", "x.o"),
              0);
    CHECK(cc.deps && cc.deps_file && cc.deps_target);
    CHECK_INT(cc.mode, IG_CC_COMPILE);
    CHECK(find(&cc.cflags, "-MF") >= 0 && find(&cc.cflags, "x.d") >= 0);
    CHECK(find(&cc.cflags, "-MTx.o") >= 0);
    ig_cc_free(&cc);

    /* Compile and link in one go: the dependency file is named after the
     * output, as gcc names it, not after the temporary object. */
    CHECK_INT(PARSE(&cc, "-MD", "-o", "out/prog", "p.c"), 0);
    CHECK_INT(cc.mode, IG_CC_LINK);
    ig_cc_source_cmd(&cmd, &cc, "/L", &cc.items[0], "/tmp/x/0-p.o");
    int mf = find(&cmd, "-MF"), mt = find(&cmd, "-MT");
    CHECK(mf >= 0 && mt >= 0);
    if (mf >= 0 && mt >= 0) {
        CHECK_STR(cmd.v[mf + 1], "out/prog.d");
        CHECK_STR(cmd.v[mt + 1], "out/prog");
    }
    CHECK_STR(cmd.v[cmd.n - 1], "/tmp/x/0-p.o");
    ig_strvec_free(&cmd);
    ig_cc_free(&cc);
}

static void test_link_order(void)
{
    struct ig_cc cc;
    struct ig_strvec cmd = {0};

    CHECK_INT(PARSE(&cc, "-o", "app", "main.c", "-Llib", "-lfoo", "util.o",
                    "-l", "m", "-Wl,--defsym,x=1", "-Xlinker", "-Map=m",
                    "libz.a", "-static", "-O2"),
              0);
    CHECK_INT(cc.mode, IG_CC_LINK);
    CHECK_INT(cc.nsources, 1);
    CHECK_INT(cc.ninputs, 3);
    char *objs[16] = {"/t/0-main.o"};
    ig_cc_link_cmd(&cmd, &cc, "/L", objs, NULL, 0,
                   (char *[]){"/L/libingot-core.a"}, 1);
    int o = find(&cmd, "/t/0-main.o");
    CHECK(o > 0);
    CHECK(find(&cmd, "-Llib") == o + 1);
    CHECK(find(&cmd, "-lfoo") == o + 2);
    CHECK(find(&cmd, "util.o") == o + 3);
    CHECK(find(&cmd, "-l") == o + 4 && find(&cmd, "m") == o + 5);
    CHECK(find(&cmd, "-Wl,--defsym,x=1") == o + 6);
    CHECK(find(&cmd, "-Xlinker") == o + 7);
    CHECK(find(&cmd, "libz.a") == o + 9);
    CHECK(find(&cmd, "-specs=/L/link.specs") == 1); /* no host -L */
    CHECK(find(&cmd, "-static") == 3);              /* ours, not the user's */
    CHECK(find(&cmd, "-Wl,-T,/L/kvm/kvm.ld") > 0);
    CHECK(find(&cmd, "/L/kvm/libingot-kvm.a") ==
          find(&cmd, "-Wl,--whole-archive") + 1);
    CHECK(find(&cmd, "/L/libingot-core.a") > find(&cmd, "-Wl,--start-group"));
    CHECK(find(&cmd, "/L/newlib/x86_64-elf/lib/libc.a") <
          find(&cmd, "-Wl,--end-group"));
    CHECK_STR(cmd.v[find(&cmd, "-o") + 1], "app");
    ig_strvec_free(&cmd);
    ig_cc_free(&cc);

    CHECK_INT(PARSE(&cc, "x.c"), 0);
    CHECK_STR(ig_cc_output(&cc), "a.out");
    ig_cc_free(&cc);
}

static void test_lang(void)
{
    struct ig_cc cc;
    struct ig_strvec cmd = {0};

    CHECK_INT(PARSE(&cc, "-c", "-x", "c", "weird.txt", "-xnone", "s.S", "o.o"),
              0);
    CHECK_INT(cc.nsources, 2);
    CHECK_STR(cc.items[0].lang, "c");
    CHECK(cc.items[1].lang == NULL && cc.items[1].kind == IG_CC_SOURCE);
    CHECK(cc.items[2].kind == IG_CC_LINK_INPUT);
    ig_cc_compile_only_cmd(&cmd, &cc, "/L");
    int x = find(&cmd, "weird.txt");
    CHECK(x >= 2);
    if (x >= 2) {
        CHECK_STR(cmd.v[x - 2], "-x");
        CHECK_STR(cmd.v[x - 1], "c");
        CHECK_STR(cmd.v[x + 1], "-x");
        CHECK_STR(cmd.v[x + 2], "none");
    }
    ig_strvec_free(&cmd);
    ig_cc_free(&cc);

    CHECK_INT(PARSE(&cc, "-E", "-"), 0);
    CHECK_INT(cc.nsources, 1);
    ig_cc_free(&cc);
}

struct rejected {
    const char *arg;
    const char *why; /* substring of the message */
};

static void test_rejected(void)
{
    static const struct rejected cases[] = {
        {"-m32", "-m32: not supported: images are 64-bit"},
        {"-mx32", "64-bit"},
        {"-mred-zone", "-mno-red-zone"},
        {"-mcmodel=kernel", "low 2 GiB"},
        {"-shared", "no dynamic loader"},
        {"-pie", "fixed address"},
        {"-static-pie", "fixed address"},
        {"-fstack-protector-strong", "runtime support"},
        {"-fsanitize=address", "runtime support"},
        {"-pg", "runtime support"},
        {"--coverage", "runtime support"},
        {"-Tfoo.ld", "linker script"},
        {"--frobnicate", "--frobnicate: unrecognized option"},
        {"-###", "unrecognized option"},
        {"x.cpp", "x.cpp: only C and assembly"},
        {"libfoo.so", "no dynamic loader"},
    };
    struct ig_cc cc;

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        err[0] = '\0';
        int r = ig_cc_parse(
            &cc, 3, (char *[]){"ingot-cc", (char *)cases[i].arg, "a.c", NULL},
            err, sizeof(err));
        if (r != -1 || !strstr(err, cases[i].why)) {
            fprintf(stderr, "%s: got %d \"%s\"\n", cases[i].arg, r, err);
            unit_failures++;
        }
        CHECK(strchr(err, '\n') == NULL);
        ig_cc_free(&cc);
    }

    /* Accepted: harmless, or ingot-cc's own choice anyway. */
    static const char *const accepted[] = {"-fPIC",
                                           "-fpic",
                                           "-fno-pie",
                                           "-fno-stack-protector",
                                           "-m64",
                                           "-march=x86-64-v2",
                                           "-static",
                                           "-no-pie",
                                           "-nostdlib",
                                           "-rdynamic",
                                           "-fno-sanitize=all",
                                           "-ffreestanding",
                                           "-Werror=format",
                                           "-s"};
    for (size_t i = 0; i < sizeof(accepted) / sizeof(accepted[0]); i++) {
        int r = ig_cc_parse(
            &cc, 3, (char *[]){"ingot-cc", (char *)accepted[i], "a.c", NULL},
            err, sizeof(err));
        if (r != 0) {
            fprintf(stderr, "%s: rejected: %s\n", accepted[i], err);
            unit_failures++;
        }
        ig_cc_free(&cc);
    }
}

static void test_missing_arg(void)
{
    static const char *const need[] = {
        "-o",  "-D", "-I", "-isystem", "-x",         "-MF",
        "-MT", "-l", "-L", "-Xlinker", "--platform", "-include"};
    struct ig_cc cc;

    for (size_t i = 0; i < sizeof(need) / sizeof(need[0]); i++) {
        err[0] = '\0';
        int r = ig_cc_parse(
            &cc, 3, (char *[]){"ingot-cc", "a.c", (char *)need[i], NULL}, err,
            sizeof(err));
        char want[64];
        snprintf(want, sizeof(want), "%s: missing argument", need[i]);
        if (r != -1 || strcmp(err, want) != 0) {
            fprintf(stderr, "%s: got %d \"%s\"\n", need[i], r, err);
            unit_failures++;
        }
        ig_cc_free(&cc);
    }
}

static void test_driver_opts(void)
{
    struct ig_cc cc;

    CHECK_INT(PARSE(&cc, "--platform=kvm", "-v", "a.c"), 0);
    CHECK_STR(cc.platform, "kvm");
    CHECK(cc.verbose);
    ig_cc_free(&cc);
    CHECK_INT(PARSE(&cc, "--platform", "pico", "a.c"), 0);
    CHECK_STR(cc.platform, "pico");
    ig_cc_free(&cc);
    CHECK_INT(PARSE(&cc, "--platform=../etc", "a.c"), -1);
    ig_cc_free(&cc);
    CHECK_INT(PARSE(&cc, "-dumpversion"), 0);
    CHECK_INT(cc.query.n, 1);
    CHECK_INT(cc.ninputs, 0);
    ig_cc_free(&cc);
    CHECK_INT(PARSE(&cc, "--help"), 0);
    CHECK(cc.help);
    ig_cc_free(&cc);
}

static void test_rootfs(void)
{
    struct ig_cc cc;
    struct ig_strvec cmd = {0};

    CHECK_INT(PARSE(&cc, "--rootfs", "dir", "main.c"), 0);
    CHECK_STR(cc.rootfs, "dir");
    CHECK_INT(cc.ninputs, 1);
    char *objs[1] = {"/t/0-main.o"};
    ig_cc_link_cmd(&cmd, &cc, "/L", objs,
                   (char *[]){"/t/rootfs.o", "/t/manifest.o"}, 2, NULL, 0);
    CHECK(find(&cmd, "/t/rootfs.o") == find(&cmd, "/t/0-main.o") + 1);
    CHECK(find(&cmd, "/t/manifest.o") == find(&cmd, "/t/0-main.o") + 2);
    ig_strvec_free(&cmd);
    ig_cc_free(&cc);
    CHECK_INT(PARSE(&cc, "--rootfs=a/b", "main.c"), 0);
    CHECK_STR(cc.rootfs, "a/b");
    ig_cc_free(&cc);
    CHECK_INT(PARSE(&cc, "main.c", "--rootfs"), -1);
    CHECK_STR(err, "--rootfs: missing argument");
    ig_cc_free(&cc);
    CHECK_INT(PARSE(&cc, "main.c", "--rootfs="), -1);
    CHECK_STR(err, "--rootfs: missing argument");
    ig_cc_free(&cc);
    ig_cc_rootfs_cmd(&cmd, "/t/rootfs.s", "/t/rootfs.o");
    CHECK(find(&cmd, "assembler") == find(&cmd, "/t/rootfs.s") - 1);
    CHECK(find(&cmd, "/t/rootfs.o") == find(&cmd, "-o") + 1);
    ig_strvec_free(&cmd);
}

int main(void)
{
    test_compile_only();
    test_deps();
    test_link_order();
    test_lang();
    test_rejected();
    test_missing_arg();
    test_driver_opts();
    test_rootfs();
    return unit_done();
}
