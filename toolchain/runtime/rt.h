/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* rt.h: ingot-runc, the OCI runtime for Ingot bundles (runc's command line). */
#ifndef INGOT_RT_H
#define INGOT_RT_H

/*
 * main.c reads the global options into struct ig_rt and picks the
 * subcommand.  create/run read the bundle (bundle.c) and, if its rootfs is
 * not an Ingot image, exec runc with the same arguments; commands naming a
 * container do the same unless the state store (<ingot/state.h>) knows it.
 * create (create.c) forks the container process: it enters the network
 * namespace, waits on ROOT/ID/exec.fifo until start, takes over the
 * namespace's interface (net.c) and execs `ingot run`.  Hooks (hooks.c)
 * run at create, start and delete; cgroup.c places the process.
 */

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include <jansson.h>

#include <ingot/host.h>
#include <ingot/state.h>

/* Global options, as runc takes them. */
struct ig_rt {
    const char *root; /* --root, default /run/ingot-runc */
    const char *log;  /* --log FILE, or NULL for stderr only */
    int log_json;     /* --log-format json */
    int systemd_cgroup;
    int debug;
    char **argv; /* the whole command line, for handing over to runc */
};

/* ---- log.c -------------------------------------------------------------- */

/* Reports an error: "ingot-runc: MSG" on stderr, and a line in --log
 * ({"level":"error","msg":MSG,"time":...} with --log-format json, else
 * logfmt), which is what containerd's shim shows the user. */
void ig_rt_error(const struct ig_rt *rt, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Like ig_rt_error() at level "debug", written only with --debug. */
void ig_rt_debug(const struct ig_rt *rt, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ---- bundle.c ----------------------------------------------------------- */

/* Where `ingot pkg` puts the kernel in the image (IG_OCI_KERNEL_PATH). */
#define IG_RT_KERNEL "ingot/kernel"

#define IG_RT_MAX_MOUNTS 16
#define IG_RT_MAX_HOOKS 32

struct ig_rt_mount {
    char *src, *dst; /* a bind mount: host path, absolute guest path */
    int ro;
};

struct ig_rt_hook {
    char *path;
    struct ig_strvec args, env;
    int timeout; /* seconds, 0 for none */
};

enum ig_rt_hook_kind {
    IG_RT_HOOK_PRESTART,
    IG_RT_HOOK_CREATE_RUNTIME,
    IG_RT_HOOK_CREATE_CONTAINER,
    IG_RT_HOOK_START_CONTAINER,
    IG_RT_HOOK_POSTSTART,
    IG_RT_HOOK_POSTSTOP,
    IG_RT_HOOK_KINDS
};

/* What ingot-runc takes from config.json. */
struct ig_rt_spec {
    char *root; /* root.path as written */
    struct ig_strvec args;
    struct ig_strvec env;
    char *cwd;
    int terminal;
    char *hostname;
    /* process.user: uid and gid (0 when absent); the additional gids are
     * not passed on (the guest has one group list: its /etc/group). */
    uint32_t uid, gid;
    uint64_t mem_limit; /* linux.resources.memory.limit, 0 for none */
    char *cgroups_path; /* linux.cgroupsPath, or NULL */
    int netns;          /* a network namespace is asked for */
    char *netns_path;   /* ...at this path, or NULL for a new one */
    int new_pidns;      /* a new PID namespace is asked for */
    struct ig_rt_mount mounts[IG_RT_MAX_MOUNTS];
    int nmounts;
    struct ig_rt_hook hooks[IG_RT_HOOK_KINDS][IG_RT_MAX_HOOKS];
    int nhooks[IG_RT_HOOK_KINDS];
    json_t *annotations; /* object, or NULL */
};

/* Parses config.json text (len bytes of (text), not NUL-terminated) into
 * (s).  Bind mounts (type "bind", or a "bind"/"rbind" option) are kept,
 * with "ro" in their options; other mounts (proc, tmpfs, ...) are the
 * guest's own business and skipped.  Returns 0, or -1 with a one-line
 * reason in (err): not JSON (with the line), a field of the wrong type, a
 * negative or oversized number, more than IG_RT_MAX_MOUNTS bind mounts or
 * IG_RT_MAX_HOOKS hooks of a kind, no process.args.  Free with
 * ig_rt_spec_free() either way. */
int ig_rt_spec_parse(const char *text, size_t len, struct ig_rt_spec *s,
                     char *err, size_t errlen);

void ig_rt_spec_free(struct ig_rt_spec *s);

/* Reads BUNDLE/config.json into (s).  Returns 0 or -1 with the reason. */
int ig_rt_spec_load(const char *bundle, struct ig_rt_spec *s, char *err,
                    size_t errlen);

/* Returns the absolute rootfs of (bundle) for (s) (malloc'd). */
char *ig_rt_rootfs(const char *bundle, const struct ig_rt_spec *s);

/* Returns 1 if (rootfs) holds an Ingot image (ingot/kernel carrying an
 * Ingot platform note), storing its platform (malloc'd) in (*platform). */
int ig_rt_is_ingot(const char *rootfs, char **platform);

/* ---- hooks.c ------------------------------------------------------------ */

/* Runs the hooks of (kind) in order, each with (state) (runc's state JSON)
 * on its stdin, killing one that outlives its timeout.  Returns 0, or -1
 * with "<kind> hook <path>: <why>" in (err) at the first that fails. */
int ig_rt_hooks_run(const struct ig_rt_spec *s, enum ig_rt_hook_kind kind,
                    const char *state, char *err, size_t errlen);

/* Returns the state JSON hooks read for (st) with (status), compact,
 * malloc'd. */
char *ig_rt_state_text(const struct ig_state *st, const char *status,
                       json_t *annotations);

/* For poststart and poststop, whose failures the OCI runtime spec has
 * logged rather than fatal: rereads (st)'s bundle and runs the hooks of
 * (kind), reporting a failure through ig_rt_error(). */
void ig_rt_hooks_late(const struct ig_rt *rt, const struct ig_state *st,
                      const char *status, enum ig_rt_hook_kind kind);

/* ---- cgroup.c ----------------------------------------------------------- */

/* Places (pid) in the cgroup (path) (linux.cgroupsPath; relative paths
 * are taken from the root) on every cgroup v1 hierarchy and the v2
 * hierarchy that are mounted, creating the directories, and sets the
 * memory limit (bytes, 0 for none).  Returns 0, or -1 with the reason. */
int ig_rt_cgroup_enter(const char *path, pid_t pid, uint64_t mem_limit,
                       char *err, size_t errlen);

/* Removes the cgroup (path) directories that ig_rt_cgroup_enter() made,
 * where they are empty. */
void ig_rt_cgroup_remove(const char *path);

/* ---- net.c -------------------------------------------------------------- */

/* The container interface the guest takes over. */
struct ig_rt_net {
    char ifname[32]; /* the engine's interface (eth0) */
    char tap[16];    /* the tap device made for the guest */
    char ip[64];     /* A.B.C.D/N */
    char gw[32];     /* A.B.C.D, or "" */
    char mac[32];    /* aa:bb:cc:dd:ee:ff */
};

/* In the current network namespace: finds the first interface that is not
 * loopback and has an IPv4 address, makes a tap device, moves the
 * address off the interface (so the host's stack stays out of the way)
 * and joins the two with tc mirred redirects both ways.  Returns 1 with
 * (n) filled, 0 when there is no such interface (--network none), or -1
 * with the reason. */
int ig_rt_net_setup(struct ig_rt_net *n, char *err, size_t errlen);

/* Writes (n) as JSON to (path), for ig_rt_net_restore().  Returns 0 or -1. */
int ig_rt_net_save(const struct ig_rt_net *n, const char *path);

/* In the network namespace at (netns), undoes what ig_rt_net_setup()
 * recorded in (path): removes the tap and the redirects and gives the
 * interface back its address and default route, so a namespace that
 * outlives the container (a pod's, across restarts) works again.  Does
 * nothing when (path) holds no record. */
void ig_rt_net_restore(const char *netns, const char *path);

/* ---- create.c, cmds.c ------------------------------------------------- */

int ig_rt_create(struct ig_rt *rt, int argc, char **argv, int run);
int ig_rt_start(struct ig_rt *rt, const char *id);
int ig_rt_state(struct ig_rt *rt, const char *id);
int ig_rt_kill(struct ig_rt *rt, int argc, char **argv);
int ig_rt_delete(struct ig_rt *rt, int argc, char **argv);
int ig_rt_ps(struct ig_rt *rt, int argc, char **argv);
int ig_rt_pause(struct ig_rt *rt, const char *id, int pause);
int ig_rt_features(void);

/* Execs runc with the same command line; returns only on failure (1). */
int ig_rt_handover(struct ig_rt *rt);

/* Returns 1 if the state store holds (id), 0 if not. */
int ig_rt_owns(const struct ig_rt *rt, const char *id);

#endif /* INGOT_RT_H */
