/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* bench_csv.c: reading back the CSV files the bench suites write. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"

int ig_bench_csv_split(const char *line, char **out, int nfields, char *err,
                       size_t errlen)
{
    size_t cap = strlen(line) + 1;
    char *buf = ig_xmalloc(cap);
    const char *p = line;
    int n = 0;

    for (;;) {
        size_t len = 0;
        if (*p == '"') {
            for (p++;; p++) {
                if (*p == '\0') {
                    snprintf(err, errlen, "unterminated quote in field %d",
                             n + 1);
                    goto fail;
                }
                if (*p == '"' && p[1] == '"')
                    p++;
                else if (*p == '"')
                    break;
                buf[len++] = *p;
            }
            p++;
            if (*p != ',' && *p != '\0') {
                snprintf(err, errlen, "text after the quotes of field %d",
                         n + 1);
                goto fail;
            }
        } else {
            while (*p != ',' && *p != '\0')
                buf[len++] = *p++;
        }
        buf[len] = '\0';
        if (n == nfields) {
            snprintf(err, errlen, "more than %d fields", nfields);
            goto fail;
        }
        out[n++] = ig_xstrdup(buf);
        if (*p == '\0')
            break;
        p++;
    }
    free(buf);
    if (n != nfields) {
        snprintf(err, errlen, "%d fields, expected %d", n, nfields);
        for (int i = 0; i < n; i++)
            free(out[i]);
        return -1;
    }
    return 0;
fail:
    free(buf);
    for (int i = 0; i < n; i++)
        free(out[i]);
    return -1;
}

/* A whole-string number; (what) names the field in the error. */
static int parse_num(const char *s, double *v, const char *what, char *err,
                     size_t errlen)
{
    char *end;

    errno = 0;
    *v = strtod(s, &end);
    if (!*s || *end || errno) {
        snprintf(err, errlen, "%s \"%s\" is not a number", what, s);
        return -1;
    }
    return 0;
}

static int check_row(struct ig_bench_row *r, char *err, size_t errlen)
{
    static const char *const names[] = {"min", "median", "max"};
    double *vals[] = {&r->min, &r->median, &r->max};
    double runs;

    if (!r->field[IG_BENCH_SUITE][0] || !r->field[IG_BENCH_ID][0]) {
        snprintf(err, errlen, "empty suite or id");
        return -1;
    }
    if (strcmp(r->field[IG_BENCH_STATUS], "skipped") == 0)
        return 0;
    if (strcmp(r->field[IG_BENCH_STATUS], "ok") != 0) {
        snprintf(err, errlen, "status \"%s\" is neither ok nor skipped",
                 r->field[IG_BENCH_STATUS]);
        return -1;
    }
    r->ok = 1;
    if (parse_num(r->field[IG_BENCH_RUNS], &runs, "runs", err, errlen))
        return -1;
    if (runs < 1 || runs != (double)(long)runs) {
        snprintf(err, errlen, "runs \"%s\" is not a count",
                 r->field[IG_BENCH_RUNS]);
        return -1;
    }
    for (int i = 0; i < 3; i++)
        if (parse_num(r->field[IG_BENCH_MIN + i], vals[i], names[i], err,
                      errlen))
            return -1;
    if (r->field[IG_BENCH_X][0]) {
        double x;
        if (parse_num(r->field[IG_BENCH_X], &x, "x", err, errlen))
            return -1;
    }
    return 0;
}

int ig_bench_csv_read(const char *path, struct ig_bench_table *t, char *err,
                      size_t errlen)
{
    FILE *f = fopen(path, "r");
    char *line = NULL, why[200];
    size_t cap = 0;
    ssize_t len;
    long lineno = 0;
    int rc = 0;

    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    while ((len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (lineno == 1) {
            if (strcmp(line, IG_BENCH_CSV_HEADER) != 0) {
                snprintf(err, errlen, "%s:1: not the bench CSV header", path);
                rc = -1;
                break;
            }
            continue;
        }
        struct ig_bench_row r = {0};
        if (ig_bench_csv_split(line, r.field, IG_BENCH_CSV_FIELDS, why,
                               sizeof(why)) != 0) {
            snprintf(err, errlen, "%s:%ld: %s", path, lineno, why);
            rc = -1;
            break;
        }
        if (check_row(&r, why, sizeof(why)) != 0) {
            snprintf(err, errlen, "%s:%ld: %s", path, lineno, why);
            for (int i = 0; i < IG_BENCH_CSV_FIELDS; i++)
                free(r.field[i]);
            rc = -1;
            break;
        }
        t->rows = ig_xrealloc(t->rows, (t->n + 1) * sizeof(*t->rows));
        t->rows[t->n++] = r;
    }
    if (rc == 0 && lineno == 0) {
        snprintf(err, errlen, "%s: empty (no header)", path);
        rc = -1;
    }
    if (rc == 0 && ferror(f)) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        rc = -1;
    }
    free(line);
    fclose(f);
    return rc;
}

void ig_bench_table_free(struct ig_bench_table *t)
{
    for (size_t i = 0; i < t->n; i++)
        for (int j = 0; j < IG_BENCH_CSV_FIELDS; j++)
            free(t->rows[i].field[j]);
    free(t->rows);
    t->rows = NULL;
    t->n = 0;
}

const struct ig_bench_row *ig_bench_find(const struct ig_bench_table *t,
                                         const char *suite, const char *id)
{
    for (size_t i = 0; i < t->n; i++) {
        const struct ig_bench_row *r = &t->rows[i];
        if (r->ok && strcmp(r->field[IG_BENCH_SUITE], suite) == 0 &&
            strcmp(r->field[IG_BENCH_ID], id) == 0)
            return r;
    }
    return NULL;
}
