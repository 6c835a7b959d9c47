/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* request.c: parse HTTP/1.1 requests and build answers from the files. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "httpd.h"

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Decodes %XX in the target's path, refusing NUL, ".." segments and
 * anything not starting with '/'.  Returns 0 or -1. */
static int decode_path(const char *t, size_t len, char *out, size_t cap)
{
    size_t n = 0;

    if (len == 0 || t[0] != '/')
        return -1;
    for (size_t i = 0; i < len && t[i] != '?' && t[i] != '#'; i++) {
        char ch = t[i];
        if (ch == '%') {
            int hi = i + 2 < len ? hexval(t[i + 1]) : -1;
            int lo = i + 2 < len ? hexval(t[i + 2]) : -1;
            if (hi < 0 || lo < 0 || (hi == 0 && lo == 0))
                return -1;
            ch = (char)(hi * 16 + lo);
            i += 2;
        }
        if (n + 1 >= cap)
            return -1;
        out[n++] = ch;
    }
    out[n] = '\0';
    for (const char *p = out; (p = strstr(p, "..")) != NULL; p += 2)
        if (p[-1] == '/' && (p[2] == '/' || p[2] == '\0'))
            return -1;
    return 0;
}

int httpd_parse(const char *buf, size_t len, struct httpd_req *req)
{
    const char *end = NULL;

    for (size_t i = 0; i + 3 < len; i++)
        if (memcmp(buf + i, "\r\n\r\n", 4) == 0) {
            end = buf + i + 4;
            break;
        }
    if (!end)
        return 0;
    const char *line_end = memchr(buf, '\r', (size_t)(end - buf));
    const char *sp1 = memchr(buf, ' ', (size_t)(line_end - buf));
    if (!sp1 || sp1 == buf)
        return -1;
    const char *target = sp1 + 1;
    const char *sp2 = memchr(target, ' ', (size_t)(line_end - target));
    if (!sp2 || sp2 == target)
        return -1;
    const char *ver = sp2 + 1;
    size_t vlen = (size_t)(line_end - ver);
    if (vlen != 8 || memcmp(ver, "HTTP/1.", 7) != 0 ||
        (ver[7] != '0' && ver[7] != '1'))
        return -1;
    for (const char *p = buf; p < sp1; p++)
        if (*p < 'A' || *p > 'Z')
            return -1;
    memset(req, 0, sizeof(*req));
    size_t mlen = (size_t)(sp1 - buf);
    req->head = mlen == 4 && memcmp(buf, "HEAD", 4) == 0;
    req->method_ok = req->head || (mlen == 3 && memcmp(buf, "GET", 3) == 0);
    if (decode_path(target, (size_t)(sp2 - target), req->path,
                    sizeof(req->path)) < 0)
        return -1;
    req->keep_alive = ver[7] == '1';
    /* Headers: each "Name: value"; only Connection matters here. */
    for (const char *h = line_end + 2; h < end - 2;) {
        const char *e = memchr(h, '\r', (size_t)(end - h));
        const char *colon = memchr(h, ':', (size_t)(e - h));
        if (!colon || colon == h || e[1] != '\n')
            return -1;
        if ((size_t)(colon - h) == 10 &&
            strncasecmp(h, "Connection", 10) == 0) {
            const char *v = colon + 1;
            while (*v == ' ' || *v == '\t')
                v++;
            if ((size_t)(e - v) >= 5 && strncasecmp(v, "close", 5) == 0)
                req->keep_alive = 0;
            else if ((size_t)(e - v) >= 10 &&
                     strncasecmp(v, "keep-alive", 10) == 0)
                req->keep_alive = 1;
        }
        h = e + 2;
    }
    return (int)(end - buf);
}

static const char *content_type(const char *path)
{
    static const char *const types[][2] = {
        {".html", "text/html; charset=utf-8"},
        {".htm", "text/html; charset=utf-8"},
        {".txt", "text/plain; charset=utf-8"},
        {".css", "text/css"},
        {".js", "text/javascript"},
        {".json", "application/json"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".gif", "image/gif"},
        {".svg", "image/svg+xml"},
        {".ico", "image/x-icon"},
        {".pdf", "application/pdf"},
        {".wasm", "application/wasm"},
    };
    const char *dot = strrchr(path, '.');

    if (dot && !strchr(dot, '/'))
        for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
            if (strcasecmp(dot, types[i][0]) == 0)
                return types[i][1];
    return "application/octet-stream";
}

static const char *reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    default:
        return "Internal Server Error";
    }
}

static void header(struct httpd_resp *r, int status, const char *type,
                   long long len, int keep, const char *extra)
{
    char h[512];
    int n = snprintf(h, sizeof(h),
                     "HTTP/1.1 %d %s\r\nServer: ingot-httpd\r\n"
                     "Content-Type: %s\r\nContent-Length: %lld\r\n"
                     "Connection: %s\r\n%s\r\n",
                     status, reason(status), type, len,
                     keep ? "keep-alive" : "close", extra ? extra : "");
    httpd_out(r, h, (size_t)n);
}

void httpd_error(struct httpd_resp *r, int status, int head)
{
    char body[128];
    int n = snprintf(body, sizeof(body), "<h1>%d %s</h1>\n", status,
                     reason(status));

    /* 400 closes the connection: the stream can no longer be trusted. */
    header(r, status, "text/html; charset=utf-8", n, status != 400,
           status == 405 ? "Allow: GET, HEAD\r\n" : NULL);
    if (!head)
        httpd_out(r, body, (size_t)n);
}

static void listing(struct httpd_resp *r, const char *dir,
                    const struct httpd_req *req)
{
    DIR *d = opendir(dir);
    char *body = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&body, &len);

    if (!d || !f) {
        if (d)
            closedir(d);
        if (f)
            fclose(f);
        free(body);
        httpd_error(r, 404, req->head);
        return;
    }
    fprintf(f, "<html><body><h1>Index of %s</h1><ul>\n", req->path);
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0)
            fprintf(f, "<li><a href=\"%s\">%s</a></li>\n", e->d_name,
                    e->d_name);
    fprintf(f, "</ul></body></html>\n");
    closedir(d);
    fclose(f);
    header(r, 200, "text/html; charset=utf-8", (long long)len, req->keep_alive,
           NULL);
    if (!req->head)
        httpd_out(r, body, len);
    free(body);
}

void httpd_respond(struct httpd_resp *r, const char *root,
                   const struct httpd_req *req)
{
    char path[2048];
    struct stat st;

    if (!req->method_ok) {
        httpd_error(r, 405, 0);
        return;
    }
    snprintf(path, sizeof(path), "%s%s", strcmp(root, "/") == 0 ? "" : root,
             req->path);
    if (stat(path, &st) < 0) {
        httpd_error(r, 404, req->head);
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        size_t n = strlen(path);
        snprintf(path + n, sizeof(path) - n, "%sindex.html",
                 n && path[n - 1] == '/' ? "" : "/");
        if (stat(path, &st) < 0 || !S_ISREG(st.st_mode)) {
            path[n] = '\0';
            listing(r, path, req);
            return;
        }
    }
    int fd = S_ISREG(st.st_mode) ? open(path, O_RDONLY) : -1;
    if (fd < 0) {
        httpd_error(r, 404, req->head);
        return;
    }
    header(r, 200, content_type(path), (long long)st.st_size, req->keep_alive,
           NULL);
    if (req->head || st.st_size == 0)
        close(fd);
    else
        httpd_body_file(r, fd, st.st_size);
}
