/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* oci_json.c: reading, checking and writing the JSON documents (jansson). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ingot/host.h>

#include "oci_internal.h"

json_t *ig_oci_json_parse(const char *buf, size_t len, const char *name,
                          char *err, size_t errlen)
{
    json_error_t je;
    json_t *j = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &je);

    if (!j) {
        snprintf(err, errlen, "%s: not valid JSON at line %d: %s", name,
                 je.line, ig_host_one_line(je.text, sizeof(je.text)));
        return NULL;
    }
    if (!json_is_object(j)) {
        snprintf(err, errlen, "%s: not a JSON object", name);
        json_decref(j);
        return NULL;
    }
    return j;
}

json_t *ig_oci_json_load(const char *path, const char *name, char *err,
                         size_t errlen)
{
    FILE *f = fopen(path, "rb");

    if (!f) {
        snprintf(err, errlen, "%s: %s", name, strerror(errno));
        return NULL;
    }
    char *buf = ig_xmalloc(IG_OCI_JSON_MAX + 1);
    size_t n = fread(buf, 1, IG_OCI_JSON_MAX + 1, f);
    int bad = ferror(f);
    fclose(f);
    json_t *j = NULL;
    if (bad)
        snprintf(err, errlen, "%s: read error", name);
    else if (n > IG_OCI_JSON_MAX)
        snprintf(err, errlen, "%s: larger than %u bytes", name,
                 IG_OCI_JSON_MAX);
    else
        j = ig_oci_json_parse(buf, n, name, err, errlen);
    free(buf);
    return j;
}

char *ig_oci_json_dump(const json_t *j, size_t *len)
{
    char *s = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);

    if (!s)
        ig_host_oom();
    *len = strlen(s);
    return s;
}

json_t *ig_oci_desc_new(const char *mt, const char *digest, int64_t size)
{
    json_t *d = json_object();

    json_object_set_new(d, "mediaType", json_string(mt));
    json_object_set_new(d, "digest", json_string(digest));
    json_object_set_new(d, "size", json_integer(size));
    return d;
}

const char *ig_oci_json_str(const json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

int ig_oci_write_file(const char *path, const void *buf, size_t len, char *err,
                      size_t errlen)
{
    char *tmp = ig_xasprintf("%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp);
    int r = -1;

    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
        free(tmp);
        return -1;
    }
    int e = -ig_write_all(fd, buf, len);
    if (!e && fchmod(fd, 0644) < 0)
        e = errno;
    if (close(fd) < 0 && !e)
        e = errno;
    if (e)
        snprintf(err, errlen, "%s: %s", tmp, strerror(e));
    else if (rename(tmp, path) < 0)
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
    else
        r = 0;
    if (r < 0)
        unlink(tmp);
    free(tmp);
    return r;
}

int ig_oci_index_check(const json_t *index, char *err, size_t errlen)
{
    json_t *sv = json_object_get(index, "schemaVersion");
    json_t *ms = json_object_get(index, "manifests");
    const char *mt = ig_oci_json_str(index, "mediaType");
    size_t i;
    json_t *e;

    if (!json_is_integer(sv) || json_integer_value(sv) != 2) {
        snprintf(err, errlen, "index.json: schemaVersion is not 2");
        return -1;
    }
    if (mt && strcmp(mt, IG_OCI_MT_INDEX) != 0) {
        snprintf(err, errlen, "index.json: mediaType %s, expected %s", mt,
                 IG_OCI_MT_INDEX);
        return -1;
    }
    if (!json_is_array(ms)) {
        snprintf(err, errlen, "index.json: no manifests array");
        return -1;
    }
    json_array_foreach(ms, i, e)
    {
        char what[48];
        const char *emt, *digest;
        int64_t size;

        snprintf(what, sizeof(what), "index.json: manifests[%zu]", i);
        if (ig_oci_desc_parse(e, what, &emt, &digest, &size, err, errlen) < 0)
            return -1;
        json_t *a = json_object_get(e, "annotations");
        if (a && !json_is_object(a)) {
            snprintf(err, errlen, "%s: annotations is not an object", what);
            return -1;
        }
    }
    return 0;
}
