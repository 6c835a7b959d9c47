/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_parse.c: host unit test of httpd's request parser. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "httpd.h"
#include "unit.h"

/* Parses (s) (of (len) bytes, strlen(s) when 0) and returns the result. */
static int parse(const char *s, size_t len, struct httpd_req *req)
{
    return httpd_parse(s, len ? len : strlen(s), req);
}

static void test_good(void)
{
    struct httpd_req r;
    const char *two = "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\n";

    CHECK_INT(parse("GET /index.html?q=1 HTTP/1.1\r\nHost: x\r\n\r\n", 0, &r),
              41);
    CHECK_STR(r.path, "/index.html");
    CHECK(r.method_ok && !r.head && r.keep_alive && r.body == 0);
    CHECK_INT(parse("HEAD /%41b HTTP/1.0\r\n\r\n", 0, &r), 23);
    CHECK_STR(r.path, "/Ab");
    CHECK(r.head && r.method_ok && !r.keep_alive);
    CHECK_INT(parse(two, 0, &r), 28);
    CHECK_STR(r.path, "/a");
    /* Bare LF ends lines too (once, this waited forever). */
    CHECK_INT(parse("GET / HTTP/1.1\nHost: x\n\n", 0, &r), 24);
    /* Empty lines before the request line are skipped. */
    CHECK_INT(parse("\r\n\nGET / HTTP/1.0\r\n\r\n", 0, &r), 21);
    CHECK_INT(parse("GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, close"
                    "\r\n\r\n",
                    0, &r),
              55);
    CHECK(!r.keep_alive);
    CHECK_INT(parse("GET / HTTP/1.0\r\nconnection:keep-alive\r\n\r\n", 0, &r),
              41);
    CHECK(r.keep_alive);
    CHECK(parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
                0, &r) == 47);
    CHECK(!r.method_ok && r.body == 5);
    CHECK(parse("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                "Content-Length: 5\r\n\r\n",
                0, &r) > 0);
}

static void test_incomplete(void)
{
    struct httpd_req r;

    CHECK_INT(parse("", 0, &r), 0);
    CHECK_INT(parse("GET / HTTP/1.1\r\nHost: x\r\n\r", 0, &r), 0);
    CHECK_INT(parse("GET / HTTP/1.1\r\nHost: x\r\n", 0, &r), 0);
    CHECK_INT(parse("GET / HT", 0, &r), 0);
    CHECK_INT(parse("\r\n\r\n", 0, &r), 0);
}

static void test_bad(void)
{
    struct httpd_req r;
    static const struct {
        const char *req;
        size_t len;
        int want;
    } cases[] = {
        {"NOT A REQUEST\r\n\r\n", 0, -400},
        {"GET /../etc HTTP/1.1\r\nHost: x\r\n\r\n", 0, -400},
        {"GET /a/%2e%2e/b HTTP/1.0\r\n\r\n", 0, -400},
        {"GET relative HTTP/1.0\r\n\r\n", 0, -400},
        {"GET /%00 HTTP/1.0\r\n\r\n", 0, -400},
        /* A raw NUL in the target was once served. */
        {"GET /a\0b HTTP/1.0\r\n\r\n", 22, -400},
        {"GET /a\0b HT", 11, -400},
        {"GET /a\rb HTTP/1.0\r\n\r\n", 0, -400},
        {"GET  / HTTP/1.0\r\n\r\n", 0, -400},
        {"GET / HTTP/1.1 \r\n\r\n", 0, -400},
        {"G(T / HTTP/1.0\r\n\r\n", 0, -400},
        {"GET / HTTP/2.0\r\n\r\n", 0, -505},
        {"GET / HTTP/1.2\r\n\r\n", 0, -505},
        {"GET / HTTP/1.x\r\n\r\n", 0, -400},
        {"GET / HTTP/1.1\r\n\r\n", 0, -400}, /* no Host */
        {"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 0, -400},
        {"GET / HTTP/1.0\r\nHost : x\r\n\r\n", 0, -400},
        {"GET / HTTP/1.0\r\n: x\r\n\r\n", 0, -400},
        {"GET / HTTP/1.0\r\nNoColon\r\n\r\n", 0, -400},
        {"GET / HTTP/1.0\r\nA: b\r\n folded\r\n\r\n", 0, -400},
        {"GET / HTTP/1.0\r\nA: b\0c\r\n\r\n", 25, -400},
        {"GET / HTTP/1.0\r\nA: b\rc\r\n\r\n", 0, -400},
        /* Bodies: a length the server can trust, or no request at all. */
        {"GET / HTTP/1.0\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 0,
         -400},
        {"GET / HTTP/1.0\r\nContent-Length: -1\r\n\r\n", 0, -400},
        {"GET / HTTP/1.0\r\nContent-Length: 1, 1\r\n\r\n", 0, -400},
        {"GET / HTTP/1.0\r\nContent-Length:\r\n\r\n", 0, -400},
        {"GET / HTTP/1.0\r\nContent-Length: 99999999999999999999999\r\n\r\n", 0,
         -413},
        {"GET / HTTP/1.0\r\nContent-Length: 1048577\r\n\r\n", 0, -413},
        {"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", 0,
         -501},
        {"POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
         "Content-Length: 3\r\n\r\n",
         0, -400},
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        int got = parse(cases[i].req, cases[i].len, &r);
        if (got != cases[i].want) {
            fprintf(stderr, "case %zu: %d, want %d\n", i, got, cases[i].want);
            unit_failures++;
        }
    }
}

/* More header lines than HTTPD_HEADERS_MAX: 431, even before the end. */
static void test_many_headers(void)
{
    struct httpd_req r;
    char buf[HTTPD_REQ_MAX];
    size_t n = (size_t)sprintf(buf, "GET / HTTP/1.0\r\n");

    for (int i = 0; i <= HTTPD_HEADERS_MAX; i++)
        n += (size_t)sprintf(buf + n, "a%d: b\r\n", i);
    CHECK_INT(httpd_parse(buf, n, &r), -431);
}

int main(void)
{
    test_good();
    test_incomplete();
    test_bad();
    test_many_headers();
    return unit_done();
}
