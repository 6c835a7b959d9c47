/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* net.c: the guest takes over the engine's interface: tap + tc mirred. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "rt.h"

/* Runs (argv) (ip or tc), returning its stdout (malloc'd) or NULL with
 * the command and its status in (err). */
static char *run(char *const *argv, char *err, size_t errlen)
{
    int out[2];
    char *buf = NULL;
    size_t len = 0, cap = 0;

    if (pipe2(out, O_CLOEXEC) < 0) {
        snprintf(err, errlen, "pipe: %s", strerror(errno));
        return NULL;
    }
    pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], 1);
        execvp(argv[0], argv);
        _exit(127);
    }
    close(out[1]);
    for (;;) {
        if (len + 1 >= cap) {
            cap = cap ? cap * 2 : 4096;
            buf = ig_xrealloc(buf, cap);
        }
        ssize_t n = read(out[0], buf + len, cap - len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        len += (size_t)n;
    }
    close(out[0]);
    buf[len] = '\0';
    int st = pid < 0 ? -1 : ig_proc_wait(pid, NULL);
    if (st != 0) {
        char *cmd = ig_shquote_argv(argv);
        snprintf(err, errlen, "%s: %s", cmd,
                 st == 127 ? "not found (install iproute2)" : "failed");
        free(cmd);
        free(buf);
        return NULL;
    }
    return buf;
}

#define RUN(err, errlen, ...)                                                  \
    run((char *const[]){__VA_ARGS__, NULL}, err, errlen)

static int ok(char *out)
{
    free(out);
    return out ? 0 : -1;
}

/* Picks the interface and its first IPv4 address from `ip -j addr`. */
static int pick(struct ig_rt_net *n, const char *text, char *err, size_t errlen)
{
    json_error_t je;
    json_t *links = json_loads(text, 0, &je), *l;
    size_t i;
    int found = 0;

    if (!json_is_array(links)) {
        snprintf(err, errlen, "ip -j addr: unexpected output");
        json_decref(links);
        return -1;
    }
    json_array_foreach(links, i, l)
    {
        const char *name = json_string_value(json_object_get(l, "ifname"));
        const char *type = json_string_value(json_object_get(l, "link_type"));
        const char *mac = json_string_value(json_object_get(l, "address"));
        json_t *ai = json_object_get(l, "addr_info"), *a;
        size_t k;
        if (!name || !type || !mac || strcmp(type, "ether") != 0)
            continue;
        json_array_foreach(ai, k, a)
        {
            const char *fam = json_string_value(json_object_get(a, "family"));
            const char *ip = json_string_value(json_object_get(a, "local"));
            json_t *plen = json_object_get(a, "prefixlen");
            if (!fam || !ip || strcmp(fam, "inet") != 0 ||
                !json_is_integer(plen))
                continue;
            snprintf(n->ifname, sizeof(n->ifname), "%s", name);
            snprintf(n->mac, sizeof(n->mac), "%s", mac);
            snprintf(n->ip, sizeof(n->ip), "%s/%d", ip,
                     (int)json_integer_value(plen));
            found = 1;
            break;
        }
        if (found)
            break;
    }
    json_decref(links);
    return found;
}

static void default_gw(struct ig_rt_net *n)
{
    char err[256];
    char *out =
        RUN(err, sizeof(err), "ip", "-j", "-4", "route", "show", "default");
    json_t *rs = out ? json_loads(out, 0, NULL) : NULL;
    const char *gw =
        json_string_value(json_object_get(json_array_get(rs, 0), "gateway"));

    n->gw[0] = '\0';
    if (gw)
        snprintf(n->gw, sizeof(n->gw), "%s", gw);
    json_decref(rs);
    free(out);
}

/* One direction: everything arriving on (from) leaves through (to). */
static int redirect(const char *from, const char *to, char *err, size_t errlen)
{
    if (ok(RUN(err, errlen, "tc", "qdisc", "add", "dev", (char *)from,
               "ingress")) < 0)
        return -1;
    /* u32 matching everything: matchall is missing from some kernels. */
    return ok(RUN(err, errlen, "tc", "filter", "add", "dev", (char *)from,
                  "parent", "ffff:", "protocol", "all", "u32", "match", "u8",
                  "0", "0", "action", "mirred", "egress", "redirect", "dev",
                  (char *)to));
}

int ig_rt_net_setup(struct ig_rt_net *n, char *err, size_t errlen)
{
    memset(n, 0, sizeof(*n));
    char *out = RUN(err, errlen, "ip", "-j", "addr", "show");
    if (!out)
        return -1;
    int r = pick(n, out, err, errlen);
    free(out);
    if (r <= 0)
        return r;
    default_gw(n);
    snprintf(n->tap, sizeof(n->tap), "ingot%.10s", "tap0");
    char *addr = n->ip;
    if (ok(RUN(err, errlen, "ip", "tuntap", "add", "dev", n->tap, "mode",
               "tap")) < 0 ||
        ok(RUN(err, errlen, "ip", "link", "set", "dev", n->tap, "mtu", "1500",
               "up")) < 0 ||
        /* The guest answers for the address now; the host's stack in this
         * namespace would reset its connections. */
        ok(RUN(err, errlen, "ip", "addr", "del", addr, "dev", n->ifname)) < 0 ||
        redirect(n->ifname, n->tap, err, errlen) < 0 ||
        redirect(n->tap, n->ifname, err, errlen) < 0)
        return -1;
    return 1;
}

int ig_rt_net_save(const struct ig_rt_net *n, const char *path)
{
    json_t *o = json_pack("{ssssssssss}", "ifname", n->ifname, "tap", n->tap,
                          "ip", n->ip, "gw", n->gw, "mac", n->mac);
    int r = o ? json_dump_file(o, path, JSON_COMPACT) : -1;

    json_decref(o);
    return r < 0 ? -1 : 0;
}

void ig_rt_net_restore(const char *netns, const char *path)
{
    json_t *o = json_load_file(path, 0, NULL);
    const char *ifname = json_string_value(json_object_get(o, "ifname"));
    const char *tap = json_string_value(json_object_get(o, "tap"));
    const char *ip = json_string_value(json_object_get(o, "ip"));
    const char *gw = json_string_value(json_object_get(o, "gw"));

    if (!ifname || !tap || !ip || !gw) {
        json_decref(o);
        return;
    }
    /* In a child: setns() would move this process for good. */
    pid_t pid = fork();
    if (pid == 0) {
        char err[256];
        int fd = open(netns, O_RDONLY | O_CLOEXEC);
        if (fd < 0 || setns(fd, CLONE_NEWNET) < 0)
            _exit(1);
        int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
        if (null >= 0)
            dup2(null, 2);
        free(RUN(err, sizeof(err), "ip", "link", "del", (char *)tap));
        free(RUN(err, sizeof(err), "tc", "qdisc", "del", "dev", (char *)ifname,
                 "ingress"));
        free(RUN(err, sizeof(err), "ip", "addr", "add", (char *)ip, "dev",
                 (char *)ifname));
        if (*gw)
            free(RUN(err, sizeof(err), "ip", "route", "add", "default", "via",
                     (char *)gw));
        _exit(0);
    }
    if (pid > 0)
        waitpid(pid, NULL, 0);
    json_decref(o);
}
