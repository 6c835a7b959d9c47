/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* state.h: a store of running Ingot instances (one directory each). */
#ifndef INGOT_STATE_H
#define INGOT_STATE_H

/*
 * Each instance has a directory ROOT/ID holding IG_STATE_FILE (this record)
 * and whatever its owner keeps beside it.  ig_state_create() makes the
 * directory (refusing an ID in use), ig_state_save() writes the record
 * atomically, ig_state_load() reads it back, ig_state_status() tells
 * created / running / paused / stopped from the record and /proc, and
 * ig_state_remove() deletes the directory.  ig_state_lock() serialises
 * read-modify-write sequences of several processes on one ROOT (a flock on
 * ROOT/.lock), and ig_state_list() enumerates the records.  The OCI
 * runtime (ingot-runc) and `ingot run -d`/`ps`/`stop`... (toolchain/cli,
 * docs/manage.md) use it; nothing in it is specific to either.
 *
 * Errors: functions return 0 or -1 with a one-line reason in (err); loads
 * of an unknown ID return -2 so callers can tell "not ours" apart.
 */

#include <stddef.h>
#include <sys/types.h>

#include <jansson.h>

struct ig_strvec;

/* Not runc's state.json: both may share one --root. */
#define IG_STATE_FILE "ingot-state.json"

struct ig_state {
    char *id;
    pid_t pid;                     /* the instance's process, 0 before it */
    unsigned long long start_time; /* its /proc start time (clock ticks) */
    char *bundle;                  /* absolute */
    char *rootfs;                  /* absolute */
    char *created;                 /* RFC 3339, UTC */
    int started;                   /* start has released it */
    int paused;                    /* stopped with SIGSTOP */
    json_t *extra; /* the owner's own fields (an object), or NULL */
};

/* Returns 1 if (id) is a valid ID: 1-1024 of [A-Za-z0-9_+.-], not "." or
 * "..".  IDs become directory names. */
int ig_state_id_ok(const char *id);

/* Returns ROOT/ID (malloc'd). */
char *ig_state_dir(const char *root, const char *id);

/* Creates (root) and its parents if needed (mode 0711) and ROOT/ID (0700).
 * Returns 0, or -1 with "container ID already exists" or the system's reason in
 * (err). */
int ig_state_create(const char *root, const char *id, char *err, size_t errlen);

/* Creates directory (root) and its missing parents (mode 0711).  Returns 0,
 * or -1 with "<dir>: <strerror>" in (err). */
int ig_state_mkroot(const char *root, char *err, size_t errlen);

/* Takes the lock of (root) (creating (root) and ROOT/.lock if needed),
 * waiting for it: exclusive for writers, shared when (exclusive) is 0.
 * Returns the descriptor to give to ig_state_unlock(), or -1 with the
 * reason in (err). */
int ig_state_lock(const char *root, int exclusive, char *err, size_t errlen);

/* Releases a lock taken by ig_state_lock(). */
void ig_state_unlock(int fd);

/* Appends to (ids) the IDs under (root) that hold a record, sorted.
 * A missing (root) is empty.  Returns 0, or -errno of opendir(). */
int ig_state_list(const char *root, struct ig_strvec *ids);

/* Writes (s) as ROOT/ID/IG_STATE_FILE through a temporary file and rename.
 * Returns 0 or -1 with the reason in (err). */
int ig_state_save(const char *root, const struct ig_state *s, char *err,
                  size_t errlen);

/* Reads ROOT/ID/IG_STATE_FILE into (s) (free it with ig_state_free()).
 * Returns 0; -2 when there is no such record; -1 with the reason in (err)
 * when it is unreadable or malformed. */
int ig_state_load(const char *root, const char *id, struct ig_state *s,
                  char *err, size_t errlen);

/* Frees the strings of (s). */
void ig_state_free(struct ig_state *s);

/* Removes ROOT/ID and everything in it. */
void ig_state_remove(const char *root, const char *id);

/* Returns the start time of process (pid) from /proc/PID/stat, or 0 if it
 * does not exist or is a zombie (it has ended). */
unsigned long long ig_state_proc_start(pid_t pid);

/* Returns 1 if (s)'s process is still the one recorded and has not ended. */
int ig_state_alive(const struct ig_state *s);

/* Returns "created", "running", "paused" or "stopped"; (created_marker) is
 * 1 while the owner's start barrier still exists. */
const char *ig_state_status(const struct ig_state *s, int created_marker);

/* Returns the state as runc prints it (ociVersion, id, pid, status, bundle,
 * rootfs, created, owner), with (annotations) (borrowed, may be NULL). */
json_t *ig_state_oci_json(const struct ig_state *s, const char *status,
                          json_t *annotations);

/* Writes the current time as RFC 3339 with nanoseconds into (buf). */
void ig_state_now(char *buf, size_t len);

#endif /* INGOT_STATE_H */
