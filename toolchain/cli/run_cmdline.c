/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* run_cmdline.c: the command line `ingot run` hands the guest. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "run.h"

/* The guest splits at white space and understands "..." with \" and \\
 * inside (libos core, <ingot/cmdline.h>); nothing else is special. */
static int needs_quotes(const char *s)
{
    return *s == '\0' || strpbrk(s, " \t\n\r\v\f\"\\") != NULL;
}

char *ig_run_quote(const char *s)
{
    if (!needs_quotes(s))
        return ig_xstrdup(s);

    size_t len = strlen(s), extra = 0;
    for (size_t i = 0; i < len; i++)
        extra += s[i] == '"' || s[i] == '\\';
    char *out = ig_xmalloc(len + extra + 3), *p = out;
    *p++ = '"';
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '"' || s[i] == '\\')
            *p++ = '\\';
        *p++ = s[i];
    }
    *p++ = '"';
    *p = '\0';
    return out;
}

static void append(char **buf, size_t *len, size_t *cap, const char *tok)
{
    char *q = ig_run_quote(tok);
    size_t ql = strlen(q);

    if (*len + ql + 2 > *cap) {
        while (*len + ql + 2 > *cap)
            *cap *= 2;
        *buf = ig_xrealloc(*buf, *cap);
    }
    if (*len)
        (*buf)[(*len)++] = ' ';
    memcpy(*buf + *len, q, ql + 1);
    *len += ql;
    free(q);
}

int ig_run_cmdline(const struct ig_run_opts *o, char **out)
{
    size_t len = 0, cap = 256;
    char *buf = ig_xmalloc(cap);
    const char *slash = strrchr(o->image, '/');
    char *tok = ig_xasprintf("argv0=%s", o->argv0 ? o->argv0
                                         : slash  ? slash + 1
                                                  : o->image);

    buf[0] = '\0';
    append(&buf, &len, &cap, tok);
    free(tok);
    for (size_t i = 0; i < o->env.n; i++) {
        tok = ig_xasprintf("env.%s", o->env.v[i]);
        append(&buf, &len, &cap, tok);
        free(tok);
    }
    /* Volume i is the platform's device "v<i>", mounted at GUESTDIR. */
    for (int i = 0; i < o->nvols; i++) {
        tok = ig_xasprintf("vol.v%d=%s%s", i, o->vols[i].guest,
                           o->vols[i].ro ? ":ro" : "");
        append(&buf, &len, &cap, tok);
        free(tok);
    }
    if (o->cwd) { /* after the volumes it may lie in */
        tok = ig_xasprintf("cwd=%s", o->cwd);
        append(&buf, &len, &cap, tok);
        free(tok);
    }
    if (o->hostname) {
        tok = ig_xasprintf("hostname=%s", o->hostname);
        append(&buf, &len, &cap, tok);
        free(tok);
    }
    if (o->user) { /* after the volumes: /etc/passwd may lie in one */
        tok = ig_xasprintf("user=%s", o->user);
        append(&buf, &len, &cap, tok);
        free(tok);
    }
    const char *const net[][2] = {{"net.ip=", o->net_ip},
                                  {"net.gw=", o->net_gw},
                                  {"net.dns=", o->net_dns}};
    for (size_t i = 0; i < sizeof(net) / sizeof(net[0]); i++) {
        if (!net[i][1])
            continue;
        tok = ig_xasprintf("%s%s", net[i][0], net[i][1]);
        append(&buf, &len, &cap, tok);
        free(tok);
    }
    if (o->core_dir)
        append(&buf, &len, &cap, "core=1");
    /* Which streams are terminals; with -t the terminal's state. */
    if (o->tty_mask > 0 && o->tty_mask <= 7) {
        tok = ig_xasprintf("tty=%d", o->tty_mask);
        append(&buf, &len, &cap, tok);
        free(tok);
    }
    if (o->tty && o->tty_attr[0]) {
        tok = ig_xasprintf("tty.attr=%s", o->tty_attr);
        append(&buf, &len, &cap, tok);
        free(tok);
        tok = ig_xasprintf("tty.size=%s", o->tty_size);
        append(&buf, &len, &cap, tok);
        free(tok);
    }
    /* Always there, so an app argument can never be read as an option. */
    append(&buf, &len, &cap, "--");
    for (int i = 0; i < o->nargs; i++)
        append(&buf, &len, &cap, o->args[i]);
    *out = buf;
    return len + 1 > IG_RUN_CMDLINE_MAX ? -E2BIG : 0;
}

int ig_run_volumes_resolve(struct ig_run_opts *o, char *err, size_t errlen)
{
    for (int i = 0; i < o->nvols; i++) {
        struct ig_run_volume *v = &o->vols[i];
        char *abs = realpath(v->host, NULL);
        struct stat st;
        const char *why = NULL;

        if (!abs || stat(abs, &st) < 0)
            why = strerror(errno);
        else if (!S_ISDIR(st.st_mode))
            why = strerror(ENOTDIR);
        if (why) {
            snprintf(err, errlen, "-v %s:%s: %s: %s", v->host, v->guest,
                     v->host, why);
            free(abs);
            return -1;
        }
        ig_strvec_push(&o->owned, abs);
        free(abs);
        v->host = o->owned.v[o->owned.n - 1];
    }
    return 0;
}
