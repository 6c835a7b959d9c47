/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_runtime_spec.c: config.json parsing and the state store. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "rt.h"

static int parse(const char *text, struct ig_rt_spec *s, char *err,
                 size_t errlen)
{
    return ig_rt_spec_parse(text, strlen(text), s, err, errlen);
}

/* A docker-like config: bind mounts of files and directories, a netns
 * path, the setkey prestart hook, a memory limit. */
static void good(void)
{
    static const char text[] =
        "{\"ociVersion\":\"1.0.2\",\"process\":{\"terminal\":true,"
        "\"args\":[\"/ingot/kernel\",\"a b\"],\"env\":[\"PATH=/bin\","
        "\"X=1\"],\"cwd\":\"/\",\"user\":{\"uid\":1000,\"gid\":100,"
        "\"additionalGids\":[5]}},\"root\":{\"path\":\"rootfs\"},"
        "\"hostname\":\"h\",\"mounts\":[{\"destination\":\"/proc\","
        "\"type\":\"proc\",\"source\":\"proc\"},{\"destination\":\"/data\","
        "\"type\":\"bind\",\"source\":\"/srv\",\"options\":[\"rbind\","
        "\"ro\"]},{\"destination\":\"/w\",\"source\":\"/tmp\",\"options\":"
        "[\"bind\"]}],\"hooks\":{\"prestart\":[{\"path\":\"/usr/bin/h\","
        "\"args\":[\"h\",\"x\"],\"timeout\":5}]},\"linux\":{\"cgroupsPath\":"
        "\"/docker/abc\",\"resources\":{\"memory\":{\"limit\":33554432}},"
        "\"namespaces\":[{\"type\":\"pid\"},{\"type\":\"network\",\"path\":"
        "\"/run/netns/x\"}]},\"annotations\":{\"org.ingot.memory\":"
        "\"67108864\"}}";
    struct ig_rt_spec s;
    char err[256];

    CHECK_INT(parse(text, &s, err, sizeof(err)), 0);
    CHECK_INT(s.args.n, 2);
    CHECK_STR(s.args.v[1], "a b");
    CHECK_INT(s.env.n, 2);
    CHECK_INT(s.terminal, 1);
    CHECK_STR(s.hostname, "h");
    CHECK_INT(s.uid, 1000);
    CHECK_INT(s.gid, 100);
    CHECK_INT(s.nmounts, 2);
    CHECK_STR(s.mounts[0].dst, "/data");
    CHECK_INT(s.mounts[0].ro, 1);
    CHECK_INT(s.mounts[1].ro, 0);
    CHECK_INT(s.nhooks[IG_RT_HOOK_PRESTART], 1);
    CHECK_INT(s.hooks[IG_RT_HOOK_PRESTART][0].timeout, 5);
    CHECK_STR(s.cgroups_path, "/docker/abc");
    CHECK_INT(s.mem_limit, 33554432);
    CHECK_INT(s.netns, 1);
    CHECK_STR(s.netns_path, "/run/netns/x");
    char *r = ig_rt_rootfs("/b", &s);
    CHECK_STR(r, "/b/rootfs");
    free(r);
    ig_rt_spec_free(&s);
}

/* Every malformed input: -1 and a one-line reason naming the field. */
static void bad(void)
{
    static const struct {
        const char *text, *want;
    } cases[] = {
        {"", "not valid JSON"},
        {"{\"process\":{\"args\":[\"a\"]}", "not valid JSON at line 1"},
        {"[]", "no process object"},
        {"{\"process\":{\"args\":[]}}", "process.args is empty"},
        {"{\"process\":{\"args\":\"a\"}}", "process.args is not an array"},
        {"{\"process\":{\"args\":[1]}}", "process.args[0] is not a string"},
        {"{\"process\":{\"args\":[\"a\"],\"terminal\":1}}",
         "process.terminal is not a boolean"},
        {"{\"process\":{\"args\":[\"a\"],\"cwd\":7}}", "process.cwd"},
        {"{\"process\":{\"args\":[\"a\"],\"user\":7}}",
         "process.user is not an object"},
        {"{\"process\":{\"args\":[\"a\"],\"user\":{\"uid\":-1}}}",
         "process.user.uid"},
        {"{\"process\":{\"args\":[\"a\"],\"user\":{\"gid\":\"0\"}}}",
         "process.user.gid"},
        {"{\"process\":{\"args\":[\"a\"],\"user\":{\"uid\":4294967295}}}",
         "process.user.uid"},
        {"{\"process\":{\"args\":[\"a\"]},\"mounts\":{}}",
         "mounts is not an array"},
        {"{\"process\":{\"args\":[\"a\"]},\"mounts\":[{\"type\":\"bind\","
         "\"destination\":\"rel\",\"source\":\"/x\"}]}",
         "absolute destination"},
        {"{\"process\":{\"args\":[\"a\"]},\"hooks\":{\"prestart\":[{"
         "\"path\":\"rel\"}]}}",
         "hooks.prestart[0]"},
        {"{\"process\":{\"args\":[\"a\"]},\"hooks\":{\"poststop\":[{"
         "\"path\":\"/x\",\"timeout\":0}]}}",
         "timeout"},
        {"{\"process\":{\"args\":[\"a\"]},\"linux\":{\"resources\":{"
         "\"memory\":{\"limit\":-5}}}}",
         "memory.limit"},
        {"{\"process\":{\"args\":[\"a\"]},\"linux\":{\"namespaces\":[{}]}}",
         "namespaces[0] has no type"},
        {"{\"process\":{\"args\":[\"a\"]},\"process\":{}}", "not valid JSON"},
        /* jansson quotes the bad token, newline and all: it is escaped. */
        {"{\"process\":\"a\\\n\"}", "near '\"a\\\\n'"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct ig_rt_spec s;
        char err[256] = "";
        CHECK_INT(parse(cases[i].text, &s, err, sizeof(err)), -1);
        if (!strstr(err, cases[i].want))
            fprintf(stderr, "case %zu: error \"%s\", want \"%s\"\n", i, err,
                    cases[i].want),
                unit_failures++;
        CHECK(!strchr(err, '\n'));
        ig_rt_spec_free(&s);
    }
}

static void store(void)
{
    char dir[] = "/tmp/ingot-state-test-XXXXXX", err[256];
    CHECK(mkdtemp(dir) != NULL);
    char *root = ig_xasprintf("%s/root", dir);
    struct ig_state s = {.id = "c1",
                         .pid = getpid(),
                         .bundle = "/b",
                         .rootfs = "/b/rootfs",
                         .created = "t"};
    s.start_time = ig_state_proc_start(getpid());
    CHECK(s.start_time != 0);

    CHECK(ig_state_id_ok("abc-1.2_x+y"));
    CHECK(!ig_state_id_ok(".."));
    CHECK(!ig_state_id_ok("a/b"));
    CHECK(!ig_state_id_ok(""));
    CHECK_INT(ig_state_create(root, "c1", err, sizeof(err)), 0);
    CHECK_INT(ig_state_create(root, "c1", err, sizeof(err)), -1);
    CHECK_STR(err, "container ID already exists");
    CHECK_INT(ig_state_save(root, &s, err, sizeof(err)), 0);

    struct ig_state t;
    CHECK_INT(ig_state_load(root, "c1", &t, err, sizeof(err)), 0);
    CHECK_INT(t.pid, getpid());
    CHECK_STR(t.bundle, "/b");
    CHECK_STR(ig_state_status(&t, 1), "created");
    t.started = 1;
    CHECK_STR(ig_state_status(&t, 0), "running");
    t.start_time++; /* a recycled pid is not the container */
    CHECK_STR(ig_state_status(&t, 0), "stopped");
    json_t *j = ig_state_oci_json(&t, "stopped", NULL);
    CHECK_INT(json_integer_value(json_object_get(j, "pid")), 0);
    json_decref(j);
    ig_state_free(&t);

    CHECK_INT(ig_state_load(root, "c2", &t, err, sizeof(err)), -2);
    CHECK_INT(ig_state_load(root, "../x", &t, err, sizeof(err)), -1);
    char *p = ig_xasprintf("%s/c1/%s", root, IG_STATE_FILE);
    FILE *f = fopen(p, "w");
    fputs("{\"id\":1}", f);
    fclose(f);
    CHECK_INT(ig_state_load(root, "c1", &t, err, sizeof(err)), -1);
    CHECK(strstr(err, "malformed") != NULL);
    ig_state_free(&t);
    ig_state_remove(root, "c1");
    CHECK(access(p, F_OK) != 0);
    free(p);
    rmdir(root);
    rmdir(dir);
    free(root);
}

int main(void)
{
    good();
    bad();
    store();
    return unit_done();
}
