/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* run.h: the pieces of `ingot run`, private to the cli (and its tests). */
#ifndef INGOT_RUN_H
#define INGOT_RUN_H

/*
 * cmd_run.c drives these in order: ig_run_parse_args() reads the command
 * line; the image is checked (<ingot/host_image.h>) and its platform's
 * descriptor (<ingot/host_plat.h>) checks the options; ig_run_cmdline()
 * builds the guest's command line; the descriptor builds the host command
 * (kvm: ig_run_accel_resolve() picks KVM or TCG, ig_run_qemu_argv() builds
 * QEMU's command; pico: ig_run_pico_argv()); ig_run_pump() runs it, pumping
 * the console through the exit-record filter and the backtrace annotator,
 * and the descriptor turns how it ended into the exit status.
 */

#include <poll.h>
#include <stddef.h>
#include <stdint.h>

#include <ingot/host.h>

struct ig_image;
struct termios;

/* `ingot run`'s own failures: bad options, bad image, QEMU not starting.
 * Like `docker run`, so the app's statuses 1..124 stay unambiguous. */
#define IG_RUN_STATUS_FAIL 125

/* ---- run_args.c -------------------------------------------------------- */

enum ig_run_accel { IG_RUN_ACCEL_AUTO, IG_RUN_ACCEL_KVM, IG_RUN_ACCEL_TCG };

/* --net: how the guest reaches a network.  DEFAULT becomes USER when there
 * are port forwards and NONE otherwise. */
enum ig_run_net {
    IG_RUN_NET_DEFAULT,
    IG_RUN_NET_NONE,   /* no network device */
    IG_RUN_NET_USER,   /* kvm: QEMU user networking (slirp), with -p */
    IG_RUN_NET_TAP,    /* an existing tap device, (net_tap) */
    IG_RUN_NET_BRIDGE, /* xen: a vif on the dom0 bridge (net_tap) */
};

/* -p [HOSTADDR:]HOSTPORT:GUESTPORT[/tcp|/udp] */
struct ig_run_port {
    char host_addr[64]; /* "" for all host addresses */
    uint16_t host, guest;
    int udp;
};

/* -v HOSTDIR:GUESTDIR[:ro|:rw] */
struct ig_run_volume {
    const char *host;  /* points into the option's value, NUL-cut */
    const char *guest; /* absolute, normalized: no "//", ".", ".." */
    int ro;
    int multidev; /* spans several host file systems (kvm: remap inodes) */
};

#define IG_RUN_MAX_PORTS 32
#define IG_RUN_MAX_VOLUMES 16

struct ig_run_opts {
    const char *image;
    uint64_t mem;         /* bytes */
    int mem_set;          /* -m was given */
    const char *platform; /* --platform NAME (bootable), or NULL */
    enum ig_run_accel accel;
    const char *machine;  /* "microvm" or "q35" */
    const char *rootfs;   /* --rootfs DIR or FILE.cpio, or NULL */
    struct ig_strvec env; /* "NAME=VALUE" */
    enum ig_run_net net;
    const char *net_tap; /* --net tap:NAME or bridge:NAME: the NAME */
    /* --ip A.B.C.D/N, --gw A.B.C.D, --dns A.B.C.D: the guest's static
     * network configuration (libos options net.ip=, net.gw=, net.dns=);
     * NULL for DHCP / none. */
    const char *net_ip, *net_gw, *net_dns;
    const char *net_mac; /* --mac: the guest's MAC address, or NULL */
    struct ig_run_port ports[IG_RUN_MAX_PORTS];
    int nports;
    struct ig_run_volume vols[IG_RUN_MAX_VOLUMES];
    int nvols;
    struct ig_strvec owned; /* copies that ports and vols point into */
    int dry_run;
    int help;
    long stop_timeout; /* --stop-timeout SECONDS (default 10) */
    char **args;       /* the app's arguments (after --), into argv */
    int nargs;
    /* `ingot exec` only: the app's argv[0] (NULL: the image's basename)
     * and its working directory (libos option cwd=; NULL: "/"). */
    const char *argv0;
    const char *cwd;
    /* `ingot run --hostname NAME` (libos option hostname=; NULL: "ingot")
     * and `-u USER[:GROUP]` (user=; NULL: root). */
    const char *hostname;
    const char *user;
    /* --gdb[=PORT]: the gdb server's TCP port on 127.0.0.1, 0 without
     * --gdb; the guest waits for gdb before its first instruction
     * (docs/debugging.md). */
    int gdb_port;
    /* --core DIR: where a crashing guest's core file goes, or NULL. */
    const char *core_dir;
    /* -t: the terminal on standard input is the guest's (run_tty.c).
     * tty_mask: which of the host's streams 0-2 are terminals (bit n),
     * all with -t; 0 (no libos option) until ig_run_tty_prepare().  With -t,
     * tty_attr and tty_size describe the host terminal for the guest's
     * command line (libos options tty.attr=, tty.size=). */
    int tty;
    int tty_mask;
    char tty_attr[80];
    char tty_size[32];
    /* -d and what goes with it (mgr.h, docs/manage.md): --name, --rm,
     * --restart POLICY[:N] (enum ig_mgr_restart, N in restart_max, 0: no
     * limit), --log-opt max-size= / max-file= (0: the defaults). */
    int detach;
    const char *name;
    int rm;
    int restart;
    long restart_max;
    long long log_max_size;
    int log_max_file;
    /* Set by ig_run_boot() before the platform builds its command: the
     * command replaces `ingot run` (exec) instead of running under it,
     * because the platform allows it (ig_plat.execs) and nothing needs
     * `ingot run` to stay: not -t (the terminal is restored at the end),
     * the monitor of -d, --core, --gdb or an OCI image's extracted files. */
    int exec;
    /* With exec: the initrd is a temporary archive of --rootfs DIR, which
     * the command removes once it has opened it. */
    int initrd_unlink;
    /* Set by ig_run_boot(): the image's executable bytes
     * (ig_image_code_size), which size kvm's translation buffer under TCG. */
    uint64_t code_bytes;
};

#define IG_RUN_HOSTNAME_MAX 64       /* HOST_NAME_MAX */
#define IG_RUN_GDB_PORT_DEFAULT 1234 /* QEMU's -s */

#define IG_RUN_STOP_TIMEOUT_DEFAULT 10 /* seconds, as docker stop */
#define IG_RUN_STOP_TIMEOUT_MAX 86400

#define IG_RUN_MEM_DEFAULT (64ull << 20)
#define IG_RUN_MEM_MIN (2ull << 20)
#define IG_RUN_MEM_MAX (1ull << 40)

/* Parses `-p`'s value into (p).  Returns 0, or -1 with the reason in (err). */
int ig_run_parse_port(const char *v, struct ig_run_port *p, char *err,
                      size_t errlen);

/* Parses `-v`'s value into (vol); (buf) is a writable copy of it that the
 * result points into.  Returns 0, or -1 with the reason in (err). */
int ig_run_parse_volume(char *buf, struct ig_run_volume *vol, char *err,
                        size_t errlen);

/* Parses `run`'s arguments, (argv)[0] being "run".  Options may come before
 * or after IMAGE; everything after "--" is the app's.  Returns 0, or -1 with
 * "<what>: <why>" in (err) for an unknown option, a missing or bad value, a
 * missing IMAGE or a second positional argument.  "-e NAME" copies NAME
 * from the environment and is dropped if NAME is unset. */
int ig_run_parse_args(struct ig_run_opts *o, int argc, char **argv, char *err,
                      size_t errlen);

/* Frees what ig_run_parse_args() allocated. */
void ig_run_opts_free(struct ig_run_opts *o);

/* Parses a size: decimal digits and an optional unit K, M or G (any case,
 * optionally followed by "B" or "iB"); no unit means MiB, as in QEMU.
 * Returns 0 with the byte count in (bytes), -EINVAL for anything else,
 * -ERANGE if it does not fit 64 bits. */
int ig_run_parse_size(const char *s, uint64_t *bytes);

/* ---- run_cmdline.c ----------------------------------------------------- */

/* The most the guest accepts, counting the terminating NUL: Linux's bound
 * on one execve() string (QEMU's -append, the pico tender's argument), as
 * the platforms' own (IG_CMDLINE_MAX in libos). */
#define IG_RUN_CMDLINE_MAX (128 << 10)

/* Returns (s) as one command-line token: unchanged, or in double quotes
 * with '"' and '\' escaped by a backslash when it is empty or holds white
 * space, a quote or a backslash.  Malloc'd. */
char *ig_run_quote(const char *s);

/* Builds "argv0=<o->argv0, else basename of image> env.NAME=VALUE...
 * vol.v<i>=GUESTDIR[:ro]... [cwd=DIR] [net.*] -- args..." into
 * (*out) (malloc'd), each token quoted by ig_run_quote().  Returns 0, or
 * -E2BIG when it needs more than IG_RUN_CMDLINE_MAX bytes (then (*out) is
 * still set, so the caller can report its length). */
int ig_run_cmdline(const struct ig_run_opts *o, char **out);

/* Makes each volume's HOSTDIR absolute (symbolic links resolved; the
 * strings are kept in o->owned).  Returns 0, or -1 with "-v HOST:GUEST:
 * HOST: <strerror>" in (err) when HOSTDIR is missing or not a directory. */
int ig_run_volumes_resolve(struct ig_run_opts *o, char *err, size_t errlen);

/* ---- run_qemu.c -------------------------------------------------------- */

/* One QEMU invocation. */
struct ig_run_vm {
    const char *qemu;    /* program to run */
    const char *machine; /* "microvm" or "q35" */
    int kvm;             /* -accel kvm -cpu host, else TCG */
    uint64_t mem;        /* bytes, a multiple of 1 MiB */
    const char *kernel;  /* the image */
    const char *cmdline; /* -append, or NULL for none */
    const char *initrd;  /* -initrd (PVH module 0), or NULL for none */
    int console;         /* COM1 on QEMU's stdout, else no serial */
    enum ig_run_net net; /* NONE (or DEFAULT): no network device */
    const char *net_tap; /* TAP: the host's tap device */
    const char *mac;     /* the guest's MAC address, or NULL for QEMU's */
    const struct ig_run_port *ports; /* USER: forwards, (nports) of them */
    int nports;
    /* Volume i is exported as mount tag "v<i>"; (host) must be absolute. */
    const struct ig_run_volume *vols;
    int nvols;
    int gdb_port; /* QEMU's gdb stub on 127.0.0.1, paused (-S); 0: none */
    /* TCG only: the translation buffer in MiB (-accel tcg,tb-size=); 0
     * leaves QEMU's default (1 GiB).  See ig_run_tb_mib(). */
    unsigned tb_mib;
};

/* The TCG translation buffer (MiB) for an image with (code_bytes) of
 * executable code: 8 times the code, rounded down to whole MiB, at least
 * 1 (QEMU's least), at most 1024 (QEMU's default); 0 (QEMU's default)
 * when (code_bytes) is 0 (not known). */
unsigned ig_run_tb_mib(uint64_t code_bytes);

/* Returns 1 if (name) is a machine ig_run_qemu_argv() knows. */
int ig_run_machine_ok(const char *name);

/* Appends the QEMU command for (vm) to (out). */
void ig_run_qemu_argv(struct ig_strvec *out, const struct ig_run_vm *vm);

/* Returns the QEMU to use: $INGOT_QEMU or "qemu-system-x86_64". */
const char *ig_run_qemu_name(void);

/* The longest command line, counting its NUL, that QEMU machine (machine)
 * boots: IG_RUN_CMDLINE_MAX for microvm, 4096 for q35. */
size_t ig_run_qemu_cmdline_max(const char *machine);

/* Returns (name) resolved through PATH (unless it holds a '/') as a
 * malloc'd path, or NULL if no executable file is found. */
char *ig_run_which(const char *name);

/* ---- run_publish.c ----------------------------------------------------- */

/* Publishes the TCP forwards among (ports) (kvm, user networking) through
 * a relay process of ingot run's: binds each one's host address and port
 * with a full listen backlog, then rewrites the entry to a free loopback
 * port for QEMU's hostfwd rule, to which the relay connects one client at
 * a time (libslirp listens with a backlog of 1 and drops clients of a
 * burst: see the file).  The relay ends with ingot run.  UDP forwards are
 * left as they are.  Returns 0, or -1 with "-p ADDR:PORT: <why>" in (err)
 * (the port taken, not an IPv4 address, no fork). */
int ig_run_publish(struct ig_run_port *ports, int nports, char *err,
                   size_t errlen);

/* ---- run_rootfs.c ------------------------------------------------------ */

/* Turns `--rootfs (src)` into the file to pass as the initrd (QEMU's
 * -initrd, the pico tender's --initrd): (src) itself
 * when it is a file (a cpio archive, checked by the guest), or a temporary
 * cpio "newc" archive of the directory (src), built with libarchive, with
 * (*is_temp) set so the caller unlinks it.  (*initrd) is malloc'd.  Returns
 * 0, or -1 with "<what>: <why>" in (err). */
int ig_run_rootfs(const char *src, char **initrd, int *is_temp, char *err,
                  size_t errlen);

/* ---- run_console.c: the exit record ------------------------------------- */

typedef void (*ig_run_emit_fn)(void *ctx, const char *buf, size_t len);

/* Removes the exit record (<ingot/kvm_abi.h>) from a byte stream.  Bytes
 * that may begin a record are held back until they either complete one or
 * cannot, so a record split across reads is still found. */
typedef void (*ig_run_tty_fn)(int when, const char *hex);

struct ig_run_exitrec {
    char held[96];
    size_t nheld;
    int status;      /* from the first record, -1 while none seen */
    size_t err_left; /* bytes of a standard error piece still to come */
    ig_run_emit_fn emit_err;
    void *err_ctx;
    size_t core_left; /* bytes of a core stream piece still to come */
    ig_run_emit_fn emit_core;
    void *core_ctx;
    ig_run_tty_fn tty; /* takes terminal attribute records, or NULL */
};

void ig_run_exitrec_init(struct ig_run_exitrec *f);

/* Sends the pieces of standard error framed in the stream (kvm_abi.h) to
 * (emit) instead of the stream's own emitter. */
void ig_run_exitrec_set_err(struct ig_run_exitrec *f, ig_run_emit_fn emit,
                            void *ctx);

/* Sends the pieces of a core stream framed in the stream (core_abi.h) to
 * (emit); without it they are dropped. */
void ig_run_exitrec_set_core(struct ig_run_exitrec *f, ig_run_emit_fn emit,
                             void *ctx);

/* Hands the terminal attribute records in the stream (kvm_abi.h) to (fn);
 * without it they are dropped. */
void ig_run_exitrec_set_tty(struct ig_run_exitrec *f, ig_run_tty_fn fn);

/* Passes (len) bytes of (buf) through (f), calling (emit) with everything
 * that is not part of an exit record. */
void ig_run_exitrec_feed(struct ig_run_exitrec *f, const char *buf, size_t len,
                         ig_run_emit_fn emit, void *ctx);

/* At end of stream: emits whatever is still held back. */
void ig_run_exitrec_flush(struct ig_run_exitrec *f, ig_run_emit_fn emit,
                          void *ctx);

/* ---- run_backtrace.c: crash report frames -------------------------------- */

typedef const char *(*ig_run_symbolize_fn)(void *ctx, uint64_t addr,
                                           uint64_t *off);

/* Appends " <symbol>+0x<off>" to lines of the form "  #<n> 0x<hex>" (the
 * frames of a crash report).  Only lines that may still become such a line
 * are held back, and only until their end. */
struct ig_run_btline {
    char line[96];
    size_t n;
    int passing; /* the current line can no longer match */
    ig_run_symbolize_fn sym;
    void *symctx;
};

void ig_run_btline_init(struct ig_run_btline *b, ig_run_symbolize_fn sym,
                        void *symctx);
void ig_run_btline_feed(struct ig_run_btline *b, const char *buf, size_t len,
                        ig_run_emit_fn emit, void *ctx);
void ig_run_btline_flush(struct ig_run_btline *b, ig_run_emit_fn emit,
                         void *ctx);

/* ---- run_core.c: core files from a crashing guest ------------------------ */

/* The most of a core stream `ingot run` keeps in memory (4 GiB). */
#define IG_RUN_CORE_MAX (4ull << 30)

/* The core stream as it arrives (<ingot/core_abi.h>).  Zeroed is empty. */
struct ig_run_core {
    char *buf;
    size_t len, cap;
    int too_big; /* more than IG_RUN_CORE_MAX arrived: dropped */
};

/* An ig_run_emit_fn for ig_run_exitrec_set_core(): (ctx) is the struct
 * ig_run_core to append to. */
void ig_run_core_feed(void *ctx, const char *buf, size_t len);

void ig_run_core_free(struct ig_run_core *c);

/* Checks that (dir) is a directory where files can be created (by making
 * and removing one).  Returns 0, or -1 with the reason in (err). */
int ig_run_core_check_dir(const char *dir, char *err, size_t errlen);

/* Turns the complete stream in (c) into an ELF core file
 * (dir)/core.<basename of image>.<pid of ingot run>, written atomically,
 * and stores its path (malloc'd) in (*path).  Returns 0, or -1 with the
 * reason in (err): a stream cut short or malformed (every length and
 * address is checked), or a file that could not be written. */
int ig_run_core_write(const struct ig_run_core *c, const char *dir,
                      const char *image, char **path, char *err, size_t errlen);

/* ---- run_gdb.c ---------------------------------------------------------- */

struct ig_plat;

/* Checks --core (a directory files can be created in) and --gdb (the
 * platform (p) supports it, gdbserver exists for pico, the port is free
 * on 127.0.0.1), warns when --gdb meets an image without debug
 * information and says how to connect.  (name) is the image as given.
 * Returns 0, or -1 after printing one line why. */
int ig_run_debug_prepare(const struct ig_run_opts *o, const struct ig_plat *p,
                         struct ig_image *img, const char *name);

/* ---- run_accel_cache.c -------------------------------------------------- */

/* One calibration and what decided it, as cached per boot and QEMU. */
struct ig_run_calib {
    char boot_id[64];
    char qemu[4096];
    long long qemu_size;
    long long qemu_mtime_ns;
    int use_kvm;
    long tcg_ms;
    long kvm_ms;      /* time until KVM finished or was killed */
    int kvm_finished; /* 0: killed after 3x the TCG time */
    int kvm_status;   /* QEMU's exit status when finished */
};

/* Parses the cache file text (JSON).  Returns 0, or -1 if it is not a
 * complete version-1 record. */
int ig_run_calib_parse(const char *text, struct ig_run_calib *c);

/* Returns the record as JSON text, malloc'd. */
char *ig_run_calib_format(const struct ig_run_calib *c);

/* Fills the key fields (boot_id, qemu, size, mtime) for QEMU at (qemu).
 * Returns 0 or a negative errno. */
int ig_run_calib_key(struct ig_run_calib *c, const char *qemu);

/* Returns 1 if (a) and (b) have the same key. */
int ig_run_calib_same_key(const struct ig_run_calib *a,
                          const struct ig_run_calib *b);

/* Returns the cache file path ($XDG_CACHE_HOME/ingot/accel, else
 * ~/.cache/ingot/accel), malloc'd, or NULL if neither is known. */
char *ig_run_calib_path(void);

/* Reads (path) into (c); returns 0, or -1 if missing or corrupt. */
int ig_run_calib_load(const char *path, struct ig_run_calib *c);

/* Writes (c) to (path) atomically, creating directories; returns 0/-1. */
int ig_run_calib_store(const char *path, const struct ig_run_calib *c);

/* ---- run_accel.c -------------------------------------------------------- */

/* Calibration guest: loops, then makes QEMU exit with this status. */
#define IG_RUN_CALIB_STATUS 99

/* Returns 1 if calibration (c) says KVM is worth it: it finished, with the
 * expected status, faster than TCG. */
int ig_run_calib_decide(const struct ig_run_calib *c);

/* Writes the one-line notice explaining why auto chose TCG. */
void ig_run_calib_notice(const struct ig_run_calib *c, char *buf, size_t len);

/* Decides between KVM and TCG for (accel), calibrating (through (qemu)
 * and <libdir>/kvm/calib.elf) and caching when it is auto; unless (quiet),
 * a choice of TCG on a host with /dev/kvm is explained in one line.
 * Returns 0 with (*kvm) set, or -1 after printing why (forced KVM
 * unusable). */
int ig_run_accel_resolve(enum ig_run_accel accel, const char *qemu,
                         const char *libdir, int quiet, int *kvm);

/* ---- run_guest.c -------------------------------------------------------- */

/* What the guest left behind, turned into `ingot run`'s exit status. */
struct ig_run_end {
    int record;      /* exit record status, or -1 */
    int signalled;   /* signal ingot run forwarded to QEMU, or 0 */
    int killed;      /* --stop-timeout ran out: SIGKILL was sent */
    int qemu_raw;    /* QEMU's raw waitpid() status */
    int saw_console; /* the guest wrote anything to its console */
};

/* Returns the exit status for (e) and, when the guest stopped without a
 * record, prints why. */
int ig_run_end_status(const struct ig_run_end *e);

/* ---- run_input.c: stdin and signals into the kvm console ------------- */

/* Copies `ingot run`'s standard input (src) into the pipe to QEMU's serial
 * input (dst), framed as <ingot/kvm_abi.h> says, with an end-of-input
 * marker and forwarded signals.  Both sides are polled by the pump. */
struct ig_run_input {
    int src, dst; /* -1 once closed */
    int end_sent;
    int tty;
    size_t len;
    unsigned char buf[16384];
};

/* Starts with (src) (0 normally) and (dst), made non-blocking.  With
 * (tty), end of input from (src) (a terminal's ^D) is sent each time it
 * is read and more may follow; only a hang-up ends it. */
void ig_run_input_init(struct ig_run_input *in, int src, int dst, int tty);

/* Queues kvm_abi.h's window size message (8 bytes of (ws)). */
int ig_run_input_winsize(struct ig_run_input *in, const unsigned char ws[8]);
/* Queues kvm_abi.h's clock message with the host's CLOCK_REALTIME, read
 * now, when nothing else waits to be written (an older reading would reach
 * the guest late).  Returns 0, or -1 when the guest is gone or data is
 * still queued. */
int ig_run_input_clock(struct ig_run_input *in);
/* Fills the two poll entries (fd -1: nothing to wait for). */
void ig_run_input_poll(const struct ig_run_input *in, struct pollfd *src,
                       struct pollfd *dst);
/* Reads and writes what poll reported ready. */
void ig_run_input_service(struct ig_run_input *in, const struct pollfd *src,
                          const struct pollfd *dst);
/* Queues signal (sig) for the guest.  Returns 0, or -1 when the guest is
 * gone or the queue is full. */
int ig_run_input_signal(struct ig_run_input *in, int sig);
void ig_run_input_close(struct ig_run_input *in);

/* How ig_run_pump() runs the host command. */
struct ig_run_pump_opts {
    int pass_stdin;           /* the command reads `ingot run`'s stdin (else
                                 /dev/null) */
    int input_channel;        /* stdin and signals go in-band (run_input.c) */
    int framed_stderr;        /* stderr comes framed on the console */
    long stop_ms;             /* after forwarding a signal, SIGKILL this long
                                 later if it has not ended (--stop-timeout) */
    struct ig_run_core *core; /* collects a core stream, or NULL */
    /* pico --gdb: the command stops itself (SIGSTOP) before the guest's
     * first instruction; gdbserver is attached to it on this port. */
    int gdbserver_port;
    /* -t: the terminal is the guest's: its window size changes reach the
     * guest (SIGWINCH; in-band on kvm) and kvm's attribute records are
     * applied to it; terminal-generated signals start no stop timeout. */
    int tty;
};

/* Starts (argv) (QEMU, or the pico tender, with the console on stdout and
 * stderr passed through), copying the console to stdout through the
 * filters until it ends, and fills (e).  A signal `ingot run` receives is
 * forwarded (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2); if the
 * command has not ended (po->stop_ms) after it, it is killed.  Returns 0,
 * or -1 after printing why the command could not start. */
int ig_run_pump(char *const *argv, struct ig_image *img,
                const struct ig_run_pump_opts *po, struct ig_run_end *e);

/* ---- run_tty.c: the guest's terminal (-t) ------------------------------- */

/* The host terminal's state, saved to be restored when the run ends. */
struct ig_run_tty {
    int saved; /* (attr) holds standard input's attributes */
    struct termios *attr;
};

/* Fills o->tty_mask (which of standard input, output and error are
 * terminals) and, with -t, o->tty_attr and o->tty_size from standard
 * input (which must be a terminal) and TERM=xterm in the environment
 * unless it is set, as docker run -t does; saves the terminal's
 * attributes in (t).  Returns 0, or -1 with the reason in (err). */
int ig_run_tty_prepare(struct ig_run_opts *o, struct ig_run_tty *t, char *err,
                       size_t errlen);

/* Puts the terminal back as ig_run_tty_prepare() found it (after the
 * output written so far) and frees (t). */
void ig_run_tty_restore(struct ig_run_tty *t);

/* Applies a kvm guest's attribute record (kvm_abi.h): (when) 0-2, (hex)
 * its 72 hex digits, to standard input's terminal. */
void ig_run_tty_apply(int when, const char *hex);

/* The window size of standard input's terminal as kvm_abi.h's ESC 'W'
 * message carries it (8 bytes).  Returns 0, or -1 if it has none. */
int ig_run_tty_winsize(unsigned char out[8]);

/* ---- run_pico.c --------------------------------------------------------- */

/* Returns the pico tender to run: $INGOT_PICO, else ingot-pico next to the
 * running `ingot`, malloc'd. */
char *ig_run_pico_tender(void);

/* Appends the tender command (tender; NULL when the caller already pushed
 * it) for (image) with (mem) bytes, the initrd file (initrd, or NULL for
 * none), the tap interface (tap, or NULL) and the guest command line
 * (cmdline) to (out). */
void ig_run_pico_argv(struct ig_strvec *out, const char *tender, uint64_t mem,
                      const char *initrd, const char *tap, const char *image,
                      const char *cmdline);

/* Appends the tender options sharing (o)'s volumes, volume i as host
 * directory "v<i>" (--volume or --volume-ro v<i>=HOSTDIR), to (out). */
void ig_run_pico_volumes(struct ig_strvec *out, const struct ig_run_opts *o);

/* Returns the exit status for a pico run that ended as (e): the tender's
 * own status (the app's, 125, 159 or 255), or 128+N for signal N. */
int ig_run_pico_status(const struct ig_run_end *e);

/* ---- run_oci.c ---------------------------------------------------------- */

struct ig_oci_image;

/* For `ingot run oci:DIR[:TAG]` / `oci-archive:FILE[:TAG]`: verifies and
 * extracts the image for (o->platform) into (img) (<ingot/oci.h>), then
 * points (o->image) at the extracted kernel and fills in what the command
 * line left unset from the manifest's annotations: memory (unless -m),
 * rootfs (unless --rootfs), the app's arguments (unless --), environment
 * variables (those not set with -e).  Returns 0, or -1 with the reason in
 * (err). */
int ig_run_oci_prepare(struct ig_run_opts *o, struct ig_oci_image *img,
                       char *err, size_t errlen);

/* ---- cmd_run.c ---------------------------------------------------------- */

/* `ingot run`: (argv)[0] is "run". */
int ig_cmd_run(int argc, char **argv);

/* Boots the image (o) describes, as `ingot run` does once its options
 * are parsed, and returns the exit status (the app's, or 125 after
 * printing why it could not boot).  (o) is still the caller's to free. */
int ig_run_boot(struct ig_run_opts *o);

/* Called by ig_run_boot() just before it starts the platform's command
 * (argv) for (o) (its memory, its platform (plat)), when set: the monitor
 * of `ingot run -d` records them (mgr_monitor.c). */
extern void (*ig_run_boot_hook)(const struct ig_run_opts *o, const char *plat,
                                char *const *argv);

/* ---- cmd_exec.c --------------------------------------------------------- */

/* `ingot exec IMAGE [ARG...]`: (argv)[0] is "exec".  Runs IMAGE like a
 * host program (what the launcher of direct execution calls). */
int ig_cmd_exec(int argc, char **argv);

/* ---- cmd_pkg.c, cmd_inspect_oci.c ---------------------------------------- */

/* `ingot pkg`: (argv)[0] is "pkg".  Returns 0, or 1 after printing why. */
int ig_cmd_pkg(int argc, char **argv);

/* `ingot inspect oci:…`: (argv)[0] is "inspect".  Returns 0, or 1 after
 * printing why. */
int ig_cmd_inspect_oci(int argc, char **argv);

#endif /* INGOT_RUN_H */
