/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* an_clang.c: find references to unsupported APIs with libclang. */
#include <clang-c/Index.h>
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "an_config.h"

#include "analyze.h"

/*
 * libclang is loaded with dlopen() the first time a source is analysed: it
 * drags in LLVM (tens of MB of relocations), which links, archives and
 * assembler-only builds should not pay for, and it keeps ingot-cc itself
 * free of a dynamic dependency Debian ships only as a shared library.
 */
#define FNS(X)                                                                 \
    X(clang_createIndex)                                                       \
    X(clang_parseTranslationUnit2)                                             \
    X(clang_disposeTranslationUnit)                                            \
    X(clang_getTranslationUnitCursor)                                          \
    X(clang_visitChildren)                                                     \
    X(clang_getCursorLocation)                                                 \
    X(clang_getCursorExtent)                                                   \
    X(clang_getCursorReferenced)                                               \
    X(clang_getCursorDefinition)                                               \
    X(clang_getCursorLinkage)                                                  \
    X(clang_getCursorSpelling)                                                 \
    X(clang_Cursor_isNull)                                                     \
    X(clang_Cursor_getArgument)                                                \
    X(clang_Cursor_getNumArguments)                                            \
    X(clang_Location_isInSystemHeader)                                         \
    X(clang_getExpansionLocation)                                              \
    X(clang_getFileLocation)                                                   \
    X(clang_getFileName)                                                       \
    X(clang_getRangeStart)                                                     \
    X(clang_getRangeEnd)                                                       \
    X(clang_getRange)                                                          \
    X(clang_getLocationForOffset)                                              \
    X(clang_equalLocations)                                                    \
    X(clang_getCString)                                                        \
    X(clang_disposeString)                                                     \
    X(clang_tokenize)                                                          \
    X(clang_getTokenSpelling)                                                  \
    X(clang_disposeTokens)

#define DECL(f) __typeof__(&f) f;
static struct {
    int loaded;
    CXIndex index;
    FNS(DECL)
} L;

static int load(char *err, size_t errlen)
{
    if (L.loaded)
        return 0;
    const char *so = getenv("INGOT_LIBCLANG");
    if (!so || !*so)
        so = IG_AN_LIBCLANG;
    void *h = dlopen(so, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        snprintf(err, errlen, "libclang: %s", dlerror());
        return -1;
    }
#define LOAD(f)                                                                \
    if (!(*(void **)&L.f = dlsym(h, #f))) {                                    \
        snprintf(err, errlen, "libclang: %s: no symbol %s", IG_AN_LIBCLANG,    \
                 #f);                                                          \
        return -1;                                                             \
    }
    FNS(LOAD)
    L.index = L.clang_createIndex(0, 0);
    L.loaded = 1;
    return 0;
}

/* A macro expansion in the program's own files. */
struct expansion {
    CXSourceLocation at;
    char *name;
    CXSourceLocation def;
};

/* What a call with an argument condition decided for its callee. */
struct verdict {
    CXSourceLocation at;
    int report;
};

struct walk {
    const struct ig_an_table *t;
    enum ig_an_severity sev;
    FILE *out;
    int count;
    CXTranslationUnit tu;
    struct expansion *exp;
    size_t nexp;
    struct verdict *ver;
    size_t nver;
};

static char *str(CXString s)
{
    const char *c = L.clang_getCString(s);
    char *r = ig_xstrdup(c ? c : "");
    L.clang_disposeString(s);
    return r;
}

static void put_loc(FILE *out, CXSourceLocation loc, int expansion)
{
    CXFile f;
    unsigned line, col;
    if (expansion)
        L.clang_getExpansionLocation(loc, &f, &line, &col, NULL);
    else
        L.clang_getFileLocation(loc, &f, &line, &col, NULL);
    char *name = f ? str(L.clang_getFileName(f)) : ig_xstrdup("<built-in>");
    fprintf(out, "%s:%u:%u: ", name, line, col);
    free(name);
}

static enum CXChildVisitResult collect_macros(CXCursor c, CXCursor parent,
                                              CXClientData data)
{
    struct walk *w = data;
    (void)parent;
    if (c.kind != CXCursor_MacroExpansion ||
        L.clang_Location_isInSystemHeader(L.clang_getCursorLocation(c)))
        return CXChildVisit_Continue;
    CXCursor def = L.clang_getCursorReferenced(c);
    w->exp = ig_xrealloc(w->exp, (w->nexp + 1) * sizeof(*w->exp));
    w->exp[w->nexp++] =
        (struct expansion){.at = L.clang_getCursorLocation(c),
                           .name = str(L.clang_getCursorSpelling(c)),
                           .def = L.clang_getCursorLocation(def)};
    return CXChildVisit_Continue;
}

/* The expansion starting exactly at (loc)'s expansion location, or NULL. */
static const struct expansion *expansion_at(struct walk *w,
                                            CXSourceLocation loc)
{
    CXFile f, g;
    unsigned off, off2;
    L.clang_getExpansionLocation(loc, &f, NULL, NULL, &off);
    for (size_t i = 0; i < w->nexp; i++) {
        L.clang_getExpansionLocation(w->exp[i].at, &g, NULL, NULL, &off2);
        if (f == g && off == off2)
            return &w->exp[i];
    }
    return NULL;
}

/* The argument's tokens joined without spaces ("getpid()", "SIGCHLD"). */
static char *arg_text(struct walk *w, CXCursor arg)
{
    CXToken *toks = NULL;
    unsigned n = 0;
    size_t len = 0;
    char *s = ig_xstrdup("");

    /* Tokens of what was written: a macro argument (SIGCHLD) has its
     * extent inside the macro, where there is nothing to tokenize. */
    CXSourceRange ext = L.clang_getCursorExtent(arg);
    CXFile f, g;
    unsigned a, b;
    L.clang_getExpansionLocation(L.clang_getRangeStart(ext), &f, NULL, NULL,
                                 &a);
    L.clang_getExpansionLocation(L.clang_getRangeEnd(ext), &g, NULL, NULL, &b);
    if (!f || f != g || b < a)
        return s;
    L.clang_tokenize(
        w->tu,
        L.clang_getRange(L.clang_getLocationForOffset(w->tu, f, a),
                         L.clang_getLocationForOffset(w->tu, g, b)),
        &toks, &n);
    for (unsigned i = 0; i < n; i++) {
        char *tk = str(L.clang_getTokenSpelling(w->tu, toks[i]));
        size_t tl = strlen(tk);
        s = ig_xrealloc(s, len + tl + 1);
        memcpy(s + len, tk, tl + 1);
        len += tl;
        free(tk);
    }
    if (toks)
        L.clang_disposeTokens(w->tu, toks, n);
    return s;
}

static int cond_holds(struct walk *w, CXCursor call, const struct ig_an_cond *c)
{
    if (c->index < 0 || c->index >= L.clang_Cursor_getNumArguments(call))
        return 0;
    char *text = arg_text(w, L.clang_Cursor_getArgument(call, c->index));
    int hit = 0;
    for (size_t i = 0; i < c->nspelled && !hit; i++)
        hit = strcmp(text, c->spelled[i]) == 0;
    free(text);
    return hit;
}

/* The listed API a cursor refers to, when it is the library's function and
 * not one the program defines itself. */
static const struct ig_an_api *api_of(struct walk *w, CXCursor c)
{
    CXCursor ref = L.clang_getCursorReferenced(c);
    if (L.clang_Cursor_isNull(ref) || ref.kind != CXCursor_FunctionDecl ||
        L.clang_getCursorLinkage(ref) != CXLinkage_External)
        return NULL;
    char *name = str(L.clang_getCursorSpelling(ref));
    const struct ig_an_api *a = ig_an_table_find(w->t, name);
    free(name);
    if (!a)
        return NULL;
    CXCursor def = L.clang_getCursorDefinition(ref);
    if (!L.clang_Cursor_isNull(def) &&
        !L.clang_Location_isInSystemHeader(L.clang_getCursorLocation(def)))
        return NULL;
    return a;
}

static enum CXChildVisitResult find_callee(CXCursor c, CXCursor parent,
                                           CXClientData data)
{
    (void)parent;
    if (c.kind == CXCursor_DeclRefExpr) {
        *(CXSourceLocation *)data = L.clang_getCursorLocation(c);
        return CXChildVisit_Break;
    }
    return CXChildVisit_Recurse;
}

static void judge_call(struct walk *w, CXCursor call)
{
    const struct ig_an_api *a = api_of(w, call);
    if (!a || (a->when.index < 0 && a->unless.index < 0))
        return;
    int report = (a->when.index < 0 || cond_holds(w, call, &a->when)) &&
                 !cond_holds(w, call, &a->unless);
    CXSourceLocation at = L.clang_getCursorLocation(call);
    L.clang_visitChildren(call, find_callee, &at);
    w->ver = ig_xrealloc(w->ver, (w->nver + 1) * sizeof(*w->ver));
    w->ver[w->nver++] = (struct verdict){.at = at, .report = report};
}

static void report(struct walk *w, CXCursor c, const struct ig_an_api *a)
{
    CXSourceLocation loc = L.clang_getCursorLocation(c);
    if (a->when.index >= 0 || a->unless.index >= 0) {
        /* Conditional APIs are reported only from a call that met the
         * condition, never for taking their address. */
        int yes = 0;
        for (size_t i = 0; i < w->nver; i++)
            if (L.clang_equalLocations(w->ver[i].at, loc))
                yes = w->ver[i].report;
        if (!yes)
            return;
    }
    CXFile f, g;
    unsigned eoff, foff;
    L.clang_getExpansionLocation(loc, &f, NULL, NULL, &eoff);
    L.clang_getFileLocation(loc, &g, NULL, NULL, &foff);
    const struct expansion *m = expansion_at(w, loc);
    /* Written inside a macro's definition: report where it is expanded.
     * Written in a macro's argument: report where it is written. */
    int in_body = m && f == g && eoff == foff;
    put_loc(w->out, loc, in_body);
    fprintf(w->out, "%s: %s [-Wingot-unsupported]\n",
            w->sev == IG_AN_ERROR ? "error" : "warning", a->message);
    if (m) {
        put_loc(w->out, in_body ? m->def : m->at, !in_body);
        fprintf(w->out, "note: %s macro '%s'\n",
                in_body ? "expanded from" : "in expansion of", m->name);
    }
    if (a->note) {
        put_loc(w->out, loc, in_body);
        fprintf(w->out, "note: %s\n", a->note);
    }
    w->count++;
}

static enum CXChildVisitResult visit(CXCursor c, CXCursor parent,
                                     CXClientData data)
{
    struct walk *w = data;
    (void)parent;
    if (L.clang_Location_isInSystemHeader(L.clang_getCursorLocation(c)))
        return CXChildVisit_Continue;
    if (c.kind == CXCursor_CallExpr) {
        judge_call(w, c);
    } else if (c.kind == CXCursor_DeclRefExpr) {
        const struct ig_an_api *a = api_of(w, c);
        if (a)
            report(w, c, a);
    }
    return CXChildVisit_Recurse;
}

int ig_an_check_source(const struct ig_an_table *t, const char *path,
                       char *const *args, size_t nargs, enum ig_an_severity sev,
                       FILE *out, int *count, char *err, size_t errlen)
{
    struct walk w = {.t = t, .sev = sev, .out = out};

    if (sev == IG_AN_OFF || t->n == 0)
        return 0;
    if (load(err, errlen) < 0)
        return -1;
    enum CXErrorCode e = L.clang_parseTranslationUnit2(
        L.index, path, (const char *const *)args, (int)nargs, NULL, 0,
        CXTranslationUnit_DetailedPreprocessingRecord |
            CXTranslationUnit_KeepGoing,
        &w.tu);
    if (e != CXError_Success) {
        snprintf(err, errlen, "libclang: %s: cannot parse (error %d)", path,
                 (int)e);
        return -1;
    }
    CXCursor root = L.clang_getTranslationUnitCursor(w.tu);
    L.clang_visitChildren(root, collect_macros, &w);
    L.clang_visitChildren(root, visit, &w);
    L.clang_disposeTranslationUnit(w.tu);
    for (size_t i = 0; i < w.nexp; i++)
        free(w.exp[i].name);
    free(w.exp);
    free(w.ver);
    *count += w.count;
    return 0;
}
