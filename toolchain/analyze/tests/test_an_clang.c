/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_an_clang.c: the libclang analysis on the tests/analyze fixtures,
 * under ASan, and the severity the -W flags select. */
#include <stdlib.h>
#include <unistd.h>

#include "analyze.h"
#include "cc.h"
#include "unit.h"

static char *slurp(FILE *f)
{
    static char buf[8192];
    size_t n;
    rewind(f);
    n = fread(buf, 1, sizeof(buf) - 1, f);
    buf[n] = '\0';
    return buf;
}

static int parse(struct ig_cc *cc, const char *a, const char *b)
{
    char *argv[] = {"ingot-cc", (char *)a, (char *)b, "x.c", NULL};
    char err[128];
    int argc = 2 + (a != NULL) + (b != NULL);
    if (!a)
        argv[1] = "x.c";
    else if (!b)
        argv[2] = "x.c";
    return ig_cc_parse(cc, argc, argv, err, sizeof(err));
}

static void test_severity(void)
{
    static const struct {
        const char *a, *b;
        int sev;
    } cases[] = {
        {NULL, NULL, IG_AN_WARNING},
        {"-Wno-error=ingot-unsupported", NULL, IG_AN_WARNING},
        {"-Werror", NULL, IG_AN_WARNING}, /* only -Werror= promotes */
        {"-Werror", "-Wno-error=ingot-unsupported", IG_AN_WARNING},
        {"-Wno-error=ingot-unsupported", "-Werror", IG_AN_WARNING},
        {"-Wno-error=ingot-unsupported", "-w", IG_AN_OFF},
        {"-w", NULL, IG_AN_OFF},
        {"-w", "-Werror=ingot-unsupported", IG_AN_ERROR},
        {"-Wno-ingot-unsupported", NULL, IG_AN_OFF},
        {"-Wno-ingot-unsupported", "-Wingot-unsupported", IG_AN_WARNING},
        {"-Wno-error=ingot-unsupported", "-Werror=ingot-unsupported",
         IG_AN_ERROR},
        {"-Wno-ingot-unsupported", "-Werror=ingot-unsupported", IG_AN_ERROR},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct ig_cc cc;
        CHECK_INT(parse(&cc, cases[i].a, cases[i].b), 0);
        if (ig_cc_unsupported_severity(&cc) != cases[i].sev)
            fprintf(stderr, "case %zu: %s %s\n", i, cases[i].a,
                    cases[i].b ? cases[i].b : "");
        CHECK_INT(ig_cc_unsupported_severity(&cc), cases[i].sev);
        /* The compiler never sees ingot-cc's own flags. */
        for (size_t k = 0; k < cc.cflags.n; k++)
            CHECK(strstr(cc.cflags.v[k], "ingot-unsupported") == NULL);
        ig_cc_free(&cc);
    }
}

int main(int argc, char **argv)
{
    char err[512];
    struct ig_an_table t;
    struct ig_cc cc;
    struct ig_strvec args = {0};

    if (argc < 3 || (argc - 3) % 2) {
        fprintf(stderr, "usage: test_an_clang LIBDIR FIXTURE_DIR "
                        "[NAME.c EXPECT]...\n");
        return 2;
    }
    test_severity();
    char *table = ig_host_path(argv[1], "analysis/unsupported.json");
    CHECK_INT(ig_an_table_load(&t, table, err, sizeof(err)), 0);
    free(table);
    CHECK_INT(parse(&cc, "-DUNUSED=1", "-std=gnu11"), 0);
    ig_cc_analyze_args(&args, &cc, argv[1]);
    CHECK_INT(chdir(argv[2]), 0);
    for (int i = 3; i + 1 < argc; i += 2) {
        FILE *out = tmpfile(), *want = fopen(argv[i + 1], "r");
        int count = 0;
        CHECK(out && want);
        if (!out || !want)
            continue;
        CHECK_INT(ig_an_check_source(&t, argv[i], args.v, args.n, IG_AN_ERROR,
                                     out, &count, err, sizeof(err)),
                  0);
        char *got = ig_xstrdup(slurp(out));
        CHECK_STR(got, slurp(want));
        /* One diagnostic per "error:" line. */
        int lines = 0;
        for (char *p = got; (p = strstr(p, ": error: ")); p++)
            lines++;
        CHECK_INT(count, lines);
        free(got);
        fclose(out);
        fclose(want);
    }
    FILE *out = tmpfile();
    int count = 0;
    CHECK_INT(ig_an_check_source(&t, "fork_unused.c", args.v, args.n, IG_AN_OFF,
                                 out, &count, err, sizeof(err)),
              0);
    CHECK_INT(count, 0);
    CHECK_INT(ig_an_check_source(&t, "fork_unused.c", args.v, args.n,
                                 IG_AN_WARNING, out, &count, err, sizeof(err)),
              0);
    CHECK(strstr(slurp(out), "fork_unused.c:9:9: warning: fork()") != NULL);
    fclose(out);
    ig_strvec_free(&args);
    ig_cc_free(&cc);
    ig_an_table_free(&t);
    return unit_done();
}
