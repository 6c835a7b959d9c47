/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* bench_report.c: the Markdown summary of a bench run, with the targets. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "bench.h"

/* The targets of issues 9, 18 and 23.  RATIO: median of (a) / median of (b)
 * compared with (limit); VALUE: median of (a) compared with (limit); LAST:
 * the median of (a)'s series point with the largest x (density's last
 * instance). */
enum kind { RATIO, VALUE, LAST };
static const struct target {
    const char *what;
    enum kind kind;
    const char *suite, *a, *b;
    int at_most; /* 1: figure <= limit; 0: figure >= limit */
    double limit;
    int with_note; /* the row's note explains the figure (density's stop) */
} targets[] = {
    {"pico boot (ingot run) within 1.2x of a native process", RATIO, "boot",
     "pico", "native", 1, 1.2, 0},
    {"pico boot (tender directly) within 1.1x of a native process", RATIO,
     "boot", "pico-direct", "native", 1, 1.1, 0},
    {"pico boot (ingot run) at least 20x faster than runc", RATIO, "boot",
     "runc", "pico", 0, 20.0, 0},
    {"kvm boot within 1.1x of the VMM floor", RATIO, "boot", "kvm", "floor", 1,
     1.1, 0},
    {"hello image (kvm) at most 150 KB (153,600 B)", VALUE, "size",
     "hello-kvm-file", NULL, 1, 150 * 1024.0, 0},
    {"hello image (pico) at most 150 KB (153,600 B)", VALUE, "size",
     "hello-pico-file", NULL, 1, 150 * 1024.0, 0},
    {"httpd image (kvm) at most 700 KB (716,800 B)", VALUE, "size",
     "httpd-kvm-file", NULL, 1, 700 * 1024.0, 0},
    {"httpd image (pico) at most 700 KB (716,800 B)", VALUE, "size",
     "httpd-pico-file", NULL, 1, 700 * 1024.0, 0},
    {"hello boots in at most 4 MB of guest memory (kvm)", VALUE, "memory",
     "hello-kvm-min", NULL, 1, 4.0, 0},
    {"at least 20,000 concurrent pico httpd instances", VALUE, "density",
     "pico-count", NULL, 0, 20000.0, 1},
    {"last pico httpd instance answers within 15 ms of its start", LAST,
     "density", "pico-start", NULL, 1, 15.0, 0},
    {"pico httpd at most 300 KiB Pss per instance", VALUE, "density",
     "pico-mem", NULL, 1, 300.0, 0},
    {"pico httpd at most 400 KiB of MemAvailable per instance", VALUE,
     "density", "pico-avail", NULL, 1, 400.0, 0},
    {"at least 1,000 concurrent kvm httpd instances", VALUE, "density",
     "kvm-count", NULL, 0, 1000.0, 1},
    {"kvm httpd at most 8 MiB (8,192 KiB) Pss per instance", VALUE, "density",
     "kvm-mem", NULL, 1, 8192.0, 0},
    {"pico httpd at least 0.8x native requests/s", RATIO, "net", "pico-rps",
     "native-rps", 0, 0.8, 0},
    /* issue 18: the catalog next to the same programs on Linux */
    {"SQLite speedtest1 on pico within 1.1x native CPU time", RATIO, "apps",
     "sqlite-speedtest1-pico", "sqlite-speedtest1-native", 1, 1.1, 0},
    {"Lua CPU-bound script on pico within 1.1x native CPU time", RATIO, "apps",
     "lua-cpu-pico", "lua-cpu-native", 1, 1.1, 0},
    {"pico nginx at least native's requests/s", RATIO, "apps", "nginx-rps-pico",
     "nginx-rps-native", 0, 1.0, 0},
    {"pico redis SET at least native's requests/s", RATIO, "apps",
     "redis-set-pico", "redis-set-native", 0, 1.0, 0},
    {"pico redis GET at least native's requests/s", RATIO, "apps",
     "redis-get-pico", "redis-get-native", 0, 1.0, 0},
    {"pico redis SET, -P 16, at least native's requests/s", RATIO, "apps",
     "redis-set-p16-pico", "redis-set-p16-native", 0, 1.0, 0},
    {"pico redis GET, -P 16, at least native's requests/s", RATIO, "apps",
     "redis-get-p16-pico", "redis-get-p16-native", 0, 1.0, 0},
    {"nginx image (pico) at most 1 MB (1,048,576 B)", VALUE, "size",
     "nginx-pico-file", NULL, 1, 1024 * 1024.0, 0},
    {"nginx image (kvm) at most 1 MB (1,048,576 B)", VALUE, "size",
     "nginx-kvm-file", NULL, 1, 1024 * 1024.0, 0},
    {"redis image (pico) at most 1 MB (1,048,576 B)", VALUE, "size",
     "redis-pico-file", NULL, 1, 1024 * 1024.0, 0},
    {"redis image (kvm) at most 1 MB (1,048,576 B)", VALUE, "size",
     "redis-kvm-file", NULL, 1, 1024 * 1024.0, 0},
    {"nginx serves with at most 8 MiB of guest memory (pico)", VALUE, "memory",
     "nginx-pico-min", NULL, 1, 8.0, 0},
    {"nginx serves with at most 8 MiB of guest memory (kvm)", VALUE, "memory",
     "nginx-kvm-min", NULL, 1, 8.0, 0},
    {"redis serves with at most 8 MiB of guest memory (pico)", VALUE, "memory",
     "redis-pico-min", NULL, 1, 8.0, 0},
    {"redis serves with at most 8 MiB of guest memory (kvm)", VALUE, "memory",
     "redis-kvm-min", NULL, 1, 8.0, 0},
};
#define NTARGETS (sizeof(targets) / sizeof(targets[0]))

/* Figures print with up to three decimals and no trailing zeros. */
static void num(FILE *f, double v)
{
    char buf[64];

    snprintf(buf, sizeof(buf), "%.3f", v);
    char *e = buf + strlen(buf) - 1;
    while (*e == '0')
        *e-- = '\0';
    if (*e == '.')
        *e = '\0';
    fputs(buf, f);
}

/* Markdown table cells must not hold '|' or newlines. */
static void cell(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            fputs("\\|", f);
        else
            fputc(*s == '\n' ? ' ' : *s, f);
    }
}

/* True when (r) is a measured point of a series (it has an x) of (suite)
 * and, unless (id) is NULL, of (id). */
static int is_point(const struct ig_bench_row *r, const char *suite,
                    const char *id)
{
    return r->ok && r->field[IG_BENCH_X][0] &&
           strcmp(r->field[IG_BENCH_SUITE], suite) == 0 &&
           (!id || strcmp(r->field[IG_BENCH_ID], id) == 0);
}

/* The ok row of (suite, id) with the largest x, or NULL. */
static const struct ig_bench_row *last_point(const struct ig_bench_table *t,
                                             const char *suite, const char *id)
{
    const struct ig_bench_row *best = NULL;
    double best_x = 0;

    for (size_t i = 0; i < t->n; i++) {
        const struct ig_bench_row *r = &t->rows[i];
        if (!is_point(r, suite, id))
            continue;
        double x = strtod(r->field[IG_BENCH_X], NULL);
        if (!best || x > best_x) {
            best = r;
            best_x = x;
        }
    }
    return best;
}

static void report_targets(FILE *f, const struct ig_bench_table *t)
{
    fputs("| target | where we stand | |\n|---|---|---|\n", f);
    for (size_t i = 0; i < NTARGETS; i++) {
        const struct target *g = &targets[i];
        const struct ig_bench_row *a = g->kind == LAST
                                           ? last_point(t, g->suite, g->a)
                                           : ig_bench_find(t, g->suite, g->a);
        const struct ig_bench_row *b =
            g->b ? ig_bench_find(t, g->suite, g->b) : NULL;
        fprintf(f, "| %s | ", g->what);
        if (!a || (g->kind == RATIO && (!b || b->median == 0))) {
            int ran = 0;
            for (size_t r = 0; r < t->n && !ran; r++)
                ran = strcmp(t->rows[r].field[IG_BENCH_SUITE], g->suite) == 0;
            if (ran)
                fprintf(f, "no figure (see the %s table) | not measured |\n",
                        g->suite);
            else
                fprintf(f, "suite not run (ingot bench %s) | not measured |\n",
                        g->suite);
            continue;
        }
        double v = a->median;
        if (g->kind == RATIO) {
            v = a->median / b->median;
            fprintf(f, "%.2fx (", v);
            num(f, a->median);
            fprintf(f, " / ");
            num(f, b->median);
            fprintf(f, " %s) | ", a->field[IG_BENCH_UNIT]);
        } else {
            num(f, v);
            fprintf(f, " %s", a->field[IG_BENCH_UNIT]);
            if (g->kind == LAST)
                fprintf(f, " (at x = %s)", a->field[IG_BENCH_X]);
            if (g->with_note && a->field[IG_BENCH_NOTE][0]) {
                fputs(" (", f);
                cell(f, a->field[IG_BENCH_NOTE]);
                fputc(')', f);
            }
            fputs(" | ", f);
        }
        int met = g->at_most ? v <= g->limit : v >= g->limit;
        fprintf(f, "%s |\n", met ? "met" : "**not met**");
    }
}

/* Series rows (an x) are summed up in one line per id under the table. */
static void report_series(FILE *f, const struct ig_bench_table *t,
                          const char *suite)
{
    struct ig_strvec ids = {0};

    for (size_t i = 0; i < t->n; i++) {
        const struct ig_bench_row *r = &t->rows[i];
        int seen = 0;
        if (!is_point(r, suite, NULL))
            continue;
        for (size_t j = 0; j < ids.n; j++)
            seen |= strcmp(ids.v[j], r->field[IG_BENCH_ID]) == 0;
        if (seen)
            continue;
        ig_strvec_push(&ids, r->field[IG_BENCH_ID]);
        const struct ig_bench_row *first = r, *last = r;
        size_t n = 0;
        for (size_t k = i; k < t->n; k++)
            if (is_point(&t->rows[k], suite, r->field[IG_BENCH_ID])) {
                last = &t->rows[k];
                n++;
            }
        fprintf(f,
                "\n%s, %s: %zu points; at x = %s: ", r->field[IG_BENCH_LABEL],
                r->field[IG_BENCH_METRIC], n, first->field[IG_BENCH_X]);
        num(f, first->median);
        fprintf(f, " %s; at x = %s: ", r->field[IG_BENCH_UNIT],
                last->field[IG_BENCH_X]);
        num(f, last->median);
        fprintf(f, " %s.\n", r->field[IG_BENCH_UNIT]);
    }
    ig_strvec_free(&ids);
}

static void report_suite(FILE *f, const struct ig_bench_table *t,
                         const char *suite, const struct ig_strvec *pngs,
                         const char *imgdir)
{
    fprintf(f, "\n### %s\n\n", suite);
    fputs("| what | metric | runs | min | median | max | unit | note |\n"
          "|---|---|---:|---:|---:|---:|---|---|\n",
          f);
    for (size_t i = 0; i < t->n; i++) {
        const struct ig_bench_row *r = &t->rows[i];
        if (strcmp(r->field[IG_BENCH_SUITE], suite) != 0 ||
            (r->ok && r->field[IG_BENCH_X][0]))
            continue;
        fputs("| ", f);
        cell(f, r->field[IG_BENCH_LABEL]);
        fprintf(f, " | %s | ", r->field[IG_BENCH_METRIC]);
        if (r->ok && strcmp(r->field[IG_BENCH_RUNS], "1") == 0) {
            /* One figure: in the median column alone. */
            fputs("1 | | ", f);
            num(f, r->median);
            fprintf(f, " | | %s | ", r->field[IG_BENCH_UNIT]);
        } else if (r->ok) {
            fprintf(f, "%s | ", r->field[IG_BENCH_RUNS]);
            num(f, r->min);
            fputs(" | ", f);
            num(f, r->median);
            fputs(" | ", f);
            num(f, r->max);
            fprintf(f, " | %s | ", r->field[IG_BENCH_UNIT]);
        } else {
            fprintf(f, " | | | | %s | skipped: ", r->field[IG_BENCH_UNIT]);
        }
        cell(f, r->field[IG_BENCH_NOTE]);
        fputs(" |\n", f);
    }
    report_series(f, t, suite);
    size_t len = strlen(suite);
    for (size_t i = 0; imgdir && i < pngs->n; i++)
        if (strncmp(pngs->v[i], suite, len) == 0 && pngs->v[i][len] == '-')
            fprintf(f, "\n![%s](%s%s%s)\n", pngs->v[i], imgdir,
                    imgdir[0] ? "/" : "", pngs->v[i]);
}

void ig_bench_report(FILE *f, const struct ig_bench_table *t,
                     const char *machine, const char *cmd,
                     const struct ig_strvec *pngs, const char *imgdir)
{
    fprintf(f, "Machine: %s\n\nCommand: `%s`\n\n", machine, cmd);
    fputs("### Targets\n\n", f);
    report_targets(f, t);
    for (int s = 0; s < IG_BENCH_NSUITES; s++) {
        int any = 0;
        for (size_t i = 0; i < t->n && !any; i++)
            any = strcmp(t->rows[i].field[IG_BENCH_SUITE],
                         ig_bench_suites[s]) == 0;
        if (any)
            report_suite(f, t, ig_bench_suites[s], pngs, imgdir);
    }
}

/* The value of "KEY<sep>..." in file (path), trimmed; malloc'd or NULL. */
static char *file_field(const char *path, const char *key)
{
    FILE *f = fopen(path, "r");
    char *line = NULL, *v = NULL;
    size_t cap = 0, klen = strlen(key);

    if (!f)
        return NULL;
    while (!v && getline(&line, &cap, f) >= 0) {
        if (strncmp(line, key, klen) != 0)
            continue;
        char *p = line + klen;
        p += strspn(p, " \t:");
        p[strcspn(p, "\n")] = '\0';
        v = ig_xstrdup(p);
    }
    free(line);
    fclose(f);
    return v;
}

char *ig_bench_machine(void)
{
    char *cpu = file_field("/proc/cpuinfo", "model name");
    char *mem = file_field("/proc/meminfo", "MemTotal");
    char *deb = file_field("/etc/debian_version", "");
    char qemu[200] = "QEMU not found";
    struct utsname u;
    char date[64];
    time_t now = time(NULL);
    FILE *p = popen("qemu-system-x86_64 --version 2>/dev/null", "r");

    if (p) {
        if (fgets(qemu, sizeof(qemu), p))
            qemu[strcspn(qemu, "\n")] = '\0';
        else
            snprintf(qemu, sizeof(qemu), "QEMU not found");
        pclose(p);
    }
    if (uname(&u) != 0)
        snprintf(u.release, sizeof(u.release), "unknown");
    strftime(date, sizeof(date), "%Y-%m-%d %H:%M UTC", gmtime(&now));
    char *s =
        ig_xasprintf("%s, %ld cores, %.1f GiB RAM, Linux %s, Debian %s, %s; %s",
                     cpu ? cpu : "unknown CPU", sysconf(_SC_NPROCESSORS_ONLN),
                     mem ? atof(mem) / (1024.0 * 1024.0) : 0.0, u.release,
                     deb ? deb : "unknown", qemu, date);
    free(cpu);
    free(mem);
    free(deb);
    return s;
}

int ig_bench_md_splice(const char *path, const char *text, char *err,
                       size_t errlen)
{
    FILE *f = fopen(path, "r");
    char *old = NULL;
    size_t oldlen = 0;

    if (f) {
        FILE *m = open_memstream(&old, &oldlen);
        char buf[4096];
        size_t n;
        while (m && (n = fread(buf, 1, sizeof(buf), f)) > 0)
            fwrite(buf, 1, n, m);
        int bad = !m || ferror(f);
        fclose(f);
        if (m)
            fclose(m);
        if (bad) {
            snprintf(err, errlen, "%s: cannot read it", path);
            free(old);
            return -1;
        }
    } else if (errno != ENOENT) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    const char *b = old ? strstr(old, IG_BENCH_MD_BEGIN "\n") : NULL;
    const char *e = old ? strstr(old, IG_BENCH_MD_END) : NULL;
    if (!b != !e || (b && e < b)) {
        snprintf(err, errlen, "%s: has \"%s\" without \"%s\" after it", path,
                 b ? IG_BENCH_MD_BEGIN : IG_BENCH_MD_END,
                 b ? IG_BENCH_MD_END : IG_BENCH_MD_BEGIN);
        free(old);
        return -1;
    }
    char *tmp = ig_xasprintf("%s.tmp", path);
    FILE *o = fopen(tmp, "w");
    if (!o) {
        snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
        free(tmp);
        free(old);
        return -1;
    }
    if (b) {
        fwrite(old, 1, (size_t)(b - old), o);
    } else if (old) {
        fputs(old, o);
        if (oldlen && old[oldlen - 1] != '\n')
            fputc('\n', o);
        fputc('\n', o);
    }
    fprintf(o, "%s\n%s%s", IG_BENCH_MD_BEGIN, text, IG_BENCH_MD_END);
    fputs(e ? e + strlen(IG_BENCH_MD_END) : "\n", o);
    int rc = 0;
    if (fclose(o) != 0 || rename(tmp, path) != 0) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        unlink(tmp);
        rc = -1;
    }
    free(tmp);
    free(old);
    return rc;
}
