/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* mgr_log.c: an instance's log: records, rotation, and `ingot logs`. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <ingot/host.h>

#include "mgr.h"

int ig_mgr_log_open(struct ig_mgr_log *l, const char *dir, long long max_size,
                    int max_file, char *err, size_t errlen)
{
    struct stat st;

    l->dir = ig_xstrdup(dir);
    l->max_size = max_size;
    l->max_file = max_file;
    char *p = ig_xasprintf("%s/log", dir);
    l->fd = open(p, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (l->fd < 0)
        snprintf(err, errlen, "%s: %s", p, strerror(errno));
    free(p);
    l->size = l->fd >= 0 && fstat(l->fd, &st) == 0 ? st.st_size : 0;
    return l->fd < 0 ? -1 : 0;
}

/* log.(max-2) -> log.(max-1), ..., log -> log.1; the oldest goes. */
static void rotate(struct ig_mgr_log *l)
{
    char *from, *to;

    close(l->fd);
    for (int k = l->max_file - 1; k >= 1; k--) {
        from = k == 1 ? ig_xasprintf("%s/log", l->dir)
                      : ig_xasprintf("%s/log.%d", l->dir, k - 1);
        to = ig_xasprintf("%s/log.%d", l->dir, k);
        rename(from, to);
        free(from);
        free(to);
    }
    from = ig_xasprintf("%s/log", l->dir);
    l->fd =
        open(from, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0600);
    free(from);
    l->size = 0;
}

static void put_record(struct ig_mgr_log *l, const char *head, size_t hlen,
                       const char *text, size_t len, int full)
{
    size_t need = hlen + 3 + len + 1;

    if (l->size > 0 && l->size + (long long)need > l->max_size)
        rotate(l);
    if (l->fd < 0)
        return;
    char *rec = ig_xmalloc(need);
    memcpy(rec, head, hlen);
    memcpy(rec + hlen, full ? " F " : " P ", 3);
    memcpy(rec + hlen + 3, text, len);
    rec[need - 1] = '\n';
    if (ig_write_all(l->fd, rec, need) == 0)
        l->size += (long long)need;
    free(rec);
}

void ig_mgr_log_write(struct ig_mgr_log *l, int stream, const char *buf,
                      size_t len)
{
    char head[64];

    ig_state_now(head, sizeof(head) - 8);
    strcat(head, stream == 2 ? " stderr" : " stdout");
    size_t hlen = strlen(head);
    while (len) {
        const char *nl = memchr(buf, '\n', len);
        size_t n = nl ? (size_t)(nl - buf) : len;
        put_record(l, head, hlen, buf, n, nl != NULL);
        if (nl)
            n++;
        buf += n;
        len -= n;
    }
}

void ig_mgr_log_close(struct ig_mgr_log *l)
{
    if (l->fd >= 0)
        close(l->fd);
    free(l->dir);
    l->fd = -1;
    l->dir = NULL;
}

/* ---- reading -------------------------------------------------------------
 */

struct reader {
    const struct ig_mgr_logs_opts *o;
    int bol[3];           /* output stream 1 or 2 is at a line start */
    struct ig_strvec all; /* records kept for --tail */
    char *part;           /* an unfinished record line read so far */
    size_t partlen;
};

/* Returns 1 if record (rec) ends a line ("TIME STREAM F TEXT"). */
static int full(const char *rec)
{
    const char *sp1 = strchr(rec, ' ');
    return sp1 && strlen(sp1) >= 10 && sp1[8] == 'F';
}

static void emit(struct reader *r, const char *rec)
{
    /* "TIME STREAM F|P TEXT" */
    const char *sp1 = strchr(rec, ' ');
    if (!sp1 || strlen(sp1) < 10 || sp1[7] != ' ' || sp1[9] != ' ')
        return; /* not a record (a torn write) */
    int stream = strncmp(sp1 + 1, "stderr", 6) == 0 ? 2 : 1;
    int full = sp1[8] == 'F';
    FILE *f = stream == 2 ? stderr : stdout;
    if (r->o->timestamps && r->bol[stream])
        fprintf(f, "%.*s ", (int)(sp1 - rec), rec);
    fputs(sp1 + 10, f);
    if (full)
        fputc('\n', f);
    r->bol[stream] = full;
}

static void record(struct reader *r, const char *rec, int live)
{
    if (r->o->tail >= 0 && !live)
        ig_strvec_push(&r->all, rec);
    else
        emit(r, rec);
}

/* Reads what (fd) holds from its position, record by record. */
static void drain(struct reader *r, int fd, int live)
{
    char buf[8192];
    ssize_t n;

    while ((n = read(fd, buf, sizeof(buf))) > 0) {
        r->part = ig_xrealloc(r->part, r->partlen + (size_t)n + 1);
        memcpy(r->part + r->partlen, buf, (size_t)n);
        r->partlen += (size_t)n;
        size_t start = 0;
        for (size_t i = 0; i < r->partlen; i++) {
            if (r->part[i] != '\n')
                continue;
            r->part[i] = '\0';
            record(r, r->part + start, live);
            start = i + 1;
        }
        memmove(r->part, r->part + start, r->partlen - start);
        r->partlen -= start;
    }
    fflush(stdout);
    fflush(stderr);
}

int ig_mgr_logs_print(const char *dir, const struct ig_mgr_logs_opts *o,
                      int (*alive)(void *ctx), void *ctx)
{
    struct reader r = {.o = o, .bol = {1, 1, 1}};
    int fd = -1;

    for (int k = IG_MGR_LOG_FILES_MAX; k >= 0; k--) {
        char *p =
            k ? ig_xasprintf("%s/log.%d", dir, k) : ig_xasprintf("%s/log", dir);
        if (fd >= 0)
            close(fd);
        fd = open(p, O_RDONLY | O_CLOEXEC);
        free(p);
        if (fd >= 0) {
            drain(&r, fd, 0);
            r.partlen = 0; /* each file holds whole records */
        }
    }
    if (o->tail >= 0) {
        /* The last N lines: a line may span records (P ... F), so count
         * the records that end one, from the end. */
        size_t from = 0, lines = 0;
        for (size_t i = r.all.n; i-- > 0;) {
            if (full(r.all.v[i]) && lines++ == (size_t)o->tail) {
                from = i + 1;
                break;
            }
        }
        for (size_t i = from; i < r.all.n; i++)
            emit(&r, r.all.v[i]);
        ig_strvec_free(&r.all);
    }
    fflush(stdout);
    fflush(stderr);
    while (o->follow) {
        int more = alive(ctx);
        struct stat a, b;
        char *p = ig_xasprintf("%s/log", dir);
        if (fd >= 0)
            drain(&r, fd, 1);
        /* Rotated: the old file is complete; go on with the new one. */
        if (stat(p, &a) == 0 &&
            (fd < 0 || (fstat(fd, &b) == 0 && a.st_ino != b.st_ino))) {
            if (fd >= 0)
                close(fd);
            fd = open(p, O_RDONLY | O_CLOEXEC);
            r.partlen = 0;
            free(p);
            continue;
        }
        free(p);
        if (!more)
            break;
        nanosleep(&(struct timespec){0, 100 * 1000 * 1000}, NULL);
    }
    if (fd >= 0)
        close(fd);
    free(r.part);
    return 0;
}
