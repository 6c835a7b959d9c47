/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* rootfs.c: reads the root file system `ingot run --rootfs` supplied. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list(const char *path)
{
    char *names[64];
    int n = 0;
    DIR *d = opendir(path);
    struct dirent *e;

    if (!d) {
        printf("opendir %s: errno %d\n", path, errno);
        return;
    }
    while ((e = readdir(d)) && n < 64)
        names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, (size_t)n, sizeof(names[0]), cmp);
    printf("ls %s:", path);
    for (int i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

static void cat(const char *path)
{
    char line[256];
    FILE *f = fopen(path, "r");

    if (!f) {
        printf("%s: %s\n", path, errno == ENOENT ? "ENOENT" : "error");
        return;
    }
    while (fgets(line, sizeof(line), f))
        printf("%s: %s", path, line);
    fclose(f);
}

int main(void)
{
    struct stat st;

    list("/");
    list("/www");
    cat("/etc/motd");
    cat("/www/docs/a.txt");
    if (stat("/www/index.html", &st) == 0)
        printf("index.html: %lld bytes, mode %03o\n", (long long)st.st_size,
               (unsigned)(st.st_mode & 0777));
    /* The root is writable: it is a ramfs. */
    FILE *f = fopen("/etc/new", "w");
    if (f) {
        fputs("written\n", f);
        fclose(f);
    }
    cat("/etc/new");
    puts("rootfs: done");
    return 0;
}
