/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_cpio_write.c: the rootfs archive writer is reproducible and strict. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ingot/host.h>

#include "unit.h"

static char dir[] = "/tmp/ingot-cpio-test.XXXXXX";

static void put(const char *rel, const char *text, mode_t mode)
{
    char *p = ig_xasprintf("%s/%s", dir, rel);
    int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, mode);
    CHECK(fd >= 0);
    CHECK(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
    close(fd);
    chmod(p, mode);
    free(p);
}

static void sub(const char *rel)
{
    char *p = ig_xasprintf("%s/%s", dir, rel);
    CHECK(mkdir(p, 0755) == 0);
    free(p);
}

/* Writes the archive of (d) into a malloc'd buffer; returns its length or
 * -1 with the reason in (err). */
static long archive(const char *d, char **buf, char *err, size_t errlen)
{
    FILE *f = tmpfile();
    *buf = NULL;
    if (ig_cpio_write_tree(d, fileno(f), err, errlen) < 0) {
        fclose(f);
        return -1;
    }
    long n = lseek(fileno(f), 0, SEEK_END);
    *buf = malloc((size_t)n + 1);
    CHECK(pread(fileno(f), *buf, (size_t)n, 0) == n);
    fclose(f);
    return n;
}

/* Header field (i) (0 = ino ... 12 = check) of the entry at (p). */
static unsigned long field(const char *p, int i)
{
    char hex[9] = {0};
    memcpy(hex, p + 6 + 8 * i, 8);
    return strtoul(hex, NULL, 16);
}

static void check_entries(const char *a, long len)
{
    static const char *const want[] = {"a.txt",   "b",   "b/z",   "c",
                                       "c/d.txt", "c/e", "c/e/f", "TRAILER!!!"};
    long off = 0;
    for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
        CHECK(off + 110 <= len);
        if (off + 110 > len)
            return;
        CHECK(memcmp(a + off, "070701", 6) == 0);
        CHECK_STR(a + off + 110, want[i]);
        if (i + 1 < sizeof(want) / sizeof(want[0])) {
            CHECK_INT(field(a + off, 0), i + 1); /* ino */
            CHECK_INT(field(a + off, 2), 0);     /* uid */
            CHECK_INT(field(a + off, 3), 0);     /* gid */
            CHECK_INT(field(a + off, 5), 0);     /* mtime */
        }
        unsigned long fsz = field(a + off, 6), nsz = field(a + off, 11);
        off = (off + 110 + (long)nsz + 3) & ~3L;
        off = (off + (long)fsz + 3) & ~3L;
    }
}

int main(void)
{
    char err[512], *a, *b;

    CHECK(mkdtemp(dir) != NULL);
    /* Created out of order, so readdir order is unlikely to be sorted. */
    sub("c");
    put("c/d.txt", "d\n", 0644);
    sub("c/e");
    put("c/e/f", "", 0600);
    sub("b");
    put("b/z", "zzz", 0644);
    put("a.txt", "hello\n", 0644);
    char *link = ig_xasprintf("%s/link", dir);
    CHECK(symlink("a.txt", link) == 0); /* skipped: not a file or dir */

    long n1 = archive(dir, &a, err, sizeof(err));
    CHECK(n1 > 0);
    /* New times on everything: the bytes must not change. */
    char *touch =
        ig_xasprintf("touch -d @1000000 %s %s/* %s/c/*", dir, dir, dir);
    CHECK(system(touch) == 0);
    long n2 = archive(dir, &b, err, sizeof(err));
    CHECK_INT(n2, n1);
    CHECK(n1 > 0 && n1 == n2 && memcmp(a, b, (size_t)n1) == 0);
    if (n1 > 0)
        check_entries(a, n1);
    free(a);
    free(b);

    /* Errors: the directory itself, then an entry below it. */
    CHECK_INT(archive("/nonexistent/x", &a, err, sizeof(err)), -1);
    CHECK_STR(err, "No such file or directory");
    char *file = ig_xasprintf("%s/a.txt", dir);
    CHECK_INT(archive(file, &a, err, sizeof(err)), -1);
    CHECK_STR(err, "not a directory");
    char *d = ig_xasprintf("%s/c/d.txt", dir);
    if (geteuid() != 0 && chmod(d, 0) == 0) { /* root reads anything */
        CHECK_INT(archive(dir, &a, err, sizeof(err)), -1);
        CHECK_STR(err, "c/d.txt: Permission denied");
    }
    free(d);

    char *rm = ig_xasprintf("rm -rf %s", dir);
    CHECK(system(rm) == 0);
    free(rm), free(touch), free(link), free(file);
    return unit_done();
}
