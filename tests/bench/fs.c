/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fs.c: sequential write and read throughput and file create rate in one
 * directory (ramfs, a volume, or natively a host directory). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what)
{
    perror(what);
    exit(1);
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: fs DIR MIB CHUNK_KIB FILES\n");
        return 2;
    }
    const char *dir = argv[1];
    long mib = atol(argv[2]), chunk = atol(argv[3]) * 1024;
    int files = atoi(argv[4]);
    char path[512];
    char *buf = malloc((size_t)chunk);
    long total = mib << 20;

    if (!buf)
        die("malloc");
    memset(buf, 0x5a, (size_t)chunk);
    mkdir(dir, 0755); /* ramfs starts empty; elsewhere it exists */
    snprintf(path, sizeof(path), "%s/fs-bench.dat", dir);

    double t0 = now();
    int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0644);
    if (fd < 0)
        die(path);
    for (long done = 0; done < total; done += chunk)
        if (write(fd, buf, (size_t)chunk) != chunk)
            die("write");
    if (fsync(fd) < 0 || close(fd) < 0)
        die("fsync");
    double t1 = now();
    fd = open(path, O_RDONLY);
    if (fd < 0)
        die(path);
    long got = 0;
    for (ssize_t n; (n = read(fd, buf, (size_t)chunk)) > 0;)
        got += n;
    close(fd);
    double t2 = now();
    if (got != total)
        die("short read");
    unlink(path);

    double t3 = now();
    for (int i = 0; i < files; i++) {
        snprintf(path, sizeof(path), "%s/c%05d", dir, i);
        fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0644);
        if (fd < 0 || close(fd) < 0)
            die(path);
    }
    double t4 = now();
    for (int i = 0; i < files; i++) {
        snprintf(path, sizeof(path), "%s/c%05d", dir, i);
        if (unlink(path) < 0)
            die(path);
    }
    printf("fs: write %.1f MiB/s read %.1f MiB/s create %.0f files/s\n",
           (double)mib / (t1 - t0), (double)mib / (t2 - t1), files / (t4 - t3));
    return 0;
}
