/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* fuzz_http.c: apps/httpd's request parser on any bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "httpd.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct httpd_req req;

    if (size > HTTPD_REQ_MAX)
        size = HTTPD_REQ_MAX; /* the server never holds more */
    int r = httpd_parse((const char *)data, size, &req);
    if (r > (int)size)
        abort();
    if (r > 0) {
        /* What is served: an absolute path, no NUL, no ".." segment. */
        if (req.path[0] != '/' || memchr(data, 0, (size_t)r) || req.body < 0 ||
            req.body > HTTPD_BODY_MAX)
            abort();
        for (const char *p = req.path; (p = strstr(p, "..")); p += 2)
            if (p[-1] == '/' && (p[2] == '/' || p[2] == '\0'))
                abort();
        /* The same bytes with more after them give the same head. */
        char *more = malloc((size_t)r + 4);
        struct httpd_req again;
        memcpy(more, data, (size_t)r);
        memcpy(more + r, "GET ", 4);
        if (httpd_parse(more, (size_t)r + 4, &again) != r ||
            strcmp(again.path, req.path) != 0)
            abort();
        free(more);
    }
    return 0;
}
