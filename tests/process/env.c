/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* env.c: what a container's process finds: PATH, HOME, HOSTNAME, a
 * writable /tmp, its host name, working directory and user. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
    struct stat st;
    const char *path = getenv("PATH"), *home = getenv("HOME");

    const char *hostenv = getenv("HOSTNAME");
    char host[HOST_NAME_MAX + 1] = "?", cwd[PATH_MAX] = "?";

    printf("PATH=%s\n", path ? path : "(unset)");
    printf("HOME=%s\n", home ? home : "(unset)");
    printf("HOSTNAME=%s\n", hostenv ? hostenv : "(unset)");
    gethostname(host, sizeof(host));
    printf("hostname: %s\n", host);
    printf("cwd: %s\n", getcwd(cwd, sizeof(cwd)) ? cwd : "?");
    printf("uid %d gid %d euid %d\n", (int)getuid(), (int)getgid(),
           (int)geteuid());
    if (stat("/tmp", &st) != 0) {
        printf("/tmp: missing\n");
        return 1;
    }
    printf("/tmp: directory %d\n", S_ISDIR(st.st_mode));
    FILE *f = fopen("/tmp/probe", "w");
    printf("/tmp writable: %d\n", f != NULL && fputs("x", f) >= 0);
    return 0;
}
