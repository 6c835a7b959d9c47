/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_symbols.c: host unit test of crash-frame naming from a symbol table. */
#include <elf.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <ingot/panic.h>
#include <ingot/plat.h>

#include "unit.h"

/* The platform's table, as the test sets it; none when (have) is 0. */
static struct ig_plat_symtab table;
static int have;

int ig_plat_symbols(struct ig_plat_symtab *t)
{
    if (!have)
        return -ENOENT;
    *t = table;
    return 0;
}

/* What the frame lines printed. */
static char out[512];
static size_t outlen;

long ig_plat_console_write(const char *buf, size_t len)
{
    if (len > sizeof(out) - 1 - outlen)
        len = sizeof(out) - 1 - outlen;
    memcpy(out + outlen, buf, len);
    outlen += len;
    out[outlen] = '\0';
    return (long)len;
}

/* Names: offsets 1 "main", 6 "label", 12 "alias", 18 "data", 23 "tail",
 * 28 "undef", 34 "abs", 38 "cut" (not terminated: the last bytes). */
static const char strs[] = "\0main\0label\0alias\0data\0tail\0undef\0abs\0cut";

static Elf64_Sym sym(uint32_t name, int type, uint16_t shndx, uint64_t value,
                     uint64_t size)
{
    return (Elf64_Sym){.st_name = name,
                       .st_info = ELF64_ST_INFO(STB_GLOBAL, type),
                       .st_shndx = shndx,
                       .st_value = value,
                       .st_size = size};
}

static const char *look(uintptr_t addr, uintptr_t *off)
{
    *off = ~(uintptr_t)0;
    return ig_backtrace_symbolize(addr, off);
}

int main(void)
{
    Elf64_Sym syms[] = {
        sym(0, STT_NOTYPE, SHN_UNDEF, 0, 0),     /* the null symbol */
        sym(1, STT_FUNC, 1, 0x1000, 0x40),       /* main */
        sym(6, STT_NOTYPE, 1, 0x1000, 0),        /* label at main */
        sym(12, STT_FUNC, 1, 0x1100, 0x10),      /* alias */
        sym(6, STT_NOTYPE, 1, 0x1200, 0),        /* an asm label */
        sym(18, STT_OBJECT, 2, 0x1300, 0x100),   /* data: not code */
        sym(23, STT_NOTYPE, 2, 0x1280, 0),       /* outside the code */
        sym(28, STT_FUNC, SHN_UNDEF, 0x1400, 0), /* undefined */
        sym(34, STT_FUNC, SHN_ABS, 0x1500, 0),   /* absolute */
        sym(38, STT_FUNC, 1, 0x1600, 0x10),      /* unterminated name */
        sym(4000, STT_FUNC, 1, 0x1700, 0x10),    /* name out of range */
    };
    uintptr_t off;

    CHECK(look(0x1000, &off) == NULL); /* no table at all */
    table = (struct ig_plat_symtab){.syms = syms,
                                    .nsyms = sizeof(syms) / sizeof(syms[0]),
                                    .strs = strs,
                                    .strs_len = sizeof(strs) - 1,
                                    .code_lo = 0x1000,
                                    .code_hi = 0x1280};
    have = 1;
    CHECK_STR(look(0x1000, &off), "main"); /* the sized one, not the label */
    CHECK_INT(off, 0);
    CHECK_STR(look(0x103f, &off), "main");
    CHECK_INT(off, 0x3f);
    CHECK(look(0x1040, &off) == NULL); /* past main's end */
    CHECK(look(0xfff, &off) == NULL);  /* below every symbol */
    CHECK_STR(look(0x1105, &off), "alias");
    CHECK_STR(look(0x1234, &off), "label"); /* an assembly label */
    CHECK_INT(off, 0x34);
    CHECK_STR(look(0x1290, &off), "label"); /* not the data-side label */
    CHECK_STR(look(0x1450, &off), "label"); /* undefined and absolute: not */
    CHECK_STR(look(0x1605, &off), "label"); /* "cut" runs off the table */
    CHECK_STR(look(0x1705, &off), "label"); /* name offset out of range */

    /* A frame line: frame 0 names its address, outer frames the call
     * before the return address (0x1040 returns into main). */
    ig_backtrace_frame(0, 0x1010);
    ig_backtrace_frame(1, 0x1040);
    ig_backtrace_frame(2, 0x10);
    CHECK_STR(out, "  #0 0x1010 main+0x10\n"
                   "  #1 0x1040 main+0x40\n"
                   "  #2 0x10\n");
    return unit_done();
}
