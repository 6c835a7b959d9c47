/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* create.c: `create` and `run`: the container process, waiting for start. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include "rt.h"

#define MIB (1ull << 20)

struct create_opts {
    const char *id, *bundle, *pid_file, *console_socket;
    int detach;
};

static int parse(const struct ig_rt *rt, int argc, char **argv,
                 struct create_opts *o)
{
    memset(o, 0, sizeof(*o));
    o->bundle = ".";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *eq = strchr(a, '=');
        const char *names[] = {"bundle",       "b",
                               "pid-file",     "console-socket",
                               "preserve-fds", "pidfd-socket"};
        const char **dst[] = {&o->bundle,         &o->bundle, &o->pid_file,
                              &o->console_socket, NULL,       NULL};
        int matched = 0;
        if (a[0] != '-') {
            if (o->id) {
                ig_rt_error(rt, "%s: unexpected argument after the ID %s", a,
                            o->id);
                return -1;
            }
            o->id = a;
            continue;
        }
        const char *name = a + (a[1] == '-' ? 2 : 1);
        size_t nlen = eq ? (size_t)(eq - name) : strlen(name);
        for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
            if (strlen(names[k]) != nlen || strncmp(name, names[k], nlen))
                continue;
            const char *v = eq ? eq + 1 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v) {
                ig_rt_error(rt, "%s: missing value", a);
                return -1;
            }
            if (dst[k])
                *dst[k] = v;
            else if (strcmp(v, "0") != 0) {
                ig_rt_error(rt,
                            "%s %s: Ingot containers take no extra "
                            "descriptors",
                            a, v);
                return -1;
            }
            matched = 1;
        }
        if (matched)
            continue;
        if (!strcmp(name, "detach") || !strcmp(name, "d"))
            o->detach = 1;
        /* --no-pivot, --no-new-keyring, --keep, --no-subreaper: about
         * the container's mounts and keyring, which a guest lacks. */
        else if (strcmp(name, "no-pivot") && strcmp(name, "no-new-keyring") &&
                 strcmp(name, "keep") && strcmp(name, "no-subreaper")) {
            ig_rt_error(rt, "%s: unknown option", a);
            return -1;
        }
    }
    if (!o->id) {
        ig_rt_error(rt, "missing container ID");
        return -1;
    }
    return 0;
}

/* Sends (fd) over the unix socket at (path) with SCM_RIGHTS, as runc does
 * for --console-socket. */
static int send_fd(const char *path, int fd, const char *name, char *err,
                   size_t errlen)
{
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    if (strlen(path) >= sizeof(sa.sun_path)) {
        snprintf(err, errlen, "--console-socket %s: path too long", path);
        return -1;
    }
    strcpy(sa.sun_path, path);
    int s = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (s < 0 || connect(s, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
        snprintf(err, errlen, "--console-socket %s: %s", path, strerror(errno));
        if (s >= 0)
            close(s);
        return -1;
    }
    char cbuf[CMSG_SPACE(sizeof(int))] = {0};
    struct iovec iov = {.iov_base = (void *)name, .iov_len = strlen(name)};
    struct msghdr msg = {.msg_iov = &iov,
                         .msg_iovlen = 1,
                         .msg_control = cbuf,
                         .msg_controllen = sizeof(cbuf)};
    struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof(int));
    int r = sendmsg(s, &msg, 0) < 0 ? -1 : 0;
    if (r < 0)
        snprintf(err, errlen, "--console-socket %s: %s", path, strerror(errno));
    close(s);
    return r;
}

static int write_pid_file(const char *path, pid_t pid, char *err, size_t errlen)
{
    char *tmp = ig_xasprintf("%s.ingot-tmp", path), num[32];
    int n = snprintf(num, sizeof(num), "%d", (int)pid);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    int r = -1;

    if (fd >= 0 && write(fd, num, (size_t)n) == n && close(fd) == 0 &&
        rename(tmp, path) == 0)
        r = 0;
    else
        snprintf(err, errlen, "--pid-file %s: %s", path, strerror(errno));
    free(tmp);
    return r;
}

/* The `ingot` beside this binary. */
static char *ingot_path(void)
{
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);

    if (n <= 0)
        return ig_xstrdup("ingot");
    self[n] = '\0';
    char *slash = strrchr(self, '/');
    return ig_xasprintf("%.*s/ingot", (int)(slash - self), self);
}

/* The guest's memory: the engine's limit (whole MiB), podman's copy of
 * the image's org.ingot.memory annotation, or `ingot run`'s default. */
static uint64_t guest_mem(const struct ig_rt_spec *s)
{
    if (s->mem_limit)
        return s->mem_limit / MIB * MIB;
    const char *m =
        json_string_value(json_object_get(s->annotations, "org.ingot.memory"));
    unsigned long long v = m ? strtoull(m, NULL, 10) : 0;
    return v >= 2 * MIB && v % MIB == 0 ? v : 0;
}

/* `ingot run` for (s), the guest's network (n, or NULL for none). */
static void guest_argv(struct ig_strvec *av, const struct ig_rt_spec *s,
                       const char *rootfs, const struct ig_rt_net *n)
{
    char *ingot = ingot_path();
    ig_strvec_push(av, ingot);
    free(ingot);
    ig_strvec_push(av, "run");
    const char *accel = getenv("INGOT_ACCEL");
    if (accel && *accel) {
        ig_strvec_push(av, "--accel");
        ig_strvec_push(av, accel);
    }
    uint64_t mem = guest_mem(s);
    if (mem)
        ig_strvec_pushf(av, "-m%lluM", (unsigned long long)(mem / MIB));
    char *cpio = ig_xasprintf("%s/ingot/rootfs.cpio", rootfs);
    if (access(cpio, F_OK) == 0) {
        ig_strvec_push(av, "--rootfs");
        ig_strvec_push(av, cpio);
    }
    free(cpio);
    for (int i = 0; i < s->nmounts; i++) {
        struct stat st;
        /* Engines bind files too (resolv.conf, hosts): volumes are
         * directories. */
        if (stat(s->mounts[i].src, &st) < 0 || !S_ISDIR(st.st_mode))
            continue;
        ig_strvec_pushf(av, "-v%s:%s%s", s->mounts[i].src, s->mounts[i].dst,
                        s->mounts[i].ro ? ":ro" : "");
    }
    for (size_t i = 0; i < s->env.n; i++)
        if (strchr(s->env.v[i], '=') && s->env.v[i][0] != '=')
            ig_strvec_pushf(av, "-e%s", s->env.v[i]);
    /* The process as the engine describes it: working directory (which
     * must exist in the image, or the boot ends with 255), host name,
     * user and group (numbers, as runc gets them), a terminal. */
    if (s->cwd && *s->cwd && strcmp(s->cwd, "/") != 0)
        ig_strvec_pushf(av, "--workdir=%s", s->cwd);
    if (s->hostname && *s->hostname)
        ig_strvec_pushf(av, "--hostname=%s", s->hostname);
    if (s->uid || s->gid)
        ig_strvec_pushf(av, "--user=%lu:%lu", (unsigned long)s->uid,
                        (unsigned long)s->gid);
    if (s->terminal)
        ig_strvec_push(av, "--tty");
    if (n) {
        ig_strvec_pushf(av, "--net=tap:%s", n->tap);
        ig_strvec_pushf(av, "--ip=%s", n->ip);
        if (n->gw[0])
            ig_strvec_pushf(av, "--gw=%s", n->gw);
        ig_strvec_pushf(av, "--mac=%s", n->mac);
    }
    ig_strvec_pushf(av, "%s/" IG_RT_KERNEL, rootfs);
    ig_strvec_push(av, "--");
    /* args[0] is the image's entrypoint, the kernel itself; `ctr run IMG
     * ID ARG...` replaces the whole command, so then all are the app's. */
    size_t len = strlen(s->args.v[0]), klen = strlen("/" IG_RT_KERNEL);
    int entry =
        len >= klen && strcmp(s->args.v[0] + len - klen, "/" IG_RT_KERNEL) == 0;
    for (size_t i = entry ? 1 : 0; i < s->args.n; i++)
        ig_strvec_push(av, s->args.v[i]);
}

/* The container process: enters the namespace, reports, waits for start,
 * then becomes `ingot run`. */
static _Noreturn void container(const struct ig_rt *rt,
                                const struct ig_rt_spec *s, const char *rootfs,
                                const char *fifo, int ready, const char *pty,
                                const char *netrec)
{
    char err[512];
    const char *step = "";

    setsid();
    if (pty) {
        int t = open(pty, O_RDWR | O_CLOEXEC);
        if (t < 0 || ioctl(t, TIOCSCTTY, 0) < 0) {
            step = "terminal";
            goto fail;
        }
        dup2(t, 0);
        dup2(t, 1);
        dup2(t, 2);
        close(t);
    }
    if (s->netns && s->netns_path) {
        int fd = open(s->netns_path, O_RDONLY | O_CLOEXEC);
        if (fd < 0 || setns(fd, CLONE_NEWNET) < 0) {
            step = s->netns_path;
            goto fail;
        }
        close(fd);
    } else if (s->netns && unshare(CLONE_NEWNET) < 0) {
        step = "new network namespace";
        goto fail;
    }
    if (write(ready, "1", 1) != 1) {
        step = "report";
        goto fail;
    }
    close(ready);
    /* start opens the fifo for reading; until then this open blocks. */
    int f = open(fifo, O_WRONLY | O_CLOEXEC);
    if (f < 0 || write(f, "0", 1) != 1) {
        step = "waiting for start";
        goto fail;
    }
    close(f);

    struct ig_rt_net net;
    int have = 0;
    if (s->netns) {
        have = ig_rt_net_setup(&net, err, sizeof(err));
        if (have < 0) {
            ig_rt_error(rt, "network: %s", err);
            _exit(125);
        }
        if (have > 0 && ig_rt_net_save(&net, netrec) < 0)
            ig_rt_error(rt, "%s: cannot record the network", netrec);
    }
    struct ig_strvec av = {0};
    guest_argv(&av, s, rootfs, have ? &net : NULL);
    ig_rt_debug(rt, "exec %s", ig_shquote_argv(ig_strvec_argv(&av)));
    execv(av.v[0], ig_strvec_argv(&av));
    step = av.v[0];
fail:
    ig_rt_error(rt, "container process: %s: %s", step, strerror(errno));
    _exit(125);
}

int ig_rt_create(struct ig_rt *rt, int argc, char **argv, int run)
{
    struct create_opts o;
    struct ig_rt_spec s;
    struct ig_state st = {0};
    char err[1024], bundle[PATH_MAX], now[48];
    char *rootfs = NULL, *platform = NULL, *fifo = NULL, *dir = NULL;
    char *ptyname = NULL;
    int r = 1, made = 0, master = -1, sync[2] = {-1, -1};
    pid_t pid = -1;

    if (parse(rt, argc, argv, &o) < 0)
        return 1;
    if (!realpath(o.bundle, bundle)) {
        ig_rt_error(rt, "--bundle %s: %s", o.bundle, strerror(errno));
        return 1;
    }
    /* Anything this runtime cannot read as an Ingot bundle is runc's. */
    if (ig_rt_spec_load(bundle, &s, err, sizeof(err)) < 0) {
        ig_rt_spec_free(&s);
        return ig_rt_handover(rt);
    }
    rootfs = ig_rt_rootfs(bundle, &s);
    if (!ig_rt_is_ingot(rootfs, &platform)) {
        ig_rt_spec_free(&s);
        free(rootfs);
        return ig_rt_handover(rt);
    }
    if (!ig_state_id_ok(o.id)) {
        ig_rt_error(rt, "%s: not a valid container ID", o.id);
        goto out;
    }
    if (s.mem_limit && s.mem_limit < 2 * MIB) {
        ig_rt_error(rt,
                    "memory limit %llu bytes: an Ingot guest needs at "
                    "least 2 MiB",
                    (unsigned long long)s.mem_limit);
        goto out;
    }
    if (s.terminal && !o.console_socket && !run) {
        ig_rt_error(rt, "process.terminal needs --console-socket");
        goto out;
    }
    if (ig_state_create(rt->root, o.id, err, sizeof(err)) < 0) {
        ig_rt_error(rt, "%s: %s", o.id, err);
        goto out;
    }
    made = 1;
    dir = ig_state_dir(rt->root, o.id);
    fifo = ig_xasprintf("%s/exec.fifo", dir);
    if (mkfifo(fifo, 0600) < 0) {
        ig_rt_error(rt, "%s: %s", fifo, strerror(errno));
        goto out;
    }
    if (s.terminal && o.console_socket) {
        master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
        if (master < 0 || grantpt(master) < 0 || unlockpt(master) < 0 ||
            !ptsname(master)) {
            ig_rt_error(rt, "pty: %s", strerror(errno));
            goto out;
        }
        ptyname = ig_xstrdup(ptsname(master));
    }
    if (pipe2(sync, O_CLOEXEC) < 0) {
        ig_rt_error(rt, "pipe: %s", strerror(errno));
        goto out;
    }
    fflush(NULL);
    /* In a new PID namespace the container process is its init: `top`
     * and `ps` of the engine see it and the VMM only, and the VMM cannot
     * outlive it. */
    pid = s.new_pidns ? (pid_t)syscall(SYS_clone, CLONE_NEWPID | SIGCHLD, NULL,
                                       NULL, NULL, NULL)
                      : fork();
    if (pid < 0) {
        ig_rt_error(rt, "fork: %s", strerror(errno));
        goto out;
    }
    if (pid == 0) {
        close(sync[0]);
        if (master >= 0)
            close(master);
        char *netrec = ig_xasprintf("%s/net.json", dir);
        container(rt, &s, rootfs, fifo, sync[1], ptyname, netrec);
    }
    close(sync[1]);
    sync[1] = -1;
    char c;
    ssize_t got;
    while ((got = read(sync[0], &c, 1)) < 0 && errno == EINTR)
        ;
    if (got != 1) {
        ig_rt_error(rt,
                    "%s: the container process ended before it was "
                    "ready",
                    o.id);
        goto out;
    }

    ig_state_now(now, sizeof(now));
    st.id = ig_xstrdup(o.id);
    st.pid = pid;
    st.start_time = ig_state_proc_start(pid);
    st.bundle = ig_xstrdup(bundle);
    st.rootfs = ig_xstrdup(rootfs);
    st.created = ig_xstrdup(now);
    st.extra = json_object();
    json_object_set_new(st.extra, "platform", json_string(platform));
    if (s.netns_path)
        json_object_set_new(st.extra, "netns", json_string(s.netns_path));
    if (s.cgroups_path)
        json_object_set_new(st.extra, "cgroup", json_string(s.cgroups_path));
    if (ig_state_save(rt->root, &st, err, sizeof(err)) < 0) {
        ig_rt_error(rt, "%s", err);
        goto out;
    }
    if (s.cgroups_path) {
        /* The VMM's own memory on top of the guest's. */
        uint64_t lim = s.mem_limit ? s.mem_limit + 128 * MIB : 0;
        if (ig_rt_cgroup_enter(s.cgroups_path, pid, lim, err, sizeof(err)) <
            0) {
            ig_rt_error(rt, "%s", err);
            goto out;
        }
    }
    char *state = ig_rt_state_text(&st, "created", s.annotations);
    int hr = 0;
    for (int k = IG_RT_HOOK_PRESTART; k <= IG_RT_HOOK_CREATE_CONTAINER && !hr;
         k++)
        hr = ig_rt_hooks_run(&s, k, state, err, sizeof(err));
    free(state);
    if (hr < 0) {
        ig_rt_error(rt, "%s", err);
        goto out;
    }
    if (master >= 0 &&
        send_fd(o.console_socket, master, ptyname, err, sizeof(err)) < 0) {
        ig_rt_error(rt, "%s", err);
        goto out;
    }
    if (o.pid_file && write_pid_file(o.pid_file, pid, err, sizeof(err)) < 0) {
        ig_rt_error(rt, "%s", err);
        goto out;
    }
    r = 0;
    if (run) {
        r = ig_rt_start(rt, o.id);
        if (r == 0 && !o.detach) {
            r = ig_proc_wait(pid, NULL);
            pid = -1; /* reaped: nothing left to kill */
            char *argv2[] = {"delete", (char *)o.id, NULL};
            ig_rt_delete(rt, 2, argv2);
        }
    }
out:
    if (r && pid > 0) {
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
        if (s.cgroups_path)
            ig_rt_cgroup_remove(s.cgroups_path);
    }
    if (r && made)
        ig_state_remove(rt->root, o.id);
    if (master >= 0)
        close(master);
    if (sync[0] >= 0)
        close(sync[0]);
    if (sync[1] >= 0)
        close(sync[1]);
    ig_state_free(&st);
    ig_rt_spec_free(&s);
    free(rootfs);
    free(platform);
    free(fifo);
    free(dir);
    free(ptyname);
    return r;
}
