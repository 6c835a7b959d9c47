/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* httpd.h: what the connection loop and the request handling share. */
#ifndef INGOT_HTTPD_H
#define INGOT_HTTPD_H

#include <stddef.h>
#include <sys/types.h>

/* The longest request line plus headers the server accepts. */
#define HTTPD_REQ_MAX 8192

struct httpd_req {
    int head;        /* HEAD rather than GET */
    int method_ok;   /* GET or HEAD */
    int keep_alive;  /* the connection stays open after the answer */
    char path[1024]; /* decoded, without the query */
};

/* The answer being built for one connection (httpd.c owns it). */
struct httpd_resp {
    void *conn;
};

/* Parses the request at the start of (buf, len).  Returns its length in
 * bytes once the blank line after the headers has arrived, 0 while it is
 * incomplete, -1 when it is malformed (answer 400 and close). */
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
