/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* tempfiles.c: mkdtemp, mkstemp, mkstemps and tmpfile, with their errors;
 * the output must be identical on Ingot and on Linux (run as root), a
 * differential test.  The names are random on Linux, so only their shape
 * and what stands behind them are printed. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ename.h"

#define BASE "/tmp/ingot-tempfiles-XXXXXX"

/* What mkdtemp/mkstemp made of (tmpl): kept prefix, six letters or digits
 * where the X's were, the kept suffix. */
static void shape(const char *tmpl, size_t suffix)
{
    size_t n = strlen(tmpl), x = n - suffix - 6, ok = 1;
    for (size_t i = x; i < x + 6; i++)
        if (!((tmpl[i] >= 'a' && tmpl[i] <= 'z') ||
              (tmpl[i] >= 'A' && tmpl[i] <= 'Z') ||
              (tmpl[i] >= '0' && tmpl[i] <= '9')))
            ok = 0;
    printf("  name: prefix kept %d, six characters %s, suffix \"%s\"\n",
           strncmp(tmpl, BASE, x) == 0, ok ? "filled" : "NOT filled",
           tmpl + n - suffix);
}

int main(void)
{
    char d1[] = BASE, d2[] = BASE, path[64];
    struct stat st;

    umask(022);
    printf("mkdtemp: %s\n",
           mkdtemp(d1) == d1 ? "template returned" : ename(errno));
    shape(d1, 0);
    T(stat(d1, &st));
    printf("  directory %d, mode %o\n", S_ISDIR(st.st_mode),
           (unsigned)(st.st_mode & 07777));
    printf("mkdtemp again: %s, another name %d\n",
           mkdtemp(d2) == d2 ? "template returned" : ename(errno),
           strcmp(d1, d2) != 0);

    /* Files inside the new directory. */
    snprintf(path, sizeof path, "%s/fXXXXXX", d1);
    int fd = mkstemp(path);
    printf("mkstemp: fd %s\n", fd >= 0 ? "open" : ename(errno));
    T(fstat(fd, &st));
    printf("  regular %d, mode %o, size %lld\n", S_ISREG(st.st_mode),
           (unsigned)(st.st_mode & 07777), (long long)st.st_size);
    T(write(fd, "abc", 3));
    T(close(fd));
    T(unlink(path));
    snprintf(path, sizeof path, "%s/gXXXXXX.log", d1);
    fd = mkstemps(path, 4);
    printf("mkstemps: fd %s, .log kept %d\n", fd >= 0 ? "open" : ename(errno),
           strcmp(path + strlen(path) - 4, ".log") == 0);
    T(close(fd));
    T(unlink(path));

    FILE *f = tmpfile();
    printf("tmpfile: %s\n", f ? "open" : ename(errno));
    if (f) {
        fputs("scratch", f);
        rewind(f);
        char buf[16] = "";
        printf("  read back \"%s\"\n", fgets(buf, sizeof buf, f));
        fclose(f);
    }

    /* Errors. */
    char few[] = "/tmp/ingot-tempfiles-XXXXX";
    printf("mkdtemp, five X's: %s\n", mkdtemp(few) ? "made" : ename(errno));
    char none[] = "/tmp/ingot-tempfiles";
    printf("mkdtemp, no X's: %s\n", mkdtemp(none) ? "made" : ename(errno));
    snprintf(path, sizeof path, "%s/no/such/XXXXXX", d1);
    printf("mkdtemp, missing parent: %s\n",
           mkdtemp(path) ? "made" : ename(errno));
    snprintf(path, sizeof path, "%s/file", d1);
    T(close(open(path, O_CREAT | O_WRONLY, 0600)));
    snprintf(path, sizeof path, "%s/file/XXXXXX", d1);
    printf("mkdtemp, parent is a file: %s\n",
           mkdtemp(path) ? "made" : ename(errno));
    snprintf(path, sizeof path, "%s/file", d1);
    T(unlink(path));
    printf("mkstemp, missing parent: ");
    snprintf(path, sizeof path, "%s/no/XXXXXX", d1);
    printf("%s\n", mkstemp(path) >= 0 ? "made" : ename(errno));

    T(rmdir(d1));
    T(rmdir(d2));
    printf("tempfiles: done\n");
    return 0;
}
