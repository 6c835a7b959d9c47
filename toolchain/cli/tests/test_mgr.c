/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_mgr.c: run -d's options, signals, the log's rotation and reader,
 * and finding instances in the store. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ingot/host.h>

#include "mgr.h"
#include "run.h"
#include "unit.h"

static char err[512];

#define PARSE(o, ...)                                                          \
    ig_run_parse_args(                                                         \
        (o), (int)(sizeof((char *[]){"run", __VA_ARGS__}) / sizeof(char *)),   \
        (char *[]){"run", __VA_ARGS__, NULL}, err, sizeof(err))

static void test_args(void)
{
    struct ig_run_opts o;

    CHECK_INT(PARSE(&o, "-d", "--name", "web-1", "--restart", "on-failure:2",
                    "--log-opt", "max-size=8K", "--log-opt", "max-file=2",
                    "img"),
              0);
    CHECK_INT(o.detach, 1);
    CHECK_STR(o.name, "web-1");
    CHECK_INT(o.restart, IG_MGR_RESTART_ON_FAILURE);
    CHECK_INT(o.restart_max, 2);
    CHECK_INT(o.log_max_size, 8192);
    CHECK_INT(o.log_max_file, 2);
    ig_run_opts_free(&o);
    CHECK_INT(PARSE(&o, "--detach", "--rm", "img"), 0);
    CHECK_INT(o.rm, 1);
    ig_run_opts_free(&o);
    CHECK_INT(PARSE(&o, "-d", "--restart=always", "img"), 0);
    CHECK_INT(o.restart, IG_MGR_RESTART_ALWAYS);
    ig_run_opts_free(&o);

    static const struct {
        const char *a, *b, *want;
    } bad[] = {
        {"--restart", "sometimes",
         "--restart sometimes: must be no, always, on-failure or "
         "on-failure:N (N from 1 to 1000000)"},
        {"--restart", "on-failure:0", NULL},
        {"--restart", "on-failure:", NULL},
        {"--restart", "on-failure:x", NULL},
        {"--restart", "always:3", NULL},
        {"--name", "-x", NULL},
        {"--name", "a/b", NULL},
        {"--name", "", NULL},
        {"--log-opt", "max-size=1K", NULL},
        {"--log-opt", "max-size=lots", NULL},
        {"--log-opt", "max-file=0", NULL},
        {"--log-opt", "max-file=101", NULL},
        {"--log-opt", "colour=blue",
         "--log-opt colour=blue: must be max-size=SIZE or max-file=N"},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        CHECK_INT(PARSE(&o, "-d", (char *)bad[i].a, (char *)bad[i].b, "img"),
                  -1);
        CHECK(strncmp(err, bad[i].a, strlen(bad[i].a)) == 0);
        CHECK(!strchr(err, '\n'));
        if (bad[i].want)
            CHECK_STR(err, bad[i].want);
        ig_run_opts_free(&o);
    }
    CHECK_INT(PARSE(&o, "--name", "web", "img"), -1);
    CHECK_STR(err, "--name needs -d (a detached instance)");
    ig_run_opts_free(&o);
    CHECK_INT(PARSE(&o, "--rm", "img"), -1);
    CHECK_STR(err, "--rm needs -d (a detached instance)");
    ig_run_opts_free(&o);
    CHECK_INT(PARSE(&o, "-d", "--rm", "--restart", "always", "img"), -1);
    CHECK_STR(err, "--rm and --restart exclude each other");
    ig_run_opts_free(&o);
    CHECK_INT(PARSE(&o, "-d", "--dry-run", "img"), -1);
    CHECK_STR(err, "-d and --dry-run exclude each other");
    ig_run_opts_free(&o);
}

static void test_signals(void)
{
    CHECK_INT(ig_mgr_parse_signal("TERM"), SIGTERM);
    CHECK_INT(ig_mgr_parse_signal("sigkill"), SIGKILL);
    CHECK_INT(ig_mgr_parse_signal("SIGUSR1"), SIGUSR1);
    CHECK_INT(ig_mgr_parse_signal("9"), 9);
    CHECK_INT(ig_mgr_parse_signal("64"), 64);
    CHECK_INT(ig_mgr_parse_signal("0"), -1);
    CHECK_INT(ig_mgr_parse_signal("65"), -1);
    CHECK_INT(ig_mgr_parse_signal("-9"), -1);
    CHECK_INT(ig_mgr_parse_signal("SIG"), -1);
    CHECK_INT(ig_mgr_parse_signal("FOO"), -1);
    CHECK_INT(ig_mgr_parse_signal(""), -1);
}

/* Runs ig_mgr_logs_print() on (dir) and returns what it printed on
 * stdout (malloc'd). */
static char *capture(const char *dir, long tail, int ts)
{
    struct ig_mgr_logs_opts o = {.tail = tail, .timestamps = ts};
    char path[] = "/tmp/ingot-mgr-out-XXXXXX";
    int fd = mkstemp(path), saved = dup(1);

    fflush(stdout);
    dup2(fd, 1);
    ig_mgr_logs_print(dir, &o, NULL, NULL);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    off_t len = lseek(fd, 0, SEEK_END);
    char *buf = calloc(1, (size_t)len + 1);
    CHECK(pread(fd, buf, (size_t)len, 0) == len);
    close(fd);
    unlink(path);
    return buf;
}

static void test_log(void)
{
    char dir[] = "/tmp/ingot-mgr-log-XXXXXX";
    struct ig_mgr_log l;
    struct stat st;

    CHECK(mkdtemp(dir) != NULL);
    CHECK_INT(ig_mgr_log_open(&l, dir, 4096, 3, err, sizeof(err)), 0);
    ig_mgr_log_write(&l, 1, "first ", 6);
    ig_mgr_log_write(&l, 1, "line\nsecond line\n", 17);
    ig_mgr_log_write(&l, 2, "to stderr\n", 10);
    char *out = capture(dir, -1, 0);
    CHECK_STR(out, "first line\nsecond line\n");
    free(out);
    out = capture(dir, 2, 0); /* the last two lines of both streams */
    CHECK_STR(out, "second line\n");
    free(out);
    out = capture(dir, -1, 1);
    CHECK(strlen(out) > 30 && out[4] == '-' && strstr(out, "Z first line\n"));
    free(out);
    /* A line read in two pieces is still one line for --tail. */
    ig_mgr_log_write(&l, 1, "spl", 3);
    ig_mgr_log_write(&l, 1, "it\n", 3);
    out = capture(dir, 1, 0);
    CHECK_STR(out, "split\n");
    free(out);
    /* 40 KiB through a 3 x 4 KiB log: the newest lines stay, in order. */
    char line[64];
    for (int i = 0; i < 1000; i++) {
        int n = snprintf(line, sizeof(line), "line %04d\n", i);
        ig_mgr_log_write(&l, 1, line, (size_t)n);
    }
    ig_mgr_log_close(&l);
    long long total = 0;
    for (int k = 0; k < 5; k++) {
        char *p =
            k ? ig_xasprintf("%s/log.%d", dir, k) : ig_xasprintf("%s/log", dir);
        if (stat(p, &st) == 0) {
            CHECK(k < 3);
            CHECK(st.st_size <= 4096);
            total += st.st_size;
        }
        free(p);
    }
    CHECK(total > 2 * 4096 && total <= 3 * 4096);
    out = capture(dir, 3, 0);
    CHECK_STR(out, "line 0997\nline 0998\nline 0999\n");
    free(out);
    out = capture(dir, -1, 0);
    const char *first = strstr(out, "line ");
    CHECK(first && strstr(out, "line 0999\n"));
    CHECK(!strstr(out, "line 0000"));
    /* Consecutive: nothing lost inside the kept window. */
    int a = first ? atoi(first + 5) : 0, b = a, c;
    for (const char *p = first; p && (p = strstr(p, "line ")); p += 5) {
        c = atoi(p + 5);
        if (p != first)
            CHECK_INT(c, b + 1);
        b = c;
    }
    CHECK(a > 0);
    free(out);
    ig_host_rmtree(dir);
}

static void make(const char *root, const char *id, const char *name)
{
    struct ig_state s = {.id = (char *)id, .pid = getpid()};
    s.start_time = ig_state_proc_start(getpid());
    s.extra =
        json_pack("{s:s,s:s}", "name", name, "phase", IG_MGR_PHASE_RUNNING);
    CHECK_INT(ig_state_create(root, id, err, sizeof(err)), 0);
    CHECK_INT(ig_state_save(root, &s, err, sizeof(err)), 0);
    json_decref(s.extra);
}

static void test_store(void)
{
    char dir[] = "/tmp/ingot-mgr-store-XXXXXX";
    struct ig_state s;
    char buf[128];

    CHECK(mkdtemp(dir) != NULL);
    setenv("INGOT_STATE_DIR", dir, 1);
    char *root = ig_mgr_root(err, sizeof(err));
    CHECK_STR(root, dir);
    setenv("INGOT_STATE_DIR", "relative", 1);
    CHECK(ig_mgr_root(err, sizeof(err)) == NULL);
    CHECK_STR(err, "INGOT_STATE_DIR=relative: not an absolute path");
    make(root, "abc111", "web");
    make(root, "abc222", "db");
    CHECK_INT(ig_mgr_find(root, "web", &s, err, sizeof(err)), 0);
    CHECK_STR(s.id, "abc111");
    CHECK(ig_mgr_active(&s));
    ig_mgr_status(&s, buf, sizeof(buf));
    CHECK_STR(buf, "running");
    /* A monitor that is gone: dead, never running. */
    s.start_time++;
    CHECK(!ig_mgr_active(&s));
    CHECK(ig_mgr_stale(&s));
    ig_mgr_status(&s, buf, sizeof(buf));
    CHECK(strncmp(buf, "dead (monitor ", 14) == 0);
    ig_state_free(&s);
    CHECK_INT(ig_mgr_find(root, "abc2", &s, err, sizeof(err)), 0);
    CHECK_STR(ig_mgr_get_str(&s, "name"), "db");
    ig_state_free(&s);
    CHECK_INT(ig_mgr_find(root, "abc", &s, err, sizeof(err)), -1);
    CHECK_STR(err, "abc: ambiguous ID prefix");
    CHECK_INT(ig_mgr_find(root, "nope", &s, err, sizeof(err)), -1);
    CHECK_STR(err, "nope: no such instance");
    json_t *f =
        json_pack("{s:s,s:i}", "phase", IG_MGR_PHASE_EXITED, "exit_status", 3);
    CHECK_INT(ig_mgr_merge(root, "abc222", f, err, sizeof(err)), 0);
    json_decref(f);
    CHECK_INT(ig_mgr_find(root, "db", &s, err, sizeof(err)), 0);
    ig_mgr_status(&s, buf, sizeof(buf));
    CHECK_STR(buf, "exited 3");
    CHECK(!ig_mgr_stale(&s));
    ig_state_free(&s);
    int lock = ig_state_lock(root, 1, err, sizeof(err));
    CHECK(lock >= 0);
    ig_state_unlock(lock);
    free(root);
    ig_host_rmtree(dir);
}

int main(void)
{
    test_args();
    test_signals();
    test_log();
    test_store();
    return unit_done();
}
