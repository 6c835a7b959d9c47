/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* log.c: errors to stderr and to --log, as JSON lines or logfmt. */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rt.h"

static void emit(const struct ig_rt *rt, const char *level, const char *fmt,
                 va_list ap)
{
    char *msg = ig_xvasprintf(fmt, ap);
    char now[48];

    if (strcmp(level, "error") == 0)
        fprintf(stderr, "ingot-runc: %s\n", msg);
    if (rt->log) {
        char *line;
        ig_state_now(now, sizeof(now));
        if (rt->log_json) {
            json_t *o = json_object();
            json_object_set_new(o, "level", json_string(level));
            /* A message that is not UTF-8 still gets a line. */
            json_t *m = json_string(msg);
            json_object_set_new(o, "msg", m ? m : json_string("(not UTF-8)"));
            json_object_set_new(o, "time", json_string(now));
            char *s = json_dumps(o, JSON_PRESERVE_ORDER | JSON_COMPACT);
            line = ig_xasprintf("%s\n", s);
            free(s);
            json_decref(o);
        } else {
            char *q = ig_shquote(msg);
            line = ig_xasprintf("time=\"%s\" level=%s msg=%s\n", now, level, q);
            free(q);
        }
        int fd = open(rt->log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
        if (fd >= 0) {
            ssize_t n = write(fd, line, strlen(line));
            (void)n;
            close(fd);
        }
        free(line);
    }
    free(msg);
}

void ig_rt_error(const struct ig_rt *rt, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    emit(rt, "error", fmt, ap);
    va_end(ap);
}

void ig_rt_debug(const struct ig_rt *rt, const char *fmt, ...)
{
    va_list ap;
    if (!rt->debug)
        return;
    va_start(ap, fmt);
    emit(rt, "debug", fmt, ap);
    va_end(ap);
}
