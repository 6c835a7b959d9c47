/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* cmd_bench.c: `ingot bench SUITE...`: measure Ingot next to its peers. */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bench.h"

static const char usage[] =
    "Usage: ingot bench SUITE... [options]\n"
    "Measure Ingot on this machine next to the alternatives (a native\n"
    "process, runc, a do-nothing VM, a Linux VM), writing CSV files, PNG\n"
    "plots (gnuplot) and a Markdown summary with the project's targets.\n"
    "\n"
    "Suites: boot     exec-to-exit of hello every way, and entry to main\n"
    "                 inside the guest\n"
    "        memory   smallest -m that boots; resident memory per instance\n"
    "        density  httpd instances at once, memory and start time each\n"
    "        size     image size of every app, whole and per component\n"
    "        net      httpd requests/s and latency under wrk\n"
    "        apps     the catalog (apps/catalog) built from its Debian\n"
    "                 sources: SQLite speedtest1, a CPU-bound Lua script\n"
    "                 (and each app's own bench.sh) on pico, kvm, native\n"
    "                 and native under runc\n"
    "        engines  start-to-first-answer of httpd through ctr, podman\n"
    "                 and docker, ingot-runc (pico, kvm) next to runc\n"
    "        xen      creation-to-exit of hello on Xen 4.17 (booted in\n"
    "                 QEMU) vs a do-nothing PVH domU, and image size\n"
    "        all      all of them, in that order\n"
    "        report   none: the summary, plots and --markdown again from\n"
    "                 the CSV files already in -o DIR (after the targets\n"
    "                 changed, or to sum up suites run one by one into\n"
    "                 the same DIR), with the machine and command of the\n"
    "                 last run there (DIR/run.txt)\n"
    "\n"
    "  -o DIR             output directory (default ./ingot-bench), created\n"
    "                     if missing: SUITE.csv, SUITE-METRIC.png,\n"
    "                     summary.md\n"
    "  -n RUNS            runs per timed figure (default 10, 3 with --quick)\n"
    "  --quick            a short run: few runs, no Linux VM, density cap 3\n"
    "  --cap N            density: at most N instances per platform\n"
    "                     (default 2000 pico, 64 kvm)\n"
    "  --keep-free MIB    density: stop starting instances when the\n"
    "                     host's MemAvailable falls under MIB (default\n"
    "                     1024)\n"
    "  --platform pico|kvm  density: only this platform's instances\n"
    "                     (default both)\n"
    "  --accel auto|kvm|tcg  for the kvm rows (default auto)\n"
    "  --markdown FILE    also put the summary into FILE between the lines\n"
    "                     \"" IG_BENCH_MD_BEGIN "\" and\n"
    "                     \"" IG_BENCH_MD_END "\" (e.g. docs/benchmarks.md)\n"
    "  -h, --help         print this help\n"
    "\n"
    "A figure that cannot be measured here (no runc, not root, no httpd,\n"
    "no network) is reported as skipped with the reason.  The Linux VM's\n"
    "kernel is downloaded once with apt-get download into\n"
    "$XDG_CACHE_HOME/ingot/bench (default ~/.cache/ingot/bench).\n"
    "INGOT_BENCH_APPS=\"nginx sqlite\" limits the catalog's rows (apps,\n"
    "memory, size) to those apps (default: every app with a recipe).  The\n"
    "catalog is built once per run, by the first suite that needs it, into\n"
    "a temporary directory the suites share; INGOT_BENCH_APPS_BUILD=DIR\n"
    "reuses builds in DIR/APP/PLATFORM instead (build/apps after ctest -L\n"
    "catalog).  --quick leaves the catalog out of memory and size unless\n"
    "INGOT_BENCH_APPS_BUILD is set.\n"
    "\n"
    "Exit status: 0 when every suite ran (skipped rows included); 1 for a\n"
    "bad option, a suite that failed or unreadable results; 128+N when\n"
    "interrupted by signal N.\n";

/* Is (prog) an executable file in one of PATH's directories? */
static int in_path(const char *prog)
{
    const char *path = getenv("PATH");
    char *copy = ig_xstrdup(path ? path : "/usr/bin:/bin"), *save = NULL;
    int found = 0;

    for (char *d = strtok_r(copy, ":", &save); d && !found;
         d = strtok_r(NULL, ":", &save)) {
        char *p = ig_host_path(d, prog);
        found = access(p, X_OK) == 0;
        free(p);
    }
    free(copy);
    return found;
}

/* Writes the CSV header to (csv), truncating it; 0 or -1 with errno. */
static int write_header(const char *csv)
{
    FILE *f = fopen(csv, "w");

    if (!f)
        return -1;
    int bad = fprintf(f, "%s\n", IG_BENCH_CSV_HEADER) < 0;
    if (fclose(f) != 0)
        bad = 1;
    return bad ? -1 : 0;
}

/* Runs one suite's script; returns its status (negative: not started).
 * Sets (*rows_ok) when its CSV holds at least the header. */
static int run_suite(const char *libdir, const char *out, const char *suite,
                     int *rows_ok)
{
    char *script = ig_xasprintf("%s/bench/%s.sh", libdir, suite);
    char *csvname = ig_xasprintf("%s.csv", suite);
    char *csv = ig_host_path(out, csvname);
    int st = -1;

    *rows_ok = 0;
    if (access(script, R_OK) != 0) {
        ig_host_error("bench %s: %s: %s (an incomplete install?)", suite,
                      script, strerror(errno));
    } else if (write_header(csv) != 0) {
        ig_host_error("bench %s: %s: %s", suite, csv, strerror(errno));
    } else {
        char *argv[] = {"bash", script, NULL};
        fprintf(stderr, "[bench] %s: %s\n", suite, script);
        st = ig_proc_run_adopting(argv, 0);
        if (st < 0)
            ig_host_error("bench %s: cannot start bash: %s", suite,
                          strerror(-st));
        else if (st != 0)
            ig_host_error("bench %s: the suite stopped with status %d; its "
                          "rows so far are in %s",
                          suite, st, csv);
        *rows_ok = 1;
    }
    free(script);
    free(csvname);
    free(csv);
    return st;
}

/* The directory of (out) relative to that of file (md), "" when the same,
 * or NULL when (out) is not under it (then the Markdown names no images). */
static char *relative_dir(const char *out, const char *md)
{
    char *mdcopy = ig_xstrdup(md);
    char *a = realpath(out, NULL), *b = realpath(dirname(mdcopy), NULL);
    char *rel = NULL;
    size_t blen = b ? strlen(b) : 0;

    if (a && b && strcmp(a, b) == 0)
        rel = ig_xstrdup("");
    else if (a && b && strncmp(a, b, blen) == 0 && a[blen] == '/')
        rel = ig_xstrdup(a + blen + 1);
    free(a);
    free(b);
    free(mdcopy);
    return rel;
}

static void set_env(const char *name, const char *value)
{
    if (setenv(name, value, 1) != 0)
        ig_host_oom();
}

/* Points the suites at this ingot and the ingot-cc beside it. */
static int setup_env(const struct ig_bench_opts *o, const char *libdir)
{
    char *self = realpath("/proc/self/exe", NULL);
    char buf[32];

    if (!self) {
        ig_host_error("bench: /proc/self/exe: %s", strerror(errno));
        return -1;
    }
    char *dir = ig_xstrdup(self);
    char *cc = ig_host_path(dirname(dir), "ingot-cc");
    int ok = access(cc, X_OK) == 0;
    if (!ok)
        ig_host_error("bench: %s: %s (ingot-cc belongs beside ingot)", cc,
                      strerror(errno));
    set_env("INGOT", self);
    set_env("INGOT_CC", cc);
    set_env("INGOT_LIBDIR", libdir);
    set_env("INGOT_BENCH_OUT", o->out);
    snprintf(buf, sizeof(buf), "%d", o->runs ? o->runs : o->quick ? 3 : 10);
    set_env("INGOT_BENCH_RUNS", buf);
    set_env("INGOT_BENCH_QUICK", o->quick ? "1" : "0");
    set_env("INGOT_BENCH_ACCEL", o->accel);
    snprintf(buf, sizeof(buf), "%ld", o->cap);
    set_env("INGOT_BENCH_CAP", o->cap ? buf : "");
    snprintf(buf, sizeof(buf), "%ld", o->keep_free_mib);
    set_env("INGOT_BENCH_KEEP_FREE_MIB", o->keep_free_mib ? buf : "");
    set_env("INGOT_BENCH_PLATFORMS", o->platform ? o->platform : "");
    free(self);
    free(dir);
    free(cc);
    return ok ? 0 : -1;
}

/* Plots, summary.md and --markdown from the CSV files in (t). */
static int write_results(const struct ig_bench_opts *o,
                         const struct ig_bench_table *t, const char *machine,
                         const char *cmd)
{
    struct ig_strvec pngs = {0};
    char err[600];
    int rc = 0;

    if (!in_path("gnuplot")) {
        ig_host_error("bench: gnuplot not installed; no plots "
                      "(scripts/deps.sh installs gnuplot-nox)");
    } else if (ig_bench_plot(t, o->out, &pngs, err, sizeof(err)) != 0) {
        ig_host_error("bench: %s", err);
        rc = -1;
    }
    char *path = ig_host_path(o->out, "summary.md");
    FILE *f = fopen(path, "w");
    if (!f) {
        ig_host_error("bench: %s: %s", path, strerror(errno));
        rc = -1;
    } else {
        fputs("# Ingot benchmarks\n\n", f);
        ig_bench_report(f, t, machine, cmd, &pngs, "");
        if (fclose(f) != 0) {
            ig_host_error("bench: %s: %s", path, strerror(errno));
            rc = -1;
        }
    }
    if (o->markdown) {
        char *text = NULL, *rel = relative_dir(o->out, o->markdown);
        size_t len = 0;
        FILE *m = open_memstream(&text, &len);
        if (!m)
            ig_host_oom();
        ig_bench_report(m, t, machine, cmd, &pngs, rel);
        fclose(m);
        if (ig_bench_md_splice(o->markdown, text, err, sizeof(err)) != 0) {
            ig_host_error("bench: --markdown: %s", err);
            rc = -1;
        }
        free(text);
        free(rel);
    }
    fprintf(stderr, "[bench] results: %s (summary.md, CSV, %zu plots)\n",
            o->out, pngs.n);
    free(path);
    ig_strvec_free(&pngs);
    return rc;
}

/* DIR/run.txt: the machine line and the command of the last run into
 * DIR, for `report`.  Returns 0 or -1 (reported). */
static int save_run(const char *out, const char *machine, const char *cmd)
{
    char *path = ig_host_path(out, "run.txt");
    FILE *f = fopen(path, "w");
    int bad = !f;

    if (f) {
        bad = fprintf(f, "%s\n%s\n", machine, cmd) < 0;
        if (fclose(f) != 0)
            bad = 1;
    }
    if (bad)
        ig_host_error("bench: %s: %s", path, strerror(errno));
    free(path);
    return bad ? -1 : 0;
}

/* Reads DIR/run.txt's two lines into (*machine) and (*cmd) (malloc'd);
 * -1 when it is missing or not two non-empty lines. */
static int load_run(const char *out, char **machine, char **cmd)
{
    char *path = ig_host_path(out, "run.txt");
    FILE *f = fopen(path, "r");
    char *line[2] = {NULL, NULL};
    size_t cap[2] = {0, 0};
    int ok = f != NULL;

    for (int i = 0; ok && i < 2; i++) {
        ssize_t n = getline(&line[i], &cap[i], f);
        if (n > 0 && line[i][n - 1] == '\n')
            line[i][--n] = '\0';
        ok = n > 0;
    }
    if (f)
        fclose(f);
    free(path);
    if (!ok) {
        free(line[0]);
        free(line[1]);
        return -1;
    }
    *machine = line[0];
    *cmd = line[1];
    return 0;
}

/* Appends DIR/SUITE.csv's rows to (t).  With (if_present), a missing
 * file is 1 (nothing read).  0, or -1 (reported) for an unreadable or
 * malformed file. */
static int read_suite(const char *out, const char *suite,
                      struct ig_bench_table *t, int if_present)
{
    char err[600];
    char *name = ig_xasprintf("%s.csv", suite);
    char *csv = ig_host_path(out, name);
    int rc = 0;

    if (if_present && access(csv, F_OK) != 0) {
        rc = 1;
    } else if (ig_bench_csv_read(csv, t, err, sizeof(err)) != 0) {
        ig_host_error("bench: %s", err);
        rc = -1;
    }
    free(name);
    free(csv);
    return rc;
}

/* `ingot bench report`: every SUITE.csv in -o DIR into (t). */
static int read_existing(const struct ig_bench_opts *o,
                         struct ig_bench_table *t)
{
    int found = 0, rc = 0;

    for (int s = 0; s < IG_BENCH_NSUITES; s++) {
        int r = read_suite(o->out, ig_bench_suites[s], t, 1);
        found += r != 1;
        if (r < 0)
            rc = -1;
    }
    if (!found) {
        ig_host_error("bench report: no SUITE.csv in %s (run a suite with "
                      "-o %s first)",
                      o->out, o->out);
        return -1;
    }
    return rc;
}

int ig_cmd_bench(int argc, char **argv)
{
    struct ig_bench_opts o;
    struct ig_bench_table t = {0};
    char err[600];
    int rc = 0;

    ig_host_set_prog("ingot", 1);
    if (ig_bench_parse_args(&o, argc, argv, err, sizeof(err)) != 0) {
        ig_host_error("bench: %s (see ingot bench --help)", err);
        return 1;
    }
    if (o.help) {
        fputs(usage, stdout);
        return 0;
    }
    if (o.report) {
        char *machine = NULL, *cmd = NULL;
        if (read_existing(&o, &t) != 0) {
            ig_bench_table_free(&t);
            return 1;
        }
        if (load_run(o.out, &machine, &cmd) != 0) {
            ig_host_error("bench report: %s/run.txt missing or unreadable; "
                          "the summary names this machine and no command",
                          o.out);
            machine = ig_bench_machine();
            cmd = ig_xstrdup("(unknown)");
        }
        rc = write_results(&o, &t, machine, cmd) != 0;
        ig_bench_table_free(&t);
        free(machine);
        free(cmd);
        return rc;
    }
    char *libdir = ig_host_libdir();
    if (!libdir) {
        ig_host_error("bench: cannot find the library directory: %s",
                      strerror(errno));
        return 1;
    }
    if (mkdir(o.out, 0777) != 0 && errno != EEXIST) {
        ig_host_error("bench: -o %s: %s", o.out, strerror(errno));
        free(libdir);
        return 1;
    }
    if (setup_env(&o, libdir) != 0) {
        free(libdir);
        return 1;
    }
    /* What the suites share in one run: the catalog's builds. */
    const char *base = getenv("TMPDIR");
    char *shared = ig_xasprintf("%s/ingot-bench-run.XXXXXX",
                                base && *base ? base : "/tmp");
    if (!mkdtemp(shared)) {
        ig_host_error("bench: %s: %s", shared, strerror(errno));
        free(shared);
        free(libdir);
        return 1;
    }
    set_env("INGOT_BENCH_SHARED", shared);
    /* The suites start their instances (httpd, QEMU) detached from the
     * script's shell, so that bash's own waits do not walk thousands of
     * children (lib.sh's bench_spawn); they become ours, and each is
     * reaped as it ends, so none lingers as a zombie that `kill -0` would
     * still find. */
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    char *args = ig_shquote_argv(argv);
    char *cmd = ig_xasprintf("ingot %s", args);
    free(args);
    for (int s = 0; s < IG_BENCH_NSUITES; s++) {
        if (!o.suites[s])
            continue;
        int rows;
        int st = run_suite(libdir, o.out, ig_bench_suites[s], &rows);
        if (st != 0)
            rc = 1;
        if (rows && read_suite(o.out, ig_bench_suites[s], &t, 0) != 0)
            rc = 1;
        if (st > 128 && st < 128 + 65) { /* interrupted: stop here */
            rc = st;
            break;
        }
    }
    ig_host_rmtree(shared);
    free(shared);
    char *machine = ig_bench_machine();
    if (save_run(o.out, machine, cmd) != 0 && rc == 0)
        rc = 1;
    if (write_results(&o, &t, machine, cmd) != 0 && rc == 0)
        rc = 1;
    free(machine);
    ig_bench_table_free(&t);
    free(cmd);
    free(libdir);
    return rc;
}
