/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* main.c: `ingot`, the command that runs and manages images. */
#include <stdio.h>
#include <string.h>

#include <ingot/host.h>
#include <ingot/host_config.h>

#include "bench.h"
#include "inspect.h"
#include "mgr.h"
#include "run.h"

static const struct command {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"run", ig_cmd_run, "boot an image and exit with its status"},
    {"exec", ig_cmd_exec,
     "run an image like a host program (what ./IMAGE does)"},
    {"bench", ig_cmd_bench, "measure Ingot next to its peers on this machine"},
    {"pkg", ig_cmd_pkg, "package an image as an OCI image layout or archive"},
    {"inspect", ig_cmd_inspect,
     "show an image's manifest and sizes, a packaged OCI image, or an "
     "instance"},
    {"ps", ig_cmd_ps, "list the instances started by run -d"},
    {"logs", ig_cmd_logs, "print an instance's output"},
    {"stop", ig_cmd_stop, "stop instances (SIGTERM, then SIGKILL)"},
    {"kill", ig_cmd_kill, "send a signal to instances"},
    {"rm", ig_cmd_rm, "remove instances that have ended"},
    {"wait", ig_cmd_wait, "wait for instances to end; print their statuses"},
    {"stats", ig_cmd_stats, "show CPU and memory use of instances"},
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

static void usage(FILE *f)
{
    fputs("Usage: ingot COMMAND [options]\n"
          "Run and manage Ingot images (build them with ingot-cc).\n"
          "\n"
          "Commands:\n",
          f);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("\n"
          "`ingot COMMAND --help` describes a command.  Options:\n"
          "  -h, --help     print this help\n"
          "  --version      print the version\n"
          "\n"
          "Exit status: a command's own (see its --help); 1 for an unknown\n"
          "command or option.\n",
          f);
}

static const struct command *find(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(name, commands[i].name) == 0)
            return &commands[i];
    return NULL;
}

int main(int argc, char **argv)
{
    static char help_opt[] = "--help";

    ig_host_set_prog("ingot", 1);
    if (argc < 2) {
        usage(stderr);
        return 1;
    }
    const char *name = argv[1];
    if (strcmp(name, "help") == 0 && argc > 2) {
        /* "ingot help run" is "ingot run --help". */
        const struct command *c = find(argv[2]);
        char *sub[] = {argv[2], help_opt, NULL};
        if (c)
            return c->fn(2, sub);
        name = argv[2];
    } else if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0 ||
               strcmp(name, "help") == 0) {
        usage(stdout);
        return 0;
    } else if (strcmp(name, "--version") == 0) {
        printf("ingot %s\n", IG_HOST_VERSION);
        return 0;
    }
    const struct command *c = find(name);
    if (!c) {
        ig_host_error("%s: %s (see ingot --help)", name,
                      name[0] == '-' ? "unknown option" : "unknown command");
        return 1;
    }
    /* Commands that boot guests keep 1..124 for the app's own statuses. */
    ig_host_set_prog("ingot", IG_RUN_STATUS_FAIL);
    return c->fn(argc - 1, argv + 1);
}
