/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* launch.c: ingot-exec, the program interpreter that runs images directly. */

/*
 * ingot-cc names this program in every image's PT_INTERP, so executing an
 * image (./conftest, ./a.out) makes the kernel map the image, then start us
 * like ld.so.  We do not run the image in this process: we find it
 * (/proc/self/exe, else AT_EXECFN), read our own path back from its
 * PT_INTERP, and replace ourselves with `ingot exec` from the same
 * install (IG_EXEC_TOOL, relative to this file's directory), passing the
 * arguments and the environment on unchanged:
 *
 *     <dir>/IG_EXEC_TOOL exec --argv0 ARGV0 -- IMAGE ARG...
 *
 * No libc: the kernel gives an interpreter nothing but a stack, and this
 * file must not need relocating.  Failures print one line and exit 127,
 * as a shell does for a command it cannot run.
 */
#include <stddef.h>
#include <stdint.h>

#define PATH_MAX 4096
#define AT_EXECFN 31
#define PT_INTERP 3

#define SYS_read 0
#define SYS_write 1
#define SYS_open 2
#define SYS_close 3
#define SYS_pread64 17
#define SYS_execve 59
#define SYS_exit_group 231
#define SYS_readlink 89

struct ehdr {
    unsigned char ident[16];
    uint16_t type, machine;
    uint32_t version;
    uint64_t entry, phoff, shoff;
    uint32_t flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct phdr {
    uint32_t type, flags;
    uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

static long sys3(long n, long a, long b, long c)
{
    long r;
    __asm__ volatile("syscall"
                     : "=a"(r)
                     : "a"(n), "D"(a), "S"(b), "d"(c)
                     : "rcx", "r11", "memory");
    return r;
}

static long sys4(long n, long a, long b, long c, long d)
{
    long r;
    register long r10 __asm__("r10") = d;
    __asm__ volatile("syscall"
                     : "=a"(r)
                     : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10)
                     : "rcx", "r11", "memory");
    return r;
}

static size_t len(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

static void put(const char *s)
{
    sys3(SYS_write, 2, (long)s, (long)len(s));
}

static const char *why(long err)
{
    switch (-err) {
    case 2:
        return "No such file or directory";
    case 13:
        return "Permission denied";
    case 8:
        return "Exec format error";
    case 7:
        return "Argument list too long";
    case 12:
        return "Cannot allocate memory";
    default:
        return "cannot be started";
    }
}

static _Noreturn void fail(const char *what, const char *reason)
{
    put("ingot-exec: ");
    put(what);
    put(": ");
    put(reason);
    put("\n");
    sys3(SYS_exit_group, 127, 0, 0);
    __builtin_unreachable();
}

/* Reads exactly (n) bytes at (off) of (fd) into (buf); returns 0 or -1. */
static int pread_all(int fd, void *buf, size_t n, uint64_t off)
{
    char *p = buf;
    while (n) {
        long r = sys4(SYS_pread64, fd, (long)p, (long)n, (long)off);
        if (r <= 0)
            return -1;
        p += r, n -= (size_t)r, off += (uint64_t)r;
    }
    return 0;
}

/* Stores the image's PT_INTERP (our own path) in (out). */
static void read_interp(const char *image, char *out)
{
    struct ehdr eh;
    struct phdr ph;
    long fd = sys3(SYS_open, (long)image, 0 /* O_RDONLY */, 0);

    if (fd < 0)
        fail(image, why(fd));
    if (pread_all((int)fd, &eh, sizeof(eh), 0) < 0 ||
        eh.phentsize != sizeof(ph))
        fail(image, "not an ELF64 image");
    for (unsigned i = 0; i < eh.phnum; i++) {
        if (pread_all((int)fd, &ph, sizeof(ph), eh.phoff + i * sizeof(ph)) < 0)
            fail(image, "truncated program headers");
        if (ph.type != PT_INTERP)
            continue;
        if (ph.filesz < 2 || ph.filesz > PATH_MAX ||
            pread_all((int)fd, out, ph.filesz, ph.offset) < 0 ||
            out[ph.filesz - 1] != '\0')
            fail(image, "bad PT_INTERP");
        sys3(SYS_close, fd, 0, 0);
        return;
    }
    fail(image, "no PT_INTERP");
}

__attribute__((used)) _Noreturn void ig_exec_main(long *sp)
{
    long argc = sp[0];
    char **argv = (char **)(sp + 1), **envp = argv + argc + 1, **e = envp;
    static char image[PATH_MAX], tool[PATH_MAX + sizeof(IG_EXEC_TOOL)];
    const char *execfn = NULL;

    while (*e)
        e++;
    for (uint64_t *aux = (uint64_t *)(e + 1); aux[0]; aux += 2)
        if (aux[0] == AT_EXECFN)
            execfn = (const char *)aux[1];
    long n =
        sys3(SYS_readlink, (long)"/proc/self/exe", (long)image, PATH_MAX - 1);
    if (n > 0) {
        image[n] = '\0';
    } else if (execfn && len(execfn) < PATH_MAX) {
        for (size_t i = 0; (image[i] = execfn[i]); i++)
            ;
    } else {
        fail("/proc/self/exe", "cannot find the image being executed");
    }

    read_interp(image, tool);
    size_t dir = len(tool);
    while (dir && tool[dir - 1] != '/')
        dir--;
    const char rel[] = IG_EXEC_TOOL;
    for (size_t i = 0; i < sizeof(rel); i++)
        tool[dir + i] = rel[i];

    if (argc < 0 || argc > (1 << 20))
        fail(image, "too many arguments");
    char *args[argc + 7];
    size_t k = 0;
    args[k++] = tool;
    args[k++] = (char *)"exec";
    args[k++] = (char *)"--argv0";
    args[k++] = argc > 0 ? argv[0] : image;
    args[k++] = (char *)"--";
    args[k++] = image;
    for (long i = 1; i < argc; i++)
        args[k++] = argv[i];
    args[k] = NULL;
    long r = sys3(SYS_execve, (long)tool, (long)args, (long)envp);
    fail(tool, why(r));
}

/* The kernel enters with %rsp at argc; align the stack for a call. */
__asm__(".globl _start\n"
        "_start:\n\t"
        "mov %rsp, %rdi\n\t"
        "and $-16, %rsp\n\t"
        "xor %ebp, %ebp\n\t"
        "call ig_exec_main\n\t"
        "hlt\n");
