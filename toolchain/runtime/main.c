/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* main.c: ingot-runc: runc's command line; Ingot bundles here, others to runc.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rt.h"

static const char usage[] =
    "Usage: ingot-runc [global options] COMMAND [options] ID ...\n"
    "An OCI runtime with runc's command line for container engines\n"
    "(containerd, Docker, Podman, Kubernetes RuntimeClass).  A bundle whose\n"
    "rootfs holds an Ingot image (ingot/kernel, from `ingot pkg`) boots as\n"
    "that image on its platform (kvm: QEMU, pico: the tender) through\n"
    "`ingot run`; every other bundle, and every command about a container\n"
    "this runtime did not create, is handed to runc unchanged.\n"
    "\n"
    "Global options:\n"
    "  --root DIR            state directory (default /run/ingot-runc)\n"
    "  --log FILE            append errors to FILE\n"
    "  --log-format text|json  json: {\"level\":\"error\",\"msg\":...} lines\n"
    "  --systemd-cgroup      cgroupsPath is slice:prefix:name\n"
    "  --debug               log debug lines too\n"
    "\n"
    "Commands: create [--bundle DIR] [--pid-file F] [--console-socket S] ID,\n"
    "start ID, run [--bundle DIR] [-d] ID, state ID, kill [--all] ID [SIG],\n"
    "delete [--force] ID, ps [--format json|table] ID, pause ID, resume ID,\n"
    "features.  exec, update, checkpoint, restore and events are refused for\n"
    "Ingot containers: a unikernel runs one application and has no second\n"
    "process, cgroup knobs or CRIU image.\n"
    "\n"
    "Environment: INGOT_ACCEL (passed to `ingot run --accel`),\n"
    "INGOT_RUNC_FALLBACK (the runc to hand other bundles to, default runc).\n"
    "Docs: docs/cloud.md.\n";

int ig_rt_handover(struct ig_rt *rt)
{
    const char *runc = getenv("INGOT_RUNC_FALLBACK");
    if (!runc || !*runc)
        runc = "runc";
    rt->argv[0] = (char *)runc;
    execvp(runc, rt->argv);
    ig_rt_error(rt,
                "%s: %s (other bundles go to runc: install it or set "
                "INGOT_RUNC_FALLBACK)",
                runc, strerror(errno));
    return 1;
}

/* The container ID among a command's arguments: the first that is not an
 * option or an option's value.  (takes) lists options taking a value. */
static const char *find_id(int argc, char **argv, const char *takes)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-')
            return a;
        if (strcmp(a, "--") == 0)
            return i + 1 < argc ? argv[i + 1] : NULL;
        char key[48];
        const char *name = a + (a[1] == '-' ? 2 : 1);
        snprintf(key, sizeof(key), " %.*s ", (int)strcspn(name, "="), name);
        if (!strchr(name, '=') && strstr(takes, key))
            i++;
    }
    return NULL;
}

int main(int argc, char **argv)
{
    struct ig_rt rt = {.root = "/run/ingot-runc", .argv = argv};
    int i;

    ig_host_set_prog("ingot-runc", 1);
    for (i = 1; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i], *eq = strchr(a, '=');
        size_t n = eq ? (size_t)(eq - a) : strlen(a);
        const char *v = eq ? eq + 1 : (i + 1 < argc ? argv[i + 1] : NULL);
#define IS(s) (n == strlen(s) && strncmp(a, s, n) == 0)
        if (IS("--help") || IS("-h")) {
            fputs(usage, stdout);
            return 0;
        }
        if (IS("--version") || IS("-v")) {
            printf("ingot-runc version 0.1.0\nspec: 1.0.2\n");
            return 0;
        }
        if (IS("--debug")) {
            rt.debug = 1;
            continue;
        }
        if (IS("--systemd-cgroup")) {
            rt.systemd_cgroup = 1;
            continue;
        }
        if (!IS("--root") && !IS("--log") && !IS("--log-format") &&
            !IS("--criu") && !IS("--rootless")) {
            ig_rt_error(&rt, "%s: unknown global option", a);
            return 1;
        }
        if (!v) {
            ig_rt_error(&rt, "%s: missing value", a);
            return 1;
        }
        if (IS("--root"))
            rt.root = v;
        else if (IS("--log"))
            rt.log = v;
        else if (IS("--log-format"))
            rt.log_json = strcmp(v, "json") == 0;
        if (!eq)
            i++;
#undef IS
    }
    if (i == argc) {
        fputs(usage, stderr);
        return 1;
    }
    const char *cmd = argv[i];
    int cargc = argc - i;
    char **cargv = argv + i;

    if (!strcmp(cmd, "create") || !strcmp(cmd, "run"))
        return ig_rt_create(&rt, cargc, cargv, cmd[0] == 'r');
    if (!strcmp(cmd, "features"))
        return ig_rt_features();
    if (!strcmp(cmd, "help")) {
        fputs(usage, stdout);
        return 0;
    }
    const char *takes = " process p console-socket cwd env e user u pid-file "
                        "process-label apparmor cap c preserve-fds cgroup "
                        "additional-gids g format f image-path work-path "
                        "parent-path page-server manage-cgroups-mode "
                        "empty-ns resources r memory memory-swap "
                        "memory-reservation kernel-memory "
                        "kernel-memory-tcp cpu-shares cpu-period cpu-quota "
                        "cpu-rt-period cpu-rt-runtime cpuset-cpus "
                        "cpuset-mems pids-limit l3-cache-schema "
                        "mem-bw-schema interval bundle b ";
    /* ps -f is --format; delete -f is --force. */
    if (!strcmp(cmd, "delete") || !strcmp(cmd, "kill"))
        takes = " ";
    const char *id = find_id(cargc, cargv, takes);
    if (!id || !ig_rt_owns(&rt, id))
        return ig_rt_handover(&rt);

    if (!strcmp(cmd, "start"))
        return ig_rt_start(&rt, id);
    if (!strcmp(cmd, "state"))
        return ig_rt_state(&rt, id);
    if (!strcmp(cmd, "kill"))
        return ig_rt_kill(&rt, cargc, cargv);
    if (!strcmp(cmd, "delete"))
        return ig_rt_delete(&rt, cargc, cargv);
    if (!strcmp(cmd, "ps"))
        return ig_rt_ps(&rt, cargc, cargv);
    if (!strcmp(cmd, "pause") || !strcmp(cmd, "resume"))
        return ig_rt_pause(&rt, id, cmd[0] == 'p');
    if (!strcmp(cmd, "exec"))
        ig_rt_error(&rt,
                    "exec %s: an Ingot container runs one application "
                    "and has no second process to start",
                    id);
    else if (!strcmp(cmd, "update"))
        ig_rt_error(&rt,
                    "update %s: an Ingot guest's resources are fixed "
                    "when it boots",
                    id);
    else if (!strcmp(cmd, "checkpoint") || !strcmp(cmd, "restore"))
        ig_rt_error(&rt, "%s %s: not supported for Ingot containers", cmd, id);
    else if (!strcmp(cmd, "events"))
        ig_rt_error(&rt, "events %s: not supported for Ingot containers", id);
    else
        ig_rt_error(&rt, "%s: unknown command", cmd);
    return 1;
}
