/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* hooks.c: OCI hooks, each run with the state JSON on its stdin. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rt.h"

static const char *const kind_names[IG_RT_HOOK_KINDS] = {
    "prestart",       "createRuntime", "createContainer",
    "startContainer", "poststart",     "poststop"};

static int run_one(const struct ig_rt_hook *h, const char *state, char *why,
                   size_t whylen)
{
    int in[2];

    if (pipe2(in, O_CLOEXEC) < 0) {
        snprintf(why, whylen, "pipe: %s", strerror(errno));
        return -1;
    }
    /* argv and envp are built before fork: only async-signal-safe calls
     * after it. */
    struct ig_strvec args = {0}, env = {0};
    if (h->args.n)
        ig_strvec_pushv(&args, (const char *const *)h->args.v, h->args.n);
    else
        ig_strvec_push(&args, h->path);
    ig_strvec_pushv(&env, (const char *const *)h->env.v, h->env.n);
    char **av = ig_strvec_argv(&args), **ev = ig_strvec_argv(&env);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(in[0], 0);
        /* The hook's output must not reach the engine's protocol on our
         * stdout (state, ps): it goes to stderr. */
        dup2(2, 1);
        signal(SIGPIPE, SIG_DFL);
        execve(h->path, av, ev);
        _exit(127);
    }
    close(in[0]);
    int r = -1;
    if (pid < 0) {
        snprintf(why, whylen, "fork: %s", strerror(errno));
        close(in[1]);
        goto out;
    }
    /* A hook that does not read its stdin must not block or kill us. */
    void (*old)(int) = signal(SIGPIPE, SIG_IGN);
    size_t len = strlen(state), off = 0;
    while (off < len) {
        ssize_t n = write(in[1], state + off, len - off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        off += (size_t)n;
    }
    close(in[1]);
    signal(SIGPIPE, old);
    long elapsed;
    int st = h->timeout
                 ? ig_proc_wait_timeout(pid, h->timeout * 1000L, &elapsed)
                 : ig_proc_wait(pid, NULL);
    if (st == -ETIMEDOUT)
        snprintf(why, whylen, "timed out after %d s", h->timeout);
    else if (st == 127)
        snprintf(why, whylen, "cannot be executed (exit status 127)");
    else if (st)
        snprintf(why, whylen, "exit status %d", st);
    else
        r = 0;
out:
    ig_strvec_free(&args);
    ig_strvec_free(&env);
    return r;
}

int ig_rt_hooks_run(const struct ig_rt_spec *s, enum ig_rt_hook_kind kind,
                    const char *state, char *err, size_t errlen)
{
    for (int i = 0; i < s->nhooks[kind]; i++) {
        char why[256];
        if (run_one(&s->hooks[kind][i], state, why, sizeof(why)) < 0) {
            snprintf(err, errlen, "%s hook %s: %s", kind_names[kind],
                     s->hooks[kind][i].path, why);
            return -1;
        }
    }
    return 0;
}

char *ig_rt_state_text(const struct ig_state *st, const char *status,
                       json_t *annotations)
{
    json_t *j = ig_state_oci_json(st, status, annotations);
    char *t = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    return t;
}

void ig_rt_hooks_late(const struct ig_rt *rt, const struct ig_state *st,
                      const char *status, enum ig_rt_hook_kind kind)
{
    struct ig_rt_spec s;
    char err[512];

    if (ig_rt_spec_load(st->bundle, &s, err, sizeof(err)) == 0) {
        char *text = ig_rt_state_text(st, status, s.annotations);
        if (ig_rt_hooks_run(&s, kind, text, err, sizeof(err)) < 0)
            ig_rt_error(rt, "%s", err);
        free(text);
    }
    ig_rt_spec_free(&s);
}
