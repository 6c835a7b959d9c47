/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* httpd.h: what the connection loop and the request handling share. */
#ifndef INGOT_HTTPD_H
#define INGOT_HTTPD_H

#include <stddef.h>
#include <sys/types.h>

/* The longest request line plus headers the server accepts, the most
 * header lines, and the longest body (read and dropped: a static server
 * has no use for one, but it must not be taken for the next request). */
#define HTTPD_REQ_MAX 8192
#define HTTPD_HEADERS_MAX 100
#define HTTPD_BODY_MAX (1 << 20)

struct httpd_req {
    int head;        /* HEAD rather than GET */
    int method_ok;   /* GET or HEAD */
    int http11;      /* HTTP/1.1 rather than 1.0 */
    int keep_alive;  /* the connection stays open after the answer */
    long long body;  /* Content-Length: bytes after the head to drop */
    char path[1024]; /* decoded, without the query */
};

/* The answer being built for one connection (httpd.c owns it). */
struct httpd_resp {
    void *conn;
};

/* Parses the request head at the start of (buf, len); lines end with CR LF
 * or a bare LF, and empty lines before the request line are skipped.
 * Returns the head's length in bytes once the empty line after the
 * headers has arrived, 0 while it is incomplete, or minus the status to
 * answer before closing: -400 for a malformed request line or header
 * (control bytes such as NUL, whitespace before a colon, folded lines, a
 * target that is not an absolute path or escapes with ".."), an HTTP/1.1
 * request without exactly one Host, two different Content-Lengths or one
 * next to a Transfer-Encoding; -413 for a body over HTTPD_BODY_MAX; -431
 * for more than HTTPD_HEADERS_MAX header lines; -501 for a
 * Transfer-Encoding (bodies come with Content-Length only); -505 for a
 * version other than HTTP/1.0 and 1.1. */
int httpd_parse(const char *buf, size_t len, struct httpd_req *req);

/* Builds the answer to (req) for the files under (root): 200 with the
 * file or a directory index, 404, or 405 for other methods. */
void httpd_respond(struct httpd_resp *r, const char *root,
                   const struct httpd_req *req);

/* Builds a short HTML error page with (status); no body for HEAD. */
void httpd_error(struct httpd_resp *r, int status, int head);

/* httpd.c: appends to the answer's bytes (returns 0 or -1 out of memory),
 * or makes the rest of the body (len) bytes from file (fd), which the
 * connection then owns. */
int httpd_out(struct httpd_resp *r, const void *p, size_t len);
void httpd_body_file(struct httpd_resp *r, int fd, off_t len);

#endif /* INGOT_HTTPD_H */
