/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mgr_monitor.c: the monitor of a detached instance: run, log, restart. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <ingot/host.h>

#include "mgr.h"
#include "run.h"

/* How long a started guest must stay up, silent, before `run -d` returns
 * (output or an exit return at once). */
#define READY_MS 300
#define BACKOFF_MAX_MS 10000

struct mon {
    const char *root, *id;
    struct ig_run_opts *o;
    struct ig_mgr_log log;
    int sfd;      /* signalfd: SIGCHLD, stop requests */
    int ready_fd; /* to `run -d` until the first run started, else -1 */
    pid_t runner;
    int fds[3]; /* runner's stdout, stderr, boot hook; -1 at EOF */
    int reaped, status;
    long long ready_at; /* hook seen: ready at this time (ms), or 0 */
    long long stop_at;  /* stop requested: SIGKILL at this time, or 0 */
    char line[2][256];  /* the current line of each stream, for faults */
    size_t linelen[2];
    char fault[256];  /* first "ingot: fatal:" line of this run */
    char early[4096]; /* the first run's stderr, for a failed start */
    size_t earlylen;
    char info[32768]; /* the boot hook's JSON, complete at end of file */
    size_t infolen;
};

static int info_fd = -1; /* the runner's end of the boot hook channel */

static void set(struct mon *m, json_t *fields)
{
    char err[256];
    ig_mgr_merge(m->root, m->id, fields, err, sizeof(err));
    json_decref(fields);
}

/* In the runner, just before the platform's command starts. */
static void boot_hook(const struct ig_run_opts *o, const char *plat,
                      char *const *argv)
{
    json_t *cmd = json_array();
    for (size_t i = 0; argv[i]; i++)
        json_array_append_new(cmd, json_string(argv[i]));
    json_t *j = json_pack("{s:s,s:o,s:I}", "platform", plat, "host_command",
                          cmd, "memory", (json_int_t)o->mem);
    char *text = json_dumps(j, JSON_COMPACT);
    ig_write_all(info_fd, text, strlen(text));
    free(text);
    json_decref(j);
    close(info_fd);
}

static _Noreturn void runner(struct mon *m, int out, int err, int info)
{
    sigset_t none;
    int null = open("/dev/null", O_RDONLY);

    /* The instance does not outlive its monitor (nobody would record how
     * it ends): the runner's own children follow it the same way. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    prctl(PR_SET_NAME, "ingot-runner");
    close(m->sfd);
    close(m->log.fd);
    if (m->ready_fd >= 0)
        close(m->ready_fd);
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    if (null < 0 || dup2(null, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0)
        _exit(IG_RUN_STATUS_FAIL);
    info_fd = info;
    ig_run_boot_hook = boot_hook;
    /* The monitor decides when a stop turns into SIGKILL (ingot stop -t). */
    m->o->stop_timeout = IG_RUN_STOP_TIMEOUT_MAX;
    int r = ig_run_boot(m->o);
    fflush(stdout);
    fflush(stderr);
    _exit(r);
}

static int start(struct mon *m, int run)
{
    int p[3][2];

    for (int i = 0; i < 3; i++)
        if (pipe2(p[i], O_CLOEXEC) < 0)
            return -1;
    pid_t pid = fork();
    if (pid == 0) {
        for (int i = 0; i < 3; i++)
            close(p[i][0]);
        runner(m, p[0][1], p[1][1], p[2][1]);
    }
    for (int i = 0; i < 3; i++) {
        close(p[i][1]);
        m->fds[i] = p[i][0];
    }
    if (pid < 0)
        return -1;
    m->runner = pid;
    m->reaped = 0;
    m->ready_at = m->stop_at = 0;
    m->fault[0] = '\0';
    m->linelen[0] = m->linelen[1] = 0;
    set(m, json_pack("{s:s,s:i,s:i,s:I,s:I,s:n}", "phase", IG_MGR_PHASE_RUNNING,
                     "run", run, "runner_pid", (int)pid, "runner_start",
                     (json_int_t)ig_state_proc_start(pid), "started_at",
                     (json_int_t)ig_mgr_now_ms(), "fault"));
    return 0;
}

static void ready(struct mon *m)
{
    if (m->ready_fd >= 0) {
        ig_write_all(m->ready_fd, "ok\n", 3);
        close(m->ready_fd);
        m->ready_fd = -1;
    }
}

/* Watches the console for the crash report's first line. */
static void scan(struct mon *m, int s, const char *buf, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (buf[i] != '\n') {
            if (m->linelen[s] < sizeof(m->line[s]) - 1)
                m->line[s][m->linelen[s]++] = buf[i];
            continue;
        }
        m->line[s][m->linelen[s]] = '\0';
        const char *f = strstr(m->line[s], "ingot: fatal: ");
        if (f && !m->fault[0])
            snprintf(m->fault, sizeof(m->fault), "%s", f + 14);
        m->linelen[s] = 0;
    }
}

static void on_info(struct mon *m)
{
    ssize_t n =
        read(m->fds[2], m->info + m->infolen, sizeof(m->info) - 1 - m->infolen);

    if (n < 0 && errno == EINTR)
        return;
    if (n > 0) {
        m->infolen += (size_t)n;
        if (!m->ready_at)
            m->ready_at = ig_mgr_now_ms() + READY_MS;
        if (m->infolen < sizeof(m->info) - 1)
            return;
    }
    /* End of file (or a full buffer): the record is complete. */
    m->info[m->infolen] = '\0';
    json_t *j = m->infolen ? json_loads(m->info, 0, NULL) : NULL;
    if (json_is_object(j))
        set(m, j);
    else
        json_decref(j);
    m->infolen = 0;
    close(m->fds[2]);
    m->fds[2] = -1;
}

static void on_output(struct mon *m, int i)
{
    char buf[4096];
    ssize_t n = read(m->fds[i], buf, sizeof(buf));

    if (n < 0 && errno == EINTR)
        return;
    if (n <= 0) {
        close(m->fds[i]);
        m->fds[i] = -1;
        return;
    }
    ig_mgr_log_write(&m->log, i + 1, buf, (size_t)n);
    scan(m, i, buf, (size_t)n);
    if (i == 1 && m->ready_fd >= 0 &&
        m->earlylen + (size_t)n < sizeof(m->early)) {
        memcpy(m->early + m->earlylen, buf, (size_t)n);
        m->earlylen += (size_t)n;
    }
    if (m->ready_at && i == 0)
        ready(m); /* the guest's console speaks: it runs (QEMU's own
                     complaints on stderr do not count) */
}

/* A stop request (ingot stop, or a signal to the monitor): SIGTERM to the
 * runner, which passes it to the guest; SIGKILL after the timeout. */
static void stop_request(struct mon *m, int from_signal)
{
    struct ig_state s;
    char err[256];

    if (m->stop_at || ig_state_load(m->root, m->id, &s, err, sizeof(err)))
        return;
    long long t = json_is_integer(json_object_get(s.extra, "stop_timeout"))
                      ? ig_mgr_get_int(&s, "stop_timeout")
                      : m->o->stop_timeout;
    int asked = json_is_true(json_object_get(s.extra, "stop_requested"));
    ig_state_free(&s);
    if (!asked && !from_signal)
        return;
    if (!asked)
        set(m, json_pack("{s:b}", "stop_requested", 1));
    if (!m->reaped && m->runner > 0)
        kill(m->runner, SIGTERM);
    m->stop_at = ig_mgr_now_ms() + t * 1000 + 1;
}

static int stop_wanted(struct mon *m)
{
    struct ig_state s;
    char err[256];

    if (ig_state_load(m->root, m->id, &s, err, sizeof(err)))
        return 1; /* removed under us (rm -f) */
    int r = json_is_true(json_object_get(s.extra, "stop_requested"));
    ig_state_free(&s);
    return r;
}

static void on_signal(struct mon *m)
{
    struct signalfd_siginfo si;
    int st;

    if (read(m->sfd, &si, sizeof(si)) != sizeof(si))
        return;
    if (si.ssi_signo == SIGUSR1)
        stop_request(m, 0);
    else if (si.ssi_signo != SIGCHLD)
        stop_request(m, 1);
    if (!m->reaped && m->runner > 0 && waitpid(m->runner, &st, WNOHANG) > 0) {
        m->reaped = 1;
        m->status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    }
}

/* Runs the runner to its end; returns its exit status. */
static int supervise(struct mon *m)
{
    long long reaped_at = 0;

    for (;;) {
        long long now = ig_mgr_now_ms();
        if (m->reaped && !reaped_at)
            reaped_at = now;
        /* Output the guest's last process left in the pipes is read for
         * a second after the runner ended, then given up. */
        if (m->reaped &&
            ((m->fds[0] < 0 && m->fds[1] < 0) || now - reaped_at > 1000))
            break;
        if (m->ready_at && now >= m->ready_at)
            ready(m);
        if (m->stop_at && now >= m->stop_at && !m->reaped) {
            kill(m->runner, SIGKILL);
            m->stop_at = 0;
        }
        long long wake = 1000;
        if (m->ready_at && m->ready_fd >= 0)
            wake = m->ready_at - now;
        if (m->stop_at && m->stop_at - now < wake)
            wake = m->stop_at - now;
        struct pollfd pfd[4] = {{m->sfd, POLLIN, 0}};
        for (int i = 0; i < 3; i++)
            pfd[i + 1] = (struct pollfd){m->fds[i], POLLIN, 0};
        if (poll(pfd, 4, (int)(wake < 0 ? 0 : wake)) <= 0)
            continue;
        if (pfd[0].revents)
            on_signal(m);
        for (int i = 0; i < 2; i++)
            if (pfd[i + 1].revents)
                on_output(m, i);
        if (pfd[3].revents)
            on_info(m);
    }
    for (int i = 0; i < 3; i++)
        if (m->fds[i] >= 0)
            close(m->fds[i]);
    return m->status;
}

/* Waits (ms) for a stop request; returns 1 if one came. */
static int backoff(struct mon *m, long long ms)
{
    long long until = ig_mgr_now_ms() + ms;

    for (long long now; (now = ig_mgr_now_ms()) < until;) {
        struct pollfd p = {m->sfd, POLLIN, 0};
        if (poll(&p, 1, (int)(until - now)) > 0) {
            struct signalfd_siginfo si;
            if (read(m->sfd, &si, sizeof(si)) == sizeof(si) &&
                si.ssi_signo != SIGCHLD)
                return 1;
        }
    }
    return stop_wanted(m);
}

static int should_restart(struct mon *m, int status, long total)
{
    if (stop_wanted(m))
        return 0;
    if (m->o->restart == IG_MGR_RESTART_ALWAYS)
        return 1;
    return m->o->restart == IG_MGR_RESTART_ON_FAILURE && status != 0 &&
           (m->o->restart_max == 0 || total < m->o->restart_max);
}

/* --rm: waits for `ingot wait` callers (a shared flock on DIR/.wait) to
 * have read the status, then removes the instance. */
static void remove_self(struct mon *m)
{
    char err[256];
    char *p = ig_xasprintf("%s/%s/.wait", m->root, m->id);
    int fd = open(p, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    free(p);
    if (fd >= 0)
        flock(fd, LOCK_EX);
    int lock = ig_state_lock(m->root, 1, err, sizeof(err));
    ig_state_remove(m->root, m->id);
    ig_state_unlock(lock);
    if (fd >= 0)
        close(fd);
}

_Noreturn void ig_mgr_monitor(const char *root, const char *id,
                              struct ig_run_opts *o, int ready_fd)
{
    struct mon m = {.root = root, .id = id, .o = o, .ready_fd = ready_fd};
    char err[512];
    sigset_t set_;
    long total = 0, streak = 0; /* restarts: all, and in quick succession */

    prctl(PR_SET_NAME, "ingot-monitor");
    sigemptyset(&set_);
    int sigs[] = {SIGCHLD, SIGUSR1, SIGTERM, SIGINT, SIGHUP};
    for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
        sigaddset(&set_, sigs[i]);
    sigprocmask(SIG_BLOCK, &set_, NULL);
    signal(SIGPIPE, SIG_IGN);
    m.sfd = signalfd(-1, &set_, SFD_CLOEXEC);
    char *dir = ig_state_dir(root, id);
    long long size =
        o->log_max_size ? o->log_max_size : IG_MGR_LOG_SIZE_DEFAULT;
    int files = o->log_max_file ? o->log_max_file : IG_MGR_LOG_FILES_DEFAULT;
    if (m.sfd < 0 ||
        ig_mgr_log_open(&m.log, dir, size, files, err, sizeof(err)) < 0 ||
        start(&m, 1) < 0) {
        dprintf(ready_fd, "fail\ningot: monitor: %s\n",
                m.sfd < 0 ? strerror(errno) : err);
        ig_state_remove(root, id);
        _exit(1);
    }
    for (int run = 1;; run++) {
        long long began = ig_mgr_now_ms();
        int status = supervise(&m);
        if (m.ready_fd >= 0 && status == IG_RUN_STATUS_FAIL) {
            /* It never started: `run -d` reports why and nothing stays. */
            dprintf(m.ready_fd, "fail\n%.*s", (int)m.earlylen, m.early);
            remove_self(&m);
            _exit(1);
        }
        ready(&m);
        json_t *end =
            json_pack("{s:i,s:i,s:I}", "exit_status", status, "exit_run", run,
                      "finished_at", (json_int_t)ig_mgr_now_ms());
        json_object_set_new(end, "fault",
                            m.fault[0] ? json_string(m.fault) : json_null());
        if (!should_restart(&m, status, total)) {
            json_object_set_new(end, "phase", json_string(IG_MGR_PHASE_EXITED));
            set(&m, end);
            break;
        }
        /* Like docker: 100 ms doubling per restart, reset after a run of
         * ten seconds or more. */
        if (ig_mgr_now_ms() - began >= BACKOFF_MAX_MS)
            streak = 0;
        long long delay = 100ll << (streak < 7 ? streak : 7);
        streak++, total++;
        json_object_set_new(end, "phase", json_string(IG_MGR_PHASE_RESTARTING));
        json_object_set_new(end, "restarts", json_integer(total));
        set(&m, end);
        if (backoff(&m, delay < BACKOFF_MAX_MS ? delay : BACKOFF_MAX_MS) ||
            start(&m, run + 1) < 0) {
            set(&m, json_pack("{s:s}", "phase", IG_MGR_PHASE_EXITED));
            break;
        }
    }
    ig_mgr_log_close(&m.log);
    if (o->rm)
        remove_self(&m);
    _exit(0);
}
