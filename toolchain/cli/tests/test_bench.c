/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_bench.c: `ingot bench`'s arguments, CSV reader, targets, splicing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"
#include "unit.h"

static char dir[] = "/tmp/ingot-test-bench.XXXXXX";

static int parse(char *err, struct ig_bench_opts *o, const char *a1,
                 const char *a2, const char *a3)
{
    char *argv[] = {"bench", (char *)a1, (char *)a2, (char *)a3, NULL};
    int argc = 1 + (a1 != NULL) + (a2 != NULL) + (a3 != NULL);
    return ig_bench_parse_args(o, argc, argv, err, 200);
}

static void test_args(void)
{
    struct ig_bench_opts o;
    char err[200];

    CHECK_INT(parse(err, &o, "boot", "-n", "7"), 0);
    CHECK_INT(o.suites[0], 1);
    CHECK_INT(o.suites[1], 0);
    CHECK_INT(o.runs, 7);
    CHECK_STR(o.out, "ingot-bench");
    CHECK_INT(parse(err, &o, "all", "--quick", NULL), 0);
    for (int i = 0; i < IG_BENCH_NSUITES; i++)
        CHECK_INT(o.suites[i], 1);
    CHECK_INT(o.quick, 1);
    CHECK_INT(parse(err, &o, "size", "-o", "out"), 0);
    CHECK_STR(o.out, "out");
    CHECK_INT(parse(err, &o, "--help", NULL, NULL), 0);
    CHECK_INT(o.help, 1);

    CHECK_INT(parse(err, &o, "boots", NULL, NULL), -1);
    CHECK_STR(err, "boots: unknown suite (boot, memory, density, size, net, "
                   "apps, engines, xen or all)");
    CHECK_INT(parse(err, &o, "boot", "-n", "0"), -1);
    CHECK_STR(err, "-n: \"0\" is not a whole number from 1 to 100000");
    CHECK_INT(parse(err, &o, "boot", "-n", "3x"), -1);
    CHECK_INT(parse(err, &o, "boot", "--cap", "-5"), -1);
    CHECK_INT(parse(err, &o, "boot", "-n", NULL), -1);
    CHECK_STR(err, "-n: needs a value");
    CHECK_INT(parse(err, &o, "boot", "--accel", "hvf"), -1);
    CHECK_STR(err, "--accel: \"hvf\" is not auto, kvm or tcg");
    CHECK_INT(parse(err, &o, "density", "--platform", "kvm"), 0);
    CHECK_STR(o.platform, "kvm");
    CHECK_INT(parse(err, &o, "density", "--platform", "xen"), -1);
    CHECK_STR(err, "--platform: \"xen\" is not pico or kvm");
    CHECK_INT(parse(err, &o, "density", "--keep-free", "6144"), 0);
    CHECK_INT(o.keep_free_mib, 6144);
    CHECK_INT(parse(err, &o, "density", "--keep-free", "0"), -1);
    CHECK_INT(parse(err, &o, "--frob", NULL, NULL), -1);
    CHECK_STR(err, "--frob: unknown option");
    CHECK_INT(parse(err, &o, "-n", "2", NULL), -1);
    CHECK_STR(err, "no suite given (boot, memory, density, size, net, "
                   "apps, engines, xen or all)");
    CHECK_INT(parse(err, &o, "report", "-o", "out"), 0);
    CHECK_INT(o.report, 1);
    for (int i = 0; i < IG_BENCH_NSUITES; i++)
        CHECK_INT(o.suites[i], 0);
    CHECK_INT(parse(err, &o, "report", "boot", NULL), -1);
    CHECK_STR(err, "report runs no suite: name it alone, with -o DIR");
}

static void test_split(void)
{
    char *f[3], err[200];

    CHECK_INT(ig_bench_csv_split("a,\"b, \"\"c\"\"\",", f, 3, err, 200), 0);
    CHECK_STR(f[0], "a");
    CHECK_STR(f[1], "b, \"c\"");
    CHECK_STR(f[2], "");
    for (int i = 0; i < 3; i++)
        free(f[i]);
    CHECK_INT(ig_bench_csv_split("a,\"b,c", f, 3, err, 200), -1);
    CHECK_STR(err, "unterminated quote in field 2");
    CHECK_INT(ig_bench_csv_split("a,\"b\"x,c", f, 3, err, 200), -1);
    CHECK_STR(err, "text after the quotes of field 2");
    CHECK_INT(ig_bench_csv_split("a,b", f, 3, err, 200), -1);
    CHECK_STR(err, "2 fields, expected 3");
    CHECK_INT(ig_bench_csv_split("a,b,c,d", f, 3, err, 200), -1);
    CHECK_STR(err, "more than 3 fields");
}

/* Writes (text) to <dir>/(name) and reads it; returns the result. */
static int read_csv(const char *name, const char *text,
                    struct ig_bench_table *t, char *err)
{
    char *path = ig_xasprintf("%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    fputs(text, f);
    fclose(f);
    int rc = ig_bench_csv_read(path, t, err, 300);
    free(path);
    return rc;
}

#define H IG_BENCH_CSV_HEADER "\n"

static void test_read(struct ig_bench_table *t)
{
    char err[300];

    CHECK_INT(read_csv("good.csv",
                       H "boot,native,native,exec_to_exit,ms,,3,1,2,3,ok,\n"
                         "boot,pico,pico,exec_to_exit,ms,,3,2.5,3,9,ok,x\n"
                         "boot,runc,\"runc, root\",exec_to_exit,ms,,3,20,"
                         "20,21,ok,\n"
                         "boot,floor,floor,exec_to_exit,ms,,0,,,,skipped,"
                         "\"no QEMU, sorry\"\n"
                         "size,hello-kvm-file,h,file_size,B,,1,9e4,9e4,9e4,"
                         "ok,\n",
                       t, err),
              0);
    CHECK_INT(t->n, 5);
    CHECK_STR(t->rows[2].field[IG_BENCH_LABEL], "runc, root");
    CHECK(t->rows[1].median == 3.0);
    CHECK(ig_bench_find(t, "boot", "floor") == NULL); /* skipped */
    CHECK(ig_bench_find(t, "boot", "pico") == &t->rows[1]);

    struct ig_bench_table bad = {0};
    CHECK_INT(read_csv("hdr.csv", "suite,id\n", &bad, err), -1);
    CHECK(strstr(err, "hdr.csv:1: not the bench CSV header") != NULL);
    CHECK_INT(read_csv("empty.csv", "", &bad, err), -1);
    CHECK(strstr(err, "empty.csv: empty (no header)") != NULL);
    CHECK_INT(read_csv("num.csv", H "b,i,l,m,u,,1,1,fast,3,ok,\n", &bad, err),
              -1);
    CHECK(strstr(err, "num.csv:2: median \"fast\" is not a number") != NULL);
    CHECK_INT(read_csv("st.csv", H "b,i,l,m,u,,1,1,2,3,great,\n", &bad, err),
              -1);
    CHECK(strstr(err, "st.csv:2: status \"great\" is neither ok nor skipped"));
    CHECK_INT(read_csv("runs.csv", H "b,i,l,m,u,,0.5,1,2,3,ok,\n", &bad, err),
              -1);
    CHECK(strstr(err, "runs.csv:2: runs \"0.5\" is not a count") != NULL);
    CHECK_INT(read_csv("short.csv", H "b,i,l\n", &bad, err), -1);
    CHECK(strstr(err, "short.csv:2: 3 fields, expected 12") != NULL);
    CHECK_INT(read_csv("noid.csv", H ",,l,m,u,,1,1,2,3,ok,\n", &bad, err), -1);
    CHECK(strstr(err, "noid.csv:2: empty suite or id") != NULL);
    CHECK_INT(bad.n, 0);
    CHECK_INT(ig_bench_csv_read("/nonexistent/x.csv", &bad, err, 300), -1);
    CHECK_STR(err, "/nonexistent/x.csv: No such file or directory");
}

static void test_report(const struct ig_bench_table *t)
{
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);
    struct ig_strvec pngs = {0};

    ig_strvec_push(&pngs, "boot-exec_to_exit.png");
    ig_bench_report(m, t, "a machine", "ingot bench boot", &pngs, "img");
    fclose(m);
    /* 3 / 2 = 1.5 > 1.2; 20 / 3 = 6.67 < 20; 90,000 B <= 153,600 B. */
    CHECK(strstr(text, "| pico boot (ingot run) within 1.2x of a native "
                       "process | 1.50x (3 / 2 ms) | **not met** |") != NULL);
    CHECK(strstr(text, "| pico boot (ingot run) at least 20x faster than "
                       "runc | 6.67x (20 / 3 ms) | **not met** |") != NULL);
    CHECK(strstr(text, "| kvm boot within 1.1x of the VMM floor | no figure "
                       "(see the boot table) | not measured |") != NULL);
    CHECK(strstr(text, "| at least 20,000 concurrent pico httpd instances | "
                       "suite not run (ingot bench density) | not measured "
                       "|") != NULL);
    CHECK(strstr(text, "| last pico httpd instance answers within 15 ms of "
                       "its start | suite not run (ingot bench density) | "
                       "not measured |") != NULL);
    CHECK(strstr(text, "| hello image (kvm) at most 150 KB (153,600 B) | "
                       "90000 B | met |") != NULL);
    CHECK(strstr(text, "| floor | exec_to_exit |  | | | | ms | skipped: no "
                       "QEMU, sorry |") != NULL);
    CHECK(strstr(text, "![boot-exec_to_exit.png](img/boot-exec_to_exit.png)"));
    CHECK(strstr(text, "| runc, root | exec_to_exit | 3 | 20 | 20 | 21 | ms "
                       "|  |") != NULL);
    CHECK(strstr(text, "| h | file_size | 1 | | 90000 | | B |  |") != NULL);
    CHECK(strstr(text, "### size") != NULL);
    CHECK(strstr(text, "### memory") == NULL);
    free(text);
    ig_strvec_free(&pngs);
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "r");
    static char buf[4096];
    size_t n = f ? fread(buf, 1, sizeof(buf) - 1, f) : 0;
    if (f)
        fclose(f);
    buf[n] = '\0';
    return buf;
}

/* A series target takes the point with the largest x, wherever it is. */
static void test_last_point(void)
{
    struct ig_bench_table t = {0};
    struct ig_strvec pngs = {0};
    char err[300], *text = NULL;
    size_t len = 0;

    CHECK_INT(read_csv("density.csv",
                       H "density,pico-start,s,start_ms,ms,1,1,5,5,5,ok,\n"
                         "density,pico-start,s,start_ms,ms,10,1,20,20,20,ok,\n"
                         "density,pico-start,s,start_ms,ms,2,1,9,9,9,ok,\n"
                         "density,pico-mem,m,mem,KiB,,1,280,280,280,ok,\n",
                       &t, err),
              0);
    FILE *m = open_memstream(&text, &len);
    ig_bench_report(m, &t, "a machine", "ingot bench density", &pngs, "img");
    fclose(m);
    CHECK(strstr(text,
                 "| last pico httpd instance answers within 15 ms of "
                 "its start | 20 ms (at x = 10) | **not met** |") != NULL);
    CHECK(strstr(text, "| pico httpd at most 300 KiB Pss per instance | "
                       "280 KiB | met |") != NULL);
    free(text);
    ig_bench_table_free(&t);
}

static void test_splice(void)
{
    char *md = ig_xasprintf("%s/doc.md", dir), err[300];
    FILE *f;

    /* Missing: created with the markers. */
    CHECK_INT(ig_bench_md_splice(md, "one\n", err, 300), 0);
    CHECK_STR(slurp(md), IG_BENCH_MD_BEGIN "\none\n" IG_BENCH_MD_END "\n");
    /* Replaced between the markers; the text around them kept. */
    f = fopen(md, "w");
    fputs("intro\n" IG_BENCH_MD_BEGIN "\nold\n" IG_BENCH_MD_END "\noutro\n", f);
    fclose(f);
    CHECK_INT(ig_bench_md_splice(md, "new\n", err, 300), 0);
    CHECK_STR(slurp(md), "intro\n" IG_BENCH_MD_BEGIN "\nnew\n" IG_BENCH_MD_END
                         "\noutro\n");
    /* No markers: appended after the text. */
    f = fopen(md, "w");
    fputs("hand-written", f);
    fclose(f);
    CHECK_INT(ig_bench_md_splice(md, "x\n", err, 300), 0);
    CHECK_STR(slurp(md), "hand-written\n\n" IG_BENCH_MD_BEGIN
                         "\nx\n" IG_BENCH_MD_END "\n");
    /* One marker alone is an error and leaves the file alone. */
    f = fopen(md, "w");
    fputs("a\n" IG_BENCH_MD_BEGIN "\nb\n", f);
    fclose(f);
    CHECK_INT(ig_bench_md_splice(md, "x\n", err, 300), -1);
    CHECK(strstr(err, "without") != NULL);
    CHECK_STR(slurp(md), "a\n" IG_BENCH_MD_BEGIN "\nb\n");
    unlink(md);
    free(md);
}

int main(void)
{
    struct ig_bench_table t = {0};

    CHECK(mkdtemp(dir) != NULL);
    test_args();
    test_split();
    test_read(&t);
    test_report(&t);
    test_last_point();
    test_splice();
    ig_bench_table_free(&t);
    char *cmd = ig_xasprintf("rm -rf %s", dir);
    CHECK_INT(system(cmd), 0);
    free(cmd);
    return unit_done();
}
