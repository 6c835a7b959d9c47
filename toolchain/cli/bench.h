/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* bench.h: the pieces of `ingot bench`, private to the cli (and its tests). */
#ifndef INGOT_BENCH_H
#define INGOT_BENCH_H

/*
 * cmd_bench.c parses the command line (ig_bench_parse_args), runs each
 * suite's script from <libdir>/bench/, which writes <out>/<suite>.csv, then
 * reads every CSV back (ig_bench_csv_read), plots it (ig_bench_plot) and
 * writes the Markdown summary with the targets (ig_bench_report).
 *
 * CSV columns (IG_BENCH_CSV_HEADER), one row per measured figure:
 *   suite   the suite that wrote it (boot, memory, density, size, net,
 *           engines, xen)
 *   id      stable key of the row within the suite (targets use it)
 *   label   what was measured, for people
 *   metric  what the figures are (exec_to_exit, min_mem, rss, rps, ...)
 *   unit    ms, KiB, MiB, B, req/s, count
 *   x       the independent variable of a series (density's instance
 *           number), empty otherwise
 *   runs    how many samples min/median/max summarize (1 for one figure)
 *   min, median, max   the figures; empty when skipped
 *   status  "ok" or "skipped"
 *   note    how it was measured, or why it was skipped
 */

#include <stddef.h>
#include <stdio.h>

#include <ingot/host.h>

#define IG_BENCH_CSV_HEADER                                                    \
    "suite,id,label,metric,unit,x,runs,min,median,max,status,note"
#define IG_BENCH_CSV_FIELDS 12

/* `ingot bench`, (argv)[0] being "bench" (see its --help).  Returns 0 when
 * every suite ran, 1 for a bad option, a failed suite or unreadable
 * results, 128+N when a suite was stopped by signal N. */
int ig_cmd_bench(int argc, char **argv);

/* The suites in the order `all` runs them. */
#define IG_BENCH_NSUITES 8
extern const char *const ig_bench_suites[IG_BENCH_NSUITES];

struct ig_bench_opts {
    int suites[IG_BENCH_NSUITES]; /* 1: run ig_bench_suites[i] */
    const char *out;              /* -o DIR */
    int runs;                     /* -n RUNS; 0: the default */
    int quick;                    /* --quick */
    long cap;                     /* --cap N; 0: the suite's default */
    const char *accel;            /* --accel auto|kvm|tcg */
    const char *platform;         /* --platform pico|kvm, or NULL: both */
    long keep_free_mib;           /* --keep-free MIB; 0: the default */
    const char *markdown;         /* --markdown FILE, or NULL */
    int report;                   /* `report`: summarize -o DIR again */
    int help;
};

/* Parses `bench`'s arguments, (argv)[0] being "bench".  Returns 0, or -1
 * with "<what>: <why>" in (err) for an unknown option or suite, a missing
 * or bad value (RUNS, N and MIB must be whole numbers from 1 to 100000;
 * --accel one of auto, kvm, tcg; --platform pico or kvm), no suite at
 * all, or `report` named with a suite. */
int ig_bench_parse_args(struct ig_bench_opts *o, int argc, char **argv,
                        char *err, size_t errlen);

struct ig_bench_row {
    char *field[IG_BENCH_CSV_FIELDS]; /* in header order, owned */
    int ok;                           /* status is "ok" */
    double min, median, max;          /* parsed when ok */
};

enum {
    IG_BENCH_SUITE,
    IG_BENCH_ID,
    IG_BENCH_LABEL,
    IG_BENCH_METRIC,
    IG_BENCH_UNIT,
    IG_BENCH_X,
    IG_BENCH_RUNS,
    IG_BENCH_MIN,
    IG_BENCH_MEDIAN,
    IG_BENCH_MAX,
    IG_BENCH_STATUS,
    IG_BENCH_NOTE,
};

struct ig_bench_table {
    struct ig_bench_row *rows;
    size_t n;
};

/* Splits one CSV record (RFC 4180: fields quoted with '"' when they hold
 * ',' or '"', a quote doubled inside) into (nfields) malloc'd strings in
 * (out).  Returns 0, or -1 with the reason in (err) for an unterminated
 * quote, text after a closing quote, or a field count other than
 * (nfields) (the strings are then freed). */
int ig_bench_csv_split(const char *line, char **out, int nfields, char *err,
                       size_t errlen);

/* Appends the rows of CSV file (path) to (t).  The first line must be
 * IG_BENCH_CSV_HEADER; every other line a record of its twelve fields with
 * status "ok" (min, median, max numbers, runs a count) or "skipped".
 * Returns 0, or -1 with "<path>:<line>: <why>" in (err) when the file
 * cannot be read or a line is malformed. */
int ig_bench_csv_read(const char *path, struct ig_bench_table *t, char *err,
                      size_t errlen);

/* Frees every row of (t), leaving it empty. */
void ig_bench_table_free(struct ig_bench_table *t);

/* Returns the first ok row of suite (suite) with id (id), or NULL. */
const struct ig_bench_row *ig_bench_find(const struct ig_bench_table *t,
                                         const char *suite, const char *id);

/* Renders a PNG per suite and metric of (t) into directory (dir) with
 * gnuplot: bars of the median with min..max whiskers, or lines for series
 * (rows with an x).  Adds each file's name to (pngs).  Returns 0, or -1
 * with the reason in (err) when gnuplot cannot be started or fails. */
int ig_bench_plot(const struct ig_bench_table *t, const char *dir,
                  struct ig_strvec *pngs, char *err, size_t errlen);

/* Writes the Markdown summary of (t) to (f): the machine (ig_bench_machine
 * text), the command line (cmd), each target of issue 9 with the figure
 * and "met", "not met" or "not measured", then one table per suite with
 * the plots named in (pngs) (relative to (imgdir), "" for none). */
void ig_bench_report(FILE *f, const struct ig_bench_table *t,
                     const char *machine, const char *cmd,
                     const struct ig_strvec *pngs, const char *imgdir);

/* Returns a malloc'd Markdown line describing this machine: CPU model,
 * cores, memory, kernel, QEMU version and the date (UTC). */
char *ig_bench_machine(void);

/* Replaces the text between the lines IG_BENCH_MD_BEGIN and IG_BENCH_MD_END
 * of file (path) with (text), keeping the rest; appends both markers and
 * the text when the file has none, creating it when missing.  Returns 0, or
 * -1 with the reason in (err) (a marker without its partner, I/O errors). */
int ig_bench_md_splice(const char *path, const char *text, char *err,
                       size_t errlen);

#define IG_BENCH_MD_BEGIN "<!-- ingot bench: begin (generated) -->"
#define IG_BENCH_MD_END "<!-- ingot bench: end -->"

#endif /* INGOT_BENCH_H */
