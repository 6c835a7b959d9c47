/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* bench_plot.c: PNG plots of bench results, drawn by gnuplot. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "bench.h"

/* Writes (s) as a gnuplot single-quoted string ('' stands for one '). */
static void gp_quote(FILE *f, const char *s)
{
    fputc('\'', f);
    for (; *s; s++) {
        if (*s == '\'')
            fputc('\'', f);
        fputc(*s, f);
    }
    fputc('\'', f);
}

static int same(const struct ig_bench_row *r, const char *suite,
                const char *metric)
{
    return r->ok && strcmp(r->field[IG_BENCH_SUITE], suite) == 0 &&
           strcmp(r->field[IG_BENCH_METRIC], metric) == 0;
}

/* Bars: one per row without x, in CSV order; a log scale when the
 * figures span more than two orders of magnitude (kvm next to native). */
static void plot_bars(FILE *gp, const struct ig_bench_table *t,
                      const char *suite, const char *metric)
{
    double lo = 0, hi = 0;
    int n = 0;

    fputs("$d << EOD\n", gp);
    for (size_t i = 0; i < t->n; i++) {
        const struct ig_bench_row *r = &t->rows[i];
        if (!same(r, suite, metric) || r->field[IG_BENCH_X][0])
            continue;
        /* Data lines: label in double quotes (none inside), then figures. */
        fputc('"', gp);
        for (const char *c = r->field[IG_BENCH_LABEL]; *c; c++)
            fputc(*c == '"' ? '\'' : *c, gp);
        fprintf(gp, "\" %.17g %.17g %.17g\n", r->min, r->median, r->max);
        if (n == 0 || r->min < lo)
            lo = r->min;
        if (n == 0 || r->max > hi)
            hi = r->max;
        n++;
    }
    fputs("EOD\n", gp);
    fputs("set style fill solid 0.5 border -1\n"
          "set boxwidth 0.6\n"
          "set xtics rotate by 30 right\n"
          "set bmargin 10\n"
          "set lmargin 16\n"
          "set grid ytics\n",
          gp);
    if (lo > 0 && hi / lo > 100)
        fputs("set logscale y\n", gp);
    else
        fputs("set yrange [0:*]\n", gp);
    fputs("plot $d using 0:3:xtic(1) with boxes notitle, "
          "$d using 0:3:2:4 with yerrorbars lc rgb 'black' pt 0 notitle\n",
          gp);
}

/* Lines: one per id, x against the median. */
static void plot_series(FILE *gp, const struct ig_bench_table *t,
                        const char *suite, const char *metric)
{
    struct ig_strvec ids = {0};

    for (size_t i = 0; i < t->n; i++) {
        const struct ig_bench_row *r = &t->rows[i];
        int seen = 0;
        if (!same(r, suite, metric) || !r->field[IG_BENCH_X][0])
            continue;
        for (size_t j = 0; j < ids.n; j++)
            seen |= strcmp(ids.v[j], r->field[IG_BENCH_ID]) == 0;
        if (!seen)
            ig_strvec_push(&ids, r->field[IG_BENCH_ID]);
    }
    double lo = 0, hi = 0;
    int n = 0;
    for (size_t j = 0; j < ids.n; j++) {
        fprintf(gp, "$s%zu << EOD\n", j);
        for (size_t i = 0; i < t->n; i++) {
            const struct ig_bench_row *r = &t->rows[i];
            if (!same(r, suite, metric) || !r->field[IG_BENCH_X][0] ||
                strcmp(r->field[IG_BENCH_ID], ids.v[j]) != 0)
                continue;
            fprintf(gp, "%s %.17g\n", r->field[IG_BENCH_X], r->median);
            if (n == 0 || r->median < lo)
                lo = r->median;
            if (n == 0 || r->median > hi)
                hi = r->median;
            n++;
        }
        fputs("EOD\n", gp);
    }
    /* pico's milliseconds beside kvm's seconds need a log scale. */
    if (lo > 0 && hi / lo > 100)
        fputs("set logscale y\n", gp);
    else
        fputs("set yrange [0:*]\n", gp);
    fputs("set grid\nset key top left\nset format x '%.0f'\n"
          "set xlabel 'instances running'\nplot ",
          gp);
    for (size_t j = 0; j < ids.n; j++) {
        fprintf(gp, "%s$s%zu using 1:2 with linespoints title ", j ? ", " : "",
                j);
        gp_quote(gp, ids.v[j]);
    }
    fputc('\n', gp);
    ig_strvec_free(&ids);
}

/* Draws suite/metric into (png); (series): lines rather than bars. */
static int plot_one(const struct ig_bench_table *t, const char *suite,
                    const char *metric, const char *unit, int series,
                    const char *png, char *err, size_t errlen)
{
    FILE *gp = popen("gnuplot", "w");

    if (!gp) {
        snprintf(err, errlen, "cannot start gnuplot: %s", strerror(errno));
        return -1;
    }
    fputs("set terminal pngcairo size 1000,560 noenhanced font ',10'\n"
          "set output ",
          gp);
    gp_quote(gp, png);
    char *title = ig_xasprintf("%s: %s%s", suite, metric,
                               series ? "" : " (median, whiskers min..max)");
    fputs("\nset title ", gp);
    gp_quote(gp, title);
    free(title);
    fputs("\nset ylabel ", gp);
    gp_quote(gp, unit);
    fputc('\n', gp);
    if (series)
        plot_series(gp, t, suite, metric);
    else
        plot_bars(gp, t, suite, metric);
    int st = pclose(gp);
    if (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
        snprintf(err, errlen, "gnuplot failed on %s (status %d)", png,
                 WIFEXITED(st) ? WEXITSTATUS(st) : -1);
        return -1;
    }
    return 0;
}

int ig_bench_plot(const struct ig_bench_table *t, const char *dir,
                  struct ig_strvec *pngs, char *err, size_t errlen)
{
    struct ig_strvec done = {0};
    int rc = 0;

    for (size_t i = 0; i < t->n && rc == 0; i++) {
        const struct ig_bench_row *r = &t->rows[i];
        int series = r->field[IG_BENCH_X][0] != '\0';
        char *key = ig_xasprintf("%s-%s", r->field[IG_BENCH_SUITE],
                                 r->field[IG_BENCH_METRIC]);
        int seen = !r->ok;
        for (size_t j = 0; j < done.n && !seen; j++)
            seen = strcmp(done.v[j], key) == 0;
        if (!seen) {
            ig_strvec_push(&done, key);
            char *name = ig_xasprintf("%s.png", key);
            char *png = ig_host_path(dir, name);
            rc =
                plot_one(t, r->field[IG_BENCH_SUITE], r->field[IG_BENCH_METRIC],
                         r->field[IG_BENCH_UNIT], series, png, err, errlen);
            if (rc == 0)
                ig_strvec_push(pngs, name);
            free(png);
            free(name);
        }
        free(key);
    }
    ig_strvec_free(&done);
    return rc;
}
