/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_image.c: image checks and symbols, on the fixture and broken copies. */
#include <gelf.h>
#include <stdlib.h>
#include <unistd.h>

#include <ingot/host_image.h>

#include "unit.h"

static char tmp[] = "/tmp/ingot-unit-image.XXXXXX";
static char path[128];
static unsigned char *orig;
static size_t orig_len;

static unsigned char *slurp(const char *file, size_t *len)
{
    FILE *f = fopen(file, "rb");
    static unsigned char buf[1 << 20];
    if (!f)
        return NULL;
    *len = fread(buf, 1, sizeof(buf), f);
    fclose(f);
    unsigned char *p = malloc(*len);
    memcpy(p, buf, *len);
    return p;
}

/* Writes (len) bytes of (data) to the scratch file and opens it; returns
 * NULL with the reason in (why) when the image is refused. */
static struct ig_image *try(const unsigned char *data, size_t len, char *why,
                            size_t whylen)
{
    FILE *f = fopen(path, "wb");
    fwrite(data, 1, len, f);
    fclose(f);
    why[0] = '\0';
    return ig_image_open(path, why, whylen);
}

static void expect(const unsigned char *data, size_t len, const char *want)
{
    char why[256];
    struct ig_image *img = try(data, len, why, sizeof(why));
    if (img || strncmp(why, want, strlen(want)) != 0) {
        fprintf(stderr, "len %zu: got %s [%s], want [%s]\n", len,
                img ? "accepted" : "refused", why, want);
        unit_failures++;
    }
    ig_image_close(img);
}

static unsigned char *find(unsigned char *p, size_t len, const void *pat,
                           size_t plen)
{
    for (size_t i = 0; i + plen <= len; i++)
        if (memcmp(p + i, pat, plen) == 0)
            return p + i;
    return NULL;
}

static void test_good(const char *fixture)
{
    char why[256] = "";
    uint64_t off = 0;
    struct ig_image *img = ig_image_open(fixture, why, sizeof(why));

    CHECK(img != NULL);
    if (!img) {
        fprintf(stderr, "fixture refused: %s\n", why);
        return;
    }
    CHECK_STR(ig_image_platform(img), "kvm");
    CHECK_INT(ig_image_entry(img), 0x100000);
    CHECK_STR(ig_image_symbolize(img, 0x100000, &off), "pvh_start");
    CHECK_INT(off, 0);
    CHECK_STR(ig_image_symbolize(img, 0x100005, &off), "pvh_start");
    CHECK_INT(off, 5);
    CHECK(ig_image_symbolize(img, 0x1000, &off) == NULL);
    CHECK(ig_image_symbolize(img, 0xffffffff, &off) == NULL);
    ig_image_close(img);
}

static void test_broken(const char *elf32)
{
    unsigned char *b = malloc(orig_len);
    char why[256];

    expect((const unsigned char *)"hello, world\n", 13, "not an ELF file");
    expect((const unsigned char *)"", 0, "not an ELF file");
    CHECK(ig_image_open("/nonexistent/img", why, sizeof(why)) == NULL);
    CHECK_STR(why, "No such file or directory");
    CHECK(ig_image_open("/tmp", why, sizeof(why)) == NULL);
    CHECK_STR(why, "is a directory");

    /* Cut at every length: always refused, always as truncated. */
    for (size_t n = 4; n < orig_len; n++)
        expect(orig, n, "truncated: ");

    memcpy(b, orig, orig_len);
    b[EI_CLASS] = ELFCLASS32;
    expect(b, orig_len, "not an x86-64 ELF64 image (ELF class 32");

    memcpy(b, orig, orig_len);
    ((Elf64_Ehdr *)b)->e_machine = EM_AARCH64;
    expect(b, orig_len,
           "not an x86-64 ELF64 image (ELF class 64, machine 183)");

    memcpy(b, orig, orig_len);
    ((Elf64_Ehdr *)b)->e_type = ET_DYN;
    expect(b, orig_len, "not a static executable");

    memcpy(b, orig, orig_len);
    unsigned char *kvm = find(b, orig_len, "Ingot\0\0\0kvm", 11);
    CHECK(kvm != NULL);
    if (kvm) {
        kvm[9] = '!';
        expect(b, orig_len, "malformed Ingot platform note");
        memcpy(kvm, "Ingox", 5);
        expect(b, orig_len, "not an Ingot image (no Ingot platform note)");
    }

    memcpy(b, orig, orig_len);
    static const unsigned char abi[] = {6,   0, 0, 0, 4,   0,   0,   0,
                                        2,   0, 0, 0, 'I', 'n', 'g', 'o',
                                        't', 0, 0, 0, 1,   0,   0,   0};
    unsigned char *a = find(b, orig_len, abi, sizeof(abi));
    CHECK(a != NULL);
    if (a) {
        a[20] = 2;
        expect(b, orig_len, "built for Ingot image ABI 2; this ingot knows 1");
    }

    /* A segment pointing past the end. */
    memcpy(b, orig, orig_len);
    Elf64_Ehdr *eh = (Elf64_Ehdr *)b;
    Elf64_Phdr *ph = (Elf64_Phdr *)(b + eh->e_phoff);
    ph[0].p_filesz = orig_len;
    expect(b, orig_len, "truncated: segment 0 ends at byte");
    ph[0].p_offset = ~0ull;
    ph[0].p_filesz = 2;
    expect(b, orig_len, "truncated: segment 0 ends at byte");

    size_t len32;
    unsigned char *o32 = slurp(elf32, &len32);
    CHECK(o32 != NULL);
    if (o32)
        expect(o32, len32,
               "not an x86-64 ELF64 image (ELF class 32, "
               "machine 3)");
    free(o32);

    /* Random damage to the headers must be refused or accepted, never
     * crash (this runs under ASan and UBSan). */
    srand(1);
    for (int i = 0; i < 3000; i++) {
        memcpy(b, orig, orig_len);
        for (int k = 0; k < 4; k++)
            b[rand() % (orig_len < 512 ? orig_len : 512)] =
                (unsigned char)rand();
        struct ig_image *img = try(b, orig_len, why, sizeof(why));
        if (img) {
            uint64_t off;
            ig_image_symbolize(img, 0x100010, &off);
        }
        ig_image_close(img);
    }
    free(b);
}

/* Counts (path)'s symbols of type (type) (-1: all). */
static int count_syms(const char *file, int type)
{
    FILE *f = fopen(file, "rb");
    int n = 0;

    elf_version(EV_CURRENT);
    Elf *elf = f ? elf_begin(fileno(f), ELF_C_READ, NULL) : NULL;
    for (Elf_Scn *scn = elf ? elf_nextscn(elf, NULL) : NULL; scn;
         scn = elf_nextscn(elf, scn)) {
        GElf_Shdr sh;
        Elf_Data *d;
        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_SYMTAB ||
            !(d = elf_getdata(scn, NULL)))
            continue;
        for (size_t i = 1; i < sh.sh_size / sh.sh_entsize; i++) {
            GElf_Sym sym;
            if (gelf_getsym(d, (int)i, &sym) &&
                (type < 0 || GELF_ST_TYPE(sym.st_info) == type))
                n++;
        }
    }
    if (elf)
        elf_end(elf);
    if (f)
        fclose(f);
    return n;
}

/* Pruning keeps what is loaded byte for byte and the code symbols. */
static void test_prune(void)
{
    char why[256] = "";
    uint64_t off;
    size_t len;

    FILE *f = fopen(path, "wb");
    fwrite(orig, 1, orig_len, f);
    fclose(f);
    int all = count_syms(path, -1), funcs = count_syms(path, STT_FUNC);
    CHECK_INT(ig_image_prune_symbols(path, why, sizeof(why)), 0);
    unsigned char *got = slurp(path, &len);
    CHECK(got != NULL && len <= orig_len);
    CHECK_INT(count_syms(path, STT_FILE), 0);
    CHECK_INT(count_syms(path, STT_SECTION), 0);
    CHECK_INT(count_syms(path, STT_FUNC), funcs);
    CHECK(count_syms(path, -1) <= all);
    const Elf64_Ehdr *eh = (const Elf64_Ehdr *)orig;
    const Elf64_Phdr *ph = (const Elf64_Phdr *)(orig + eh->e_phoff);
    for (int i = 0; got && i < eh->e_phnum; i++)
        if (ph[i].p_type == PT_LOAD)
            CHECK(ph[i].p_offset + ph[i].p_filesz <= len &&
                  memcmp(got + ph[i].p_offset, orig + ph[i].p_offset,
                         ph[i].p_filesz) == 0);
    struct ig_image *img = ig_image_open(path, why, sizeof(why));
    CHECK(img != NULL);
    if (img)
        CHECK_STR(ig_image_symbolize(img, 0x100005, &off), "pvh_start");
    ig_image_close(img);
    /* Twice is once. */
    CHECK_INT(ig_image_prune_symbols(path, why, sizeof(why)), 0);
    size_t len2;
    unsigned char *again = slurp(path, &len2);
    CHECK(again && got && len2 == len && memcmp(again, got, len) == 0);
    free(again);
    free(got);

    /* Not an image, missing, cut short: refused with a reason. */
    try((const unsigned char *)"hello, world\n", 13, why, sizeof(why));
    CHECK_INT(ig_image_prune_symbols(path, why, sizeof(why)), -1);
    CHECK(strstr(why, "not a 64-bit ELF image") != NULL);
    CHECK_INT(ig_image_prune_symbols("/nonexistent/img", why, sizeof(why)), -1);
    for (size_t n = 64; n < orig_len; n += 97) {
        f = fopen(path, "wb");
        fwrite(orig, 1, n, f);
        fclose(f);
        ig_image_prune_symbols(path, why, sizeof(why)); /* never crashes */
    }
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: test_image FIXTURE.elf ELF32.o\n");
        return 2;
    }
    CHECK(mkdtemp(tmp) != NULL);
    snprintf(path, sizeof(path), "%s/img", tmp);
    orig = slurp(argv[1], &orig_len);
    CHECK(orig != NULL);
    if (orig) {
        test_good(argv[1]);
        test_broken(argv[2]);
        test_prune();
    }
    free(orig);
    unlink(path);
    rmdir(tmp);
    return unit_done();
}
