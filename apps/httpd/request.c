/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* request.c: answers to HTTP/1.1 requests, built from the files. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "httpd.h"

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
    case 408:
        return "Request Timeout";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 431:
        return "Request Header Fields Too Large";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
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

    /* Only 404 and 405 leave the stream in step; the others close it. */
    header(r, status, "text/html; charset=utf-8", n,
           status == 404 || status == 405,
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
