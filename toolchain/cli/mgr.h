/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mgr.h: detached instances: `ingot run -d`, ps, logs, stop, kill, rm... */
#ifndef INGOT_MGR_H
#define INGOT_MGR_H

/*
 * An instance is a directory of the state store (<ingot/state.h>) under
 * ig_mgr_root(): its record (the store's fields for the monitor process:
 * pid and start time; the rest in the record's "extra" object, read and
 * written with ig_mgr_get_* / ig_mgr_set_*) and its logs (mgr_log.c).
 * `ingot run -d` (mgr_detach.c) creates it and forks the monitor
 * (mgr_monitor.c), which starts the runner (`ingot run` in-process), logs
 * its output, records how each run ended and restarts it per policy.
 * The commands (cmd_ps.c, cmd_logs.c, cmd_stop.c, cmd_stats.c) find an
 * instance by name, ID or ID prefix (ig_mgr_find()) and change its record
 * only under the store's lock (ig_mgr_update()).  docs/manage.md describes
 * the layout.
 *
 * Errors: 0 or -1 with a one-line "<what>: <why>" in (err).
 */

#include <stddef.h>
#include <sys/types.h>

#include <ingot/state.h>

struct ig_run_opts;

/* Fields of the record's "extra" object. */
#define IG_MGR_PHASE_STARTING "starting"     /* before the first run */
#define IG_MGR_PHASE_RUNNING "running"       /* a run is on */
#define IG_MGR_PHASE_RESTARTING "restarting" /* waiting to run again */
#define IG_MGR_PHASE_EXITED "exited"         /* final: the monitor ended */

/* --restart */
enum ig_mgr_restart {
    IG_MGR_RESTART_NO,
    IG_MGR_RESTART_ON_FAILURE,
    IG_MGR_RESTART_ALWAYS,
};

#define IG_MGR_LOG_SIZE_DEFAULT (1ll << 20) /* bytes per log file */
#define IG_MGR_LOG_FILES_DEFAULT 3          /* log files kept */
#define IG_MGR_LOG_FILES_MAX 100
#define IG_MGR_NAME_MAX 64

/* ---- mgr_args.c ---------------------------------------------------------
 */

/* Parses `--restart (v)` (no, on-failure[:N] or always) into (*policy)
 * and (*max) (0: no limit).  Returns 0, or -1 with the reason in (err). */
int ig_mgr_parse_restart(const char *v, enum ig_mgr_restart *policy, long *max,
                         char *err, size_t errlen);

/* Parses `--log-opt (v)` (max-size=SIZE or max-file=N) into (o). */
int ig_mgr_parse_log_opt(const char *v, struct ig_run_opts *o, char *err,
                         size_t errlen);

/* Returns 1 if (name) is a valid instance name: 1-64 of [A-Za-z0-9_.-],
 * starting with a letter or digit. */
int ig_mgr_name_ok(const char *name);

/* Parses a signal: a number 1-64 or a name with or without "SIG" (any
 * case).  Returns the number, or -1. */
int ig_mgr_parse_signal(const char *s);

/* ---- mgr_store.c -------------------------------------------------------- */

/* The state directory: $INGOT_STATE_DIR, else /run/ingot for root, else
 * $XDG_RUNTIME_DIR/ingot.  Returns it malloc'd, or NULL with the reason in
 * (err). */
char *ig_mgr_root(char *err, size_t errlen);

/* ig_mgr_root() that prints the reason itself. */
char *ig_mgr_root_say(void);

/* Resolves (ref), an instance name, ID or unique ID prefix, and loads its
 * record into (s).  Returns 0, or -1 with "REF: no such instance" or
 * "REF: ambiguous ID prefix" (or a load error) in (err). */
int ig_mgr_find(const char *root, const char *ref, struct ig_state *s,
                char *err, size_t errlen);

/* Loads every record under (root) (unreadable ones skipped), newest
 * first, into a malloc'd array; (*n) is set to its length.  Free with
 * ig_mgr_free_all. */
struct ig_state *ig_mgr_load_all(const char *root, size_t *n);
void ig_mgr_free_all(struct ig_state *v, size_t n);

/* Under the store's lock: loads instance (id), calls (fn) to change it
 * and saves it if (fn) returned 1 (0: nothing to save, -1: fail with
 * (err) as set by fn).  Returns 0, -2 when the instance is gone, -1 with
 * the reason in (err). */
int ig_mgr_update(const char *root, const char *id,
                  int (*fn)(struct ig_state *s, void *ctx, char *err,
                            size_t errlen),
                  void *ctx, char *err, size_t errlen);

/* ig_mgr_update() that sets the members of (fields) (an object, not
 * consumed) in the record's own fields. */
int ig_mgr_merge(const char *root, const char *id, json_t *fields, char *err,
                 size_t errlen);

/* The record's own fields (borrowed; "" / 0 when absent). */
const char *ig_mgr_get_str(const struct ig_state *s, const char *key);
long long ig_mgr_get_int(const struct ig_state *s, const char *key);
void ig_mgr_set_str(struct ig_state *s, const char *key, const char *v);
void ig_mgr_set_int(struct ig_state *s, const char *key, long long v);

/* Returns 1 while the instance is live: its monitor runs and the phase is
 * not final. */
int ig_mgr_active(const struct ig_state *s);

/* Returns 1 if the monitor of a non-final instance has died (a stale
 * entry: it is reported as "dead", never as running). */
int ig_mgr_stale(const struct ig_state *s);

/* Writes the human status ("running", "restarting", "exited 3",
 * "crashed (FAULT LINE)", "dead (monitor N died)") into (buf). */
void ig_mgr_status(const struct ig_state *s, char *buf, size_t len);

/* Wall-clock milliseconds since the epoch. */
long long ig_mgr_now_ms(void);

/* The runner's pid (0 when there is none or it is not the recorded one). */
pid_t ig_mgr_runner(const struct ig_state *s);

/* The pids of the runner's process tree (runner, VMM or tender), at most
 * (max); returns the count. */
int ig_mgr_tree(pid_t runner, pid_t *pids, int max);

/* ---- mgr_log.c ---------------------------------------------------------- */

/* The log writer: records "TIME STREAM F|P TEXT\n" (F: a full line, P: a
 * partial one without its newline) in DIR/log, rotated to log.1, log.2...
 * when it would exceed (max_size); at most (max_file) files are kept. */
struct ig_mgr_log {
    char *dir;
    int fd;
    long long size, max_size;
    int max_file;
};

int ig_mgr_log_open(struct ig_mgr_log *l, const char *dir, long long max_size,
                    int max_file, char *err, size_t errlen);
/* Logs (len) bytes of output from (stream) (1 stdout, 2 stderr). */
void ig_mgr_log_write(struct ig_mgr_log *l, int stream, const char *buf,
                      size_t len);
void ig_mgr_log_close(struct ig_mgr_log *l);

/* What `ingot logs` prints. */
struct ig_mgr_logs_opts {
    long tail;      /* last lines only; -1 for all */
    int timestamps; /* each line starts with its time */
    int follow;     /* keep printing until the instance ends */
};

/* Prints the logs in (dir) (stdout records on stdout, stderr records on
 * stderr); with (o->follow), until (alive)(ctx) returns 0 and everything
 * is read.  Returns 0, or -1 after printing why. */
int ig_mgr_logs_print(const char *dir, const struct ig_mgr_logs_opts *o,
                      int (*alive)(void *ctx), void *ctx);

/* ---- cmd_ps.c, cmd_logs.c, cmd_stop.c, cmd_stats.c --------------------- */

/* `ingot inspect NAME|ID`: prints the instance's JSON.  Returns 0, or 1
 * after printing why. */
int ig_mgr_inspect(const char *ref);

/* The subcommands; (argv)[0] is the command's name. */
int ig_cmd_ps(int argc, char **argv);
int ig_cmd_logs(int argc, char **argv);
int ig_cmd_stop(int argc, char **argv);
int ig_cmd_kill(int argc, char **argv);
int ig_cmd_rm(int argc, char **argv);
int ig_cmd_wait(int argc, char **argv);
int ig_cmd_stats(int argc, char **argv);

/* ---- mgr_detach.c, mgr_monitor.c ---------------------------------------- */

/* `ingot run -d`: creates the instance for (o) ((argv) is the run command
 * line, recorded), starts its monitor and prints the ID once the guest
 * runs.  Returns 0, or 125 after printing why (the guest's own first
 * error when it failed to start). */
int ig_mgr_run_detached(struct ig_run_opts *o, int argc, char **argv);

/* The monitor's body in the forked process: runs instance (id) under
 * (root) as (o) says until it ends for good; (ready_fd) gets "ok\n" once
 * the first run has started, or "fail\n" and the runner's errors when it
 * could not.  Never returns. */
_Noreturn void ig_mgr_monitor(const char *root, const char *id,
                              struct ig_run_opts *o, int ready_fd);

#endif /* INGOT_MGR_H */
