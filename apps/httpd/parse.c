/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* parse.c: the head of an HTTP/1.1 request (RFC 9112), read strictly. */
#include <string.h>
#include <strings.h>

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
        if ((p == out || p[-1] == '/') && (p[2] == '/' || p[2] == '\0'))
            return -1;
    return 0;
}

/* RFC 9110's tchar: what names of methods and header fields are made of. */
static int tchar(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z') || (c && strchr("!#$%&'*+-.^_`|~", c));
}

/* A control byte other than HTAB (NUL, a CR not ending the line, DEL). */
static int has_ctl(const char *p, const char *e)
{
    for (; p < e; p++)
        if (((unsigned char)*p < 0x20 && *p != '\t') || *p == 0x7f)
            return 1;
    return 0;
}

/* Finds the end of the line at (p): sets (*e) to its last byte + 1
 * (without CR LF or a bare LF) and returns the next line, or NULL while
 * the line is incomplete. */
static const char *line(const char *p, const char *end, const char **e)
{
    const char *nl = memchr(p, '\n', (size_t)(end - p));

    if (!nl)
        return NULL;
    *e = nl > p && nl[-1] == '\r' ? nl - 1 : nl;
    return nl + 1;
}

static int request_line(const char *p, const char *e, struct httpd_req *req)
{
    const char *sp1 = memchr(p, ' ', (size_t)(e - p));

    if (!sp1 || sp1 == p || has_ctl(p, e))
        return -400;
    for (const char *q = p; q < sp1; q++)
        if (!tchar(*q))
            return -400;
    const char *t = sp1 + 1;
    const char *sp2 = memchr(t, ' ', (size_t)(e - t));
    if (!sp2 || sp2 == t)
        return -400;
    const char *v = sp2 + 1;
    if (e - v != 8 || memcmp(v, "HTTP/", 5) != 0 || v[6] != '.' || v[5] < '0' ||
        v[5] > '9' || v[7] < '0' || v[7] > '9')
        return -400;
    if (v[5] != '1' || v[7] > '1')
        return -505;
    size_t mlen = (size_t)(sp1 - p);
    req->head = mlen == 4 && memcmp(p, "HEAD", 4) == 0;
    req->method_ok = req->head || (mlen == 3 && memcmp(p, "GET", 3) == 0);
    req->http11 = v[7] == '1';
    req->keep_alive = req->http11;
    if (decode_path(t, (size_t)(sp2 - t), req->path, sizeof(req->path)) < 0)
        return -400;
    return 0;
}

/* Does the comma-separated list (v, e) hold token (tok)? */
static int has_token(const char *v, const char *e, const char *tok)
{
    size_t n = strlen(tok);

    while (v < e) {
        while (v < e && (*v == ' ' || *v == '\t' || *v == ','))
            v++;
        const char *s = v;
        while (v < e && *v != ',' && *v != ' ' && *v != '\t')
            v++;
        if ((size_t)(v - s) == n && strncasecmp(s, tok, n) == 0)
            return 1;
    }
    return 0;
}

/* What the headers said, for the checks made once they are all in. */
struct seen {
    int host, te;
    long long length;
};

static int field(const char *p, const char *e, struct httpd_req *req,
                 struct seen *s)
{
    const char *colon = memchr(p, ':', (size_t)(e - p));

    /* No name, whitespace before the colon, or a folded continuation. */
    if (!colon || colon == p || has_ctl(p, e))
        return -400;
    for (const char *q = p; q < colon; q++)
        if (!tchar(*q))
            return -400;
    size_t nlen = (size_t)(colon - p);
    const char *v = colon + 1;
    while (v < e && (*v == ' ' || *v == '\t'))
        v++;
    while (e > v && (e[-1] == ' ' || e[-1] == '\t'))
        e--;
    if (nlen == 10 && strncasecmp(p, "Connection", 10) == 0) {
        if (has_token(v, e, "close"))
            req->keep_alive = 0;
        else if (has_token(v, e, "keep-alive"))
            req->keep_alive = 1;
    } else if (nlen == 4 && strncasecmp(p, "Host", 4) == 0) {
        s->host++;
    } else if (nlen == 17 && strncasecmp(p, "Transfer-Encoding", 17) == 0) {
        s->te = 1;
    } else if (nlen == 14 && strncasecmp(p, "Content-Length", 14) == 0) {
        long long n = 0;
        if (v == e)
            return -400;
        for (const char *q = v; q < e; q++) {
            if (*q < '0' || *q > '9')
                return -400;
            if (n <= HTTPD_BODY_MAX)
                n = n * 10 + (*q - '0');
        }
        if (s->length >= 0 && s->length != n)
            return -400; /* two lengths: which one ends the body? */
        s->length = n;
    }
    return 0;
}

int httpd_parse(const char *buf, size_t len, struct httpd_req *req)
{
    const char *p = buf, *end = buf + len, *e, *next;
    struct seen s = {0, 0, -1};
    int r, lines = 0;

    /* Empty lines before the request line are ignored (RFC 9112, 2.2). */
    while ((next = line(p, end, &e)) && e == p)
        p = next;
    memset(req, 0, sizeof(*req));
    if (!next)
        return p - buf == (long)len || !memchr(p, '\0', (size_t)(end - p))
                   ? 0
                   : -400;
    if ((r = request_line(p, e, req)) < 0)
        return r;
    for (p = next; (next = line(p, end, &e)) && e != p; p = next) {
        if (++lines > HTTPD_HEADERS_MAX)
            return -431;
        if ((r = field(p, e, req, &s)) < 0)
            return r;
    }
    if (!next)
        return 0;
    if (s.te)
        return s.length >= 0 ? -400 : -501;
    if (s.host > 1 || (req->http11 && s.host == 0))
        return -400;
    if (s.length > HTTPD_BODY_MAX)
        return -413;
    req->body = s.length > 0 ? s.length : 0;
    return (int)(next - buf);
}
