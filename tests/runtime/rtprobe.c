/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* rtprobe.c: what a container engine handed the guest, printed for tests. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

static volatile sig_atomic_t term;

static void on_term(int sig)
{
    term = sig;
}

/* MiB the heap grows to before malloc fails: tells the memory limit. */
static int heap_mib(void)
{
    int n = 0;
    while (n < 4096 && malloc(1 << 20))
        n++;
    return n;
}

int main(int argc, char **argv)
{
    const char *mode = argc > 1 ? argv[1] : "";

    printf("argc=%d\n", argc);
    for (int i = 1; i < argc; i++)
        printf("arg%d=%s\n", i, argv[i]);
    for (char **e = environ; *e; e++)
        if (strncmp(*e, "PROBE_", 6) == 0)
            printf("env %s\n", *e);
    if (strcmp(mode, "exit") == 0 && argc > 2)
        return atoi(argv[2]);
    if (strcmp(mode, "ident") == 0) {
        /* process.cwd, hostname and user as the engine set them */
        char cwd[256] = "", host[65] = "";
        if (!getcwd(cwd, sizeof(cwd)))
            perror("getcwd");
        gethostname(host, sizeof(host));
        printf("cwd=%s\nhostname=%s\nuid=%d gid=%d\n", cwd, host, (int)getuid(),
               (int)getgid());
    }
    if (strcmp(mode, "tty") == 0) {
        /* process.terminal: the engine's pty on every stream */
        const char *term = getenv("TERM");
        printf("isatty %d %d %d TERM=%s\n", isatty(0), isatty(1), isatty(2),
               term ? term : "");
    }
    if (strcmp(mode, "mem") == 0)
        printf("heap_mib=%d\n", heap_mib());
    if (strcmp(mode, "vol") == 0 && argc > 2) {
        char path[512], line[256] = "";
        snprintf(path, sizeof(path), "%s/in.txt", argv[2]);
        FILE *f = fopen(path, "r");
        if (!f || !fgets(line, sizeof(line), f)) {
            perror(path);
            return 1;
        }
        fclose(f);
        printf("read %s", line);
        snprintf(path, sizeof(path), "%s/out.txt", argv[2]);
        f = fopen(path, "w");
        if (!f || fprintf(f, "written by the guest\n") < 0 || fclose(f)) {
            perror(path);
            return 1;
        }
        printf("wrote out.txt\n");
    }
    if (strcmp(mode, "wait") == 0) {
        /* `docker stop` and friends: SIGTERM, which reaches the guest's
         * handler on kvm and pico. */
        signal(SIGTERM, on_term);
        printf("waiting\n");
        fflush(stdout);
        while (!term)
            sleep(1);
        printf("got SIGTERM\n");
    }
    fflush(stdout);
    return 0;
}
