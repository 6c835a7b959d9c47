/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mgr_detach.c: `ingot run -d`: create the instance, fork its monitor. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include <ingot/host.h>
#include <ingot/oci.h>

#include "mgr.h"
#include "run.h"

static void random_hex(char *buf, size_t nbytes)
{
    unsigned char b[32];

    if (nbytes > sizeof(b))
        nbytes = sizeof(b);
    if (getrandom(b, nbytes, 0) != (ssize_t)nbytes)
        for (size_t i = 0; i < nbytes; i++) /* entropy is not the point */
            b[i] = (unsigned char)(rand() ^ (getpid() >> (i % 16)));
    for (size_t i = 0; i < nbytes; i++)
        sprintf(buf + 2 * i, "%02x", b[i]);
}

static int name_taken(const struct ig_state *all, size_t n, const char *name,
                      const char **by)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(ig_mgr_get_str(&all[i], "name"), name) == 0) {
            *by = all[i].id;
            return 1;
        }
    return 0;
}

/* IMAGE's base name (of the file, or of an oci: reference's path), kept to
 * the characters of a name, and a random suffix. */
static char *make_name(const char *image)
{
    const char *b = strrchr(image, '/');
    char base[48], hex[5];
    size_t n = 0;

    b = b ? b + 1 : strchr(image, ':') ? strchr(image, ':') + 1 : image;
    for (; *b && *b != ':' && n < sizeof(base) - 1; b++)
        if (strchr("_.-", *b) || (*b >= 'a' && *b <= 'z') ||
            (*b >= 'A' && *b <= 'Z') || (*b >= '0' && *b <= '9'))
            base[n++] = *b;
    base[n] = '\0';
    random_hex(hex, 2);
    return ig_mgr_name_ok(base) ? ig_xasprintf("%s-%s", base, hex)
                                : ig_xasprintf("ingot-%s", hex);
}

static const char *restart_text(const struct ig_run_opts *o, char *buf,
                                size_t len)
{
    if (o->restart == IG_MGR_RESTART_ALWAYS)
        return "always";
    if (o->restart != IG_MGR_RESTART_ON_FAILURE)
        return "no";
    if (!o->restart_max)
        return "on-failure";
    snprintf(buf, len, "on-failure:%ld", o->restart_max);
    return buf;
}

/* The record `ps` and `inspect` show from the start. */
static json_t *describe(const struct ig_run_opts *o, const char *name, int argc,
                        char **argv)
{
    char buf[64];
    json_t *cmd = json_array(), *ports = json_array(), *vols = json_array();

    json_array_append_new(cmd, json_string(ig_host_prog()));
    for (int i = 0; i < argc; i++)
        json_array_append_new(cmd, json_string(argv[i]));
    for (int i = 0; i < o->nports; i++) {
        const struct ig_run_port *p = &o->ports[i];
        json_array_append_new(ports,
                              json_sprintf("%s%s%u->%u/%s", p->host_addr,
                                           p->host_addr[0] ? ":" : "", p->host,
                                           p->guest, p->udp ? "udp" : "tcp"));
    }
    for (int i = 0; i < o->nvols; i++)
        json_array_append_new(vols, json_sprintf("%s:%s%s", o->vols[i].host,
                                                 o->vols[i].guest,
                                                 o->vols[i].ro ? ":ro" : ""));
    json_t *j = json_pack(
        "{s:s,s:s,s:o,s:s,s:I,s:o,s:o,s:s,s:b,s:i,s:I,s:I,s:I,s:i,s:i}", "name",
        name, "image", o->image, "command", cmd, "phase", IG_MGR_PHASE_STARTING,
        "memory", (json_int_t)o->mem, "ports", ports, "volumes", vols,
        "restart", restart_text(o, buf, sizeof(buf)), "rm", o->rm, "run", 0,
        "created_ms", (json_int_t)ig_mgr_now_ms(), "stop_timeout",
        (json_int_t)o->stop_timeout, "log_max_size",
        (json_int_t)(o->log_max_size ? o->log_max_size
                                     : IG_MGR_LOG_SIZE_DEFAULT),
        "log_max_file",
        o->log_max_file ? o->log_max_file : IG_MGR_LOG_FILES_DEFAULT,
        "restarts", 0);
    return j;
}

/* In the forked monitor: wait for the record, then detach from the
 * terminal and everything `ingot run -d` had open. */
static _Noreturn void monitor(const char *root, const char *id,
                              struct ig_run_opts *o, int go, int rdy)
{
    char c;

    setsid();
    if (read(go, &c, 1) != 1)
        _exit(1);
    int null = open("/dev/null", O_RDWR);
    for (int fd = 0; fd < 3; fd++)
        if (null >= 0)
            dup2(null, fd);
    for (int fd = 3; fd < 1024; fd++)
        if (fd != rdy)
            close(fd);
    ig_mgr_monitor(root, id, o, rdy);
}

/* Makes a relative file path (*p) absolute (kept in o->owned), so a
 * restart still finds it when the directory it was started from is gone;
 * a path that does not resolve is left for the runner to report. */
static void absolute(struct ig_run_opts *o, const char **p)
{
    char *r;

    if (!*p || (*p)[0] == '/' || ig_oci_is_ref(*p) || !(r = realpath(*p, NULL)))
        return;
    ig_strvec_push(&o->owned, r);
    free(r);
    *p = o->owned.v[o->owned.n - 1];
}

int ig_mgr_run_detached(struct ig_run_opts *o, int argc, char **argv)
{
    char err[512], id[33];
    int go[2], rdy[2], r = IG_RUN_STATUS_FAIL;
    char *root = ig_mgr_root_say(), *name = NULL;
    size_t n;

    if (!root)
        return r;
    absolute(o, &o->image);
    absolute(o, &o->rootfs);
    if (ig_run_volumes_resolve(o, err, sizeof(err)) < 0) {
        ig_host_error("%s", err);
        free(root);
        return r;
    }
    int lock = ig_state_lock(root, 1, err, sizeof(err));
    if (lock < 0) {
        ig_host_error("%s", err);
        free(root);
        return r;
    }
    struct ig_state *all = ig_mgr_load_all(root, &n);
    const char *by;
    if (o->name && name_taken(all, n, o->name, &by)) {
        ig_host_error("--name %s: already in use by instance %.12s", o->name,
                      by);
        goto out;
    }
    do {
        free(name);
        name = o->name ? ig_xstrdup(o->name) : make_name(o->image);
    } while (!o->name && name_taken(all, n, name, &by));
    random_hex(id, 16);
    if (ig_state_create(root, id, err, sizeof(err)) < 0 ||
        pipe2(go, O_CLOEXEC) < 0 || pipe2(rdy, O_CLOEXEC) < 0) {
        ig_host_error("%s: %s", root, err);
        goto out;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid == 0) {
        close(lock);
        close(go[1]);
        close(rdy[0]);
        monitor(root, id, o, go[0], rdy[1]);
    }
    close(go[0]);
    close(rdy[1]);
    char now[64];
    ig_state_now(now, sizeof(now));
    struct ig_state st = {.id = id,
                          .pid = pid,
                          .start_time = ig_state_proc_start(pid),
                          .created = now,
                          .extra = describe(o, name, argc, argv)};
    if (pid < 0 || ig_state_save(root, &st, err, sizeof(err)) < 0) {
        ig_host_error("%s", pid < 0 ? strerror(errno) : err);
        ig_state_remove(root, id);
        json_decref(st.extra);
        close(go[1]);
        close(rdy[0]);
        goto out;
    }
    json_decref(st.extra);
    ig_state_unlock(lock);
    lock = -1;
    /* The monitor starts the guest now and says how that went. */
    if (write(go[1], "g", 1) != 1)
        ig_host_error("monitor: %s", strerror(errno));
    close(go[1]);
    char buf[4096];
    size_t len = 0;
    ssize_t k;
    while (len < sizeof(buf) - 1 &&
           (k = read(rdy[0], buf + len, sizeof(buf) - 1 - len)) != 0) {
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            break;
        len += (size_t)k;
    }
    buf[len] = '\0';
    close(rdy[0]);
    if (strncmp(buf, "ok\n", 3) == 0) {
        printf("%s\n", id);
        r = 0;
    } else if (strncmp(buf, "fail\n", 5) == 0) {
        fputs(buf + 5, stderr); /* the runner's own one-line errors */
    } else {
        ig_host_error("%s: the monitor ended before the guest started", name);
    }
out:
    ig_state_unlock(lock);
    ig_mgr_free_all(all, n);
    free(name);
    free(root);
    return r;
}
