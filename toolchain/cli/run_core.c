/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* run_core.c: a guest's core stream (core_abi.h) becomes an ELF core file. */
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/procfs.h>
#include <sys/stat.h>
#include <sys/user.h>
#include <unistd.h>

#include <ingot/core_abi.h>

#include "run.h"

/*
 * The file is what Linux writes for a process, as far as gdb looks: an
 * ET_CORE with one PT_NOTE (NT_PRPSINFO, then an NT_PRSTATUS per thread,
 * the crashed one first, so gdb starts there) and a PT_LOAD per memory
 * range.  libelf lays out what the notes and ranges hold as sections, as
 * gdb's own gcore does; the program headers point at them.
 */
_Static_assert(sizeof(struct elf_prstatus) == 336, "x86-64 prstatus");

void ig_run_core_feed(void *ctx, const char *buf, size_t len)
{
    struct ig_run_core *c = ctx;

    if (c->too_big || len > IG_RUN_CORE_MAX - c->len) {
        c->too_big = 1;
        return;
    }
    if (c->len + len > c->cap) {
        size_t cap = c->cap ? c->cap : 1 << 16;
        while (cap < c->len + len)
            cap *= 2;
        c->buf = ig_xrealloc(c->buf, cap);
        c->cap = cap;
    }
    memcpy(c->buf + c->len, buf, len);
    c->len += len;
}

void ig_run_core_free(struct ig_run_core *c)
{
    free(c->buf);
    memset(c, 0, sizeof(*c));
}

struct range {
    uint64_t addr, len;
    const char *bytes;
};

struct parsed {
    struct ig_core_begin begin;
    int have_begin;
    struct ig_core_thread *threads;
    size_t nthreads;
    struct range *ranges;
    size_t nranges;
};

static int by_addr(const void *a, const void *b)
{
    const struct range *x = a, *y = b;
    return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* Splits the stream into its records, checking every length. */
static int parse(const struct ig_run_core *c, struct parsed *p, char *err,
                 size_t errlen)
{
    size_t off = 0;
    int ended = 0;

    memset(p, 0, sizeof(*p));
    while (!ended) {
        struct ig_core_rec r;
        if (c->len - off < sizeof(r)) {
            snprintf(err, errlen, "the guest's core stream was cut short");
            return -1;
        }
        memcpy(&r, c->buf + off, sizeof(r));
        off += sizeof(r);
        if (r.len > c->len - off) {
            snprintf(err, errlen, "the guest's core stream was cut short");
            return -1;
        }
        const char *d = c->buf + off;
        off += r.len;
        if (!p->have_begin && r.type != IG_CORE_BEGIN) {
            snprintf(err, errlen, "malformed core stream: no begin record");
            return -1;
        }
        switch (r.type) {
        case IG_CORE_BEGIN:
            if (r.len == sizeof(p->begin))
                memcpy(&p->begin, d, sizeof(p->begin));
            if (p->have_begin || r.len != sizeof(p->begin) ||
                memcmp(p->begin.magic, IG_CORE_MAGIC, 8) != 0 ||
                p->begin.version != IG_CORE_VERSION) {
                snprintf(err, errlen,
                         "malformed core stream: bad begin "
                         "record (version %d expected)",
                         IG_CORE_VERSION);
                return -1;
            }
            p->have_begin = 1;
            break;
        case IG_CORE_THREAD:
            if (r.len != sizeof(struct ig_core_thread)) {
                snprintf(err, errlen,
                         "malformed core stream: thread record "
                         "of %u bytes",
                         r.len);
                return -1;
            }
            p->threads = ig_xrealloc(p->threads,
                                     (p->nthreads + 1) * sizeof(*p->threads));
            memcpy(&p->threads[p->nthreads++], d, sizeof(*p->threads));
            break;
        case IG_CORE_MEM: {
            uint64_t addr;
            if (r.len < sizeof(addr)) {
                snprintf(err, errlen,
                         "malformed core stream: memory record "
                         "without an address");
                return -1;
            }
            memcpy(&addr, d, sizeof(addr));
            uint64_t n = r.len - sizeof(addr);
            if (n == 0)
                break;
            if (addr > UINT64_MAX - n) {
                snprintf(err, errlen,
                         "malformed core stream: memory at "
                         "0x%llx wraps around",
                         (unsigned long long)addr);
                return -1;
            }
            p->ranges =
                ig_xrealloc(p->ranges, (p->nranges + 1) * sizeof(*p->ranges));
            p->ranges[p->nranges++] = (struct range){addr, n, d + sizeof(addr)};
            break;
        }
        case IG_CORE_END:
            ended = 1;
            break;
        default:
            snprintf(err, errlen, "malformed core stream: record type %u",
                     r.type);
            return -1;
        }
    }
    if (p->nthreads == 0) {
        snprintf(err, errlen, "malformed core stream: no threads");
        return -1;
    }
    /* Stacks may lie in the heap: keep each byte once, the first copy. */
    qsort(p->ranges, p->nranges, sizeof(*p->ranges), by_addr);
    size_t k = 0;
    for (size_t i = 0; i < p->nranges; i++) {
        struct range r = p->ranges[i];
        if (k) {
            const struct range *prev = &p->ranges[k - 1];
            uint64_t end = prev->addr + prev->len;
            if (end >= r.addr + r.len)
                continue;
            if (end > r.addr) {
                r.bytes += end - r.addr;
                r.len -= end - r.addr;
                r.addr = end;
            }
        }
        p->ranges[k++] = r;
    }
    p->nranges = k;
    return 0;
}

static void note(char **buf, size_t *len, uint32_t type, const void *desc,
                 size_t dlen)
{
    static const char name[8] = "CORE"; /* "CORE\0" padded to 4 */
    GElf_Nhdr h = {.n_namesz = 5, .n_descsz = (GElf_Word)dlen, .n_type = type};
    size_t dpad = (dlen + 3) & ~(size_t)3;

    *buf = ig_xrealloc(*buf, *len + sizeof(h) + 8 + dpad);
    memcpy(*buf + *len, &h, sizeof(h));
    memcpy(*buf + *len + sizeof(h), name, 8);
    memset(*buf + *len + sizeof(h) + 8, 0, dpad);
    memcpy(*buf + *len + sizeof(h) + 8, desc, dlen);
    *len += sizeof(h) + 8 + dpad;
}

static void prstatus(struct elf_prstatus *ps, const struct ig_core_thread *t,
                     int signo)
{
    struct user_regs_struct r = {0};

    /* Every thread carries the signal, as Linux writes it: gdb (BFD)
     * takes the core's signal from the last NT_PRSTATUS. */
    memset(ps, 0, sizeof(*ps));
    ps->pr_info.si_signo = signo;
    ps->pr_cursig = (short)signo;
    ps->pr_pid = (pid_t)t->id;
    r.rip = t->rip;
    r.rsp = t->rsp;
    r.rbp = t->rbp;
    r.eflags = t->rflags;
    r.rax = t->rax;
    r.rbx = t->rbx;
    r.rcx = t->rcx;
    r.rdx = t->rdx;
    r.rsi = t->rsi;
    r.rdi = t->rdi;
    r.r8 = t->r8;
    r.r9 = t->r9;
    r.r10 = t->r10;
    r.r11 = t->r11;
    r.r12 = t->r12;
    r.r13 = t->r13;
    r.r14 = t->r14;
    r.r15 = t->r15;
    r.fs_base = t->fs_base;
    r.orig_rax = (unsigned long long)-1;
    r.cs = 0x33; /* what a Linux process has: 64-bit user code, data */
    r.ss = 0x2b;
    memcpy(&ps->pr_reg, &r, sizeof(r));
}

/* The notes: who (NT_PRPSINFO), then each thread, the crashed first. */
static char *notes(const struct parsed *p, const char *image, size_t *len)
{
    struct elf_prpsinfo ps = {0};
    struct elf_prstatus st;
    const char *base = strrchr(image, '/');
    char *buf = NULL;

    base = base ? base + 1 : image;
    snprintf(ps.pr_fname, sizeof(ps.pr_fname), "%s", base);
    snprintf(ps.pr_psargs, sizeof(ps.pr_psargs), "%s", base);
    ps.pr_state = 'R';
    ps.pr_sname = 'R';
    /* Linux's order: the crashed thread's NT_PRSTATUS, NT_PRPSINFO, then
     * the other threads. */
    *len = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < p->nthreads; i++)
            if ((p->threads[i].flags & IG_CORE_THREAD_CRASHED) ? pass == 0
                                                               : pass == 1) {
                prstatus(&st, &p->threads[i], p->begin.signo);
                note(&buf, len, NT_PRSTATUS, &st, sizeof(st));
            }
        if (pass == 0)
            note(&buf, len, NT_PRPSINFO, &ps, sizeof(ps));
    }
    return buf;
}

/* Writes the core for (p) to (fd) with libelf. */
static int write_elf(int fd, const struct parsed *p, const char *image,
                     char *err, size_t errlen)
{
    size_t nlen;
    char *nbuf = notes(p, image, &nlen);
    Elf *e = NULL;
    int r = -1;

    if (elf_version(EV_CURRENT) == EV_NONE ||
        !(e = elf_begin(fd, ELF_C_WRITE, NULL)))
        goto fail;
    GElf_Ehdr eh;
    if (!gelf_newehdr(e, ELFCLASS64) || !gelf_getehdr(e, &eh))
        goto fail;
    eh.e_ident[EI_DATA] = ELFDATA2LSB;
    eh.e_ident[EI_OSABI] = ELFOSABI_NONE;
    eh.e_type = ET_CORE;
    eh.e_machine = EM_X86_64;
    eh.e_version = EV_CURRENT;
    if (!gelf_update_ehdr(e, &eh) || !gelf_newphdr(e, 1 + p->nranges))
        goto fail;
    /* Layout: headers, the notes, then each range page-aligned. */
    size_t phoff = gelf_fsize(e, ELF_T_EHDR, 1, EV_CURRENT);
    uint64_t off =
        phoff + gelf_fsize(e, ELF_T_PHDR, 1 + p->nranges, EV_CURRENT);
    for (size_t i = 0; i <= p->nranges; i++) {
        Elf_Scn *scn = elf_newscn(e);
        Elf_Data *d = scn ? elf_newdata(scn) : NULL;
        GElf_Shdr sh;
        GElf_Phdr ph = {0};
        if (!d || !gelf_getshdr(scn, &sh))
            goto fail;
        if (i == 0) {
            d->d_buf = nbuf;
            d->d_size = nlen;
            d->d_align = 4;
            sh.sh_type = SHT_NOTE;
            sh.sh_addralign = 4;
            ph.p_type = PT_NOTE;
            ph.p_align = 4;
            off = (off + 3) & ~3ull;
        } else {
            const struct range *rg = &p->ranges[i - 1];
            d->d_buf = (void *)rg->bytes;
            d->d_size = rg->len;
            d->d_align = 1;
            sh.sh_type = SHT_PROGBITS;
            sh.sh_flags = SHF_ALLOC | SHF_WRITE;
            sh.sh_addr = rg->addr;
            sh.sh_addralign = 1;
            ph.p_type = PT_LOAD;
            ph.p_flags = PF_R | PF_W;
            ph.p_vaddr = rg->addr;
            ph.p_memsz = rg->len;
            ph.p_align = 1;
            off = (off + 4095) & ~4095ull;
        }
        d->d_type = ELF_T_BYTE;
        sh.sh_offset = off;
        sh.sh_size = d->d_size;
        ph.p_offset = off;
        ph.p_filesz = d->d_size;
        if (!gelf_update_shdr(scn, &sh) || !gelf_update_phdr(e, (int)i, &ph))
            goto fail;
        off += d->d_size;
    }
    /* Read back: gelf_newphdr() and elf_newscn() set the counts. */
    if (!gelf_getehdr(e, &eh))
        goto fail;
    eh.e_phoff = phoff;
    eh.e_shoff = (off + 7) & ~7ull;
    if (!gelf_update_ehdr(e, &eh))
        goto fail;
    elf_flagelf(e, ELF_C_SET, ELF_F_LAYOUT);
    if (elf_update(e, ELF_C_WRITE) < 0)
        goto fail;
    r = 0;
    goto out;
fail:
    snprintf(err, errlen, "libelf: %s", elf_errmsg(-1));
out:
    if (e)
        elf_end(e);
    free(nbuf);
    return r;
}

int ig_run_core_check_dir(const char *dir, char *err, size_t errlen)
{
    struct stat st;
    char *probe;
    int fd;

    if (stat(dir, &st) < 0) {
        snprintf(err, errlen, "%s", strerror(errno));
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "not a directory");
        return -1;
    }
    /* Tried for real: permission bits say nothing for root, and a
     * read-only mount refuses anyone. */
    probe = ig_xasprintf("%s/.ingot-core-XXXXXX", dir);
    fd = mkstemp(probe);
    if (fd < 0) {
        snprintf(err, errlen, "cannot create files there: %s", strerror(errno));
        free(probe);
        return -1;
    }
    close(fd);
    unlink(probe);
    free(probe);
    return 0;
}

int ig_run_core_write(const struct ig_run_core *c, const char *dir,
                      const char *image, char **path, char *err, size_t errlen)
{
    struct parsed p;
    int r = -1;

    *path = NULL;
    if (c->too_big) {
        snprintf(err, errlen, "the guest's core stream exceeds %llu MiB",
                 (unsigned long long)(IG_RUN_CORE_MAX >> 20));
        return -1;
    }
    if (parse(c, &p, err, errlen) < 0)
        goto out;
    const char *base = strrchr(image, '/');
    base = base ? base + 1 : image;
    char *tmp = ig_xasprintf("%s/.core.%s.XXXXXX", dir, base);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(err, errlen, "%s: %s", dir, strerror(errno));
        free(tmp);
        goto out;
    }
    *path = ig_xasprintf("%s/core.%s.%ld", dir, base, (long)getpid());
    r = write_elf(fd, &p, image, err, errlen);
    if (r == 0 && (fsync(fd) < 0 || rename(tmp, *path) < 0)) {
        snprintf(err, errlen, "%s: %s", *path, strerror(errno));
        r = -1;
    }
    close(fd);
    if (r < 0) {
        unlink(tmp);
        free(*path);
        *path = NULL;
    }
    free(tmp);
out:
    free(p.threads);
    free(p.ranges);
    return r;
}
