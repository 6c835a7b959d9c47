/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* test_run_args.c: `ingot run` options, sizes and the QEMU command. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "run.h"
#include "unit.h"

static char err[512];

#define PARSE(o, ...)                                                          \
    ig_run_parse_args(                                                         \
        (o), (int)(sizeof((char *[]){"run", __VA_ARGS__}) / sizeof(char *)),   \
        (char *[]){"run", __VA_ARGS__, NULL}, err, sizeof(err))

static void test_size(void)
{
    static const struct {
        const char *s;
        int r;
        uint64_t bytes;
    } cases[] = {
        {"64", 0, 64ull << 20},
        {"64M", 0, 64ull << 20},
        {"64m", 0, 64ull << 20},
        {"64MB", 0, 64ull << 20},
        {"64MiB", 0, 64ull << 20},
        {"2G", 0, 2ull << 30},
        {"1g", 0, 1ull << 30},
        {"4096K", 0, 4ull << 20},
        {"4096kib", 0, 4ull << 20},
        {"0", 0, 0},
        {"", -EINVAL, 0},
        {"M", -EINVAL, 0},
        {"-1M", -EINVAL, 0},
        {"+1M", -EINVAL, 0},
        {" 64M", -EINVAL, 0},
        {"64M ", -EINVAL, 0},
        {"1.5G", -EINVAL, 0},
        {"64T", -EINVAL, 0},
        {"64Mi", -EINVAL, 0},
        {"64MBB", -EINVAL, 0},
        {"0x40M", -EINVAL, 0},
        {"64 M", -EINVAL, 0},
        {"99999999999999999999", -ERANGE, 0},
        {"17179869184G", -ERANGE, 0},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        uint64_t b = 12345;
        int r = ig_run_parse_size(cases[i].s, &b);
        if (r != cases[i].r || (r == 0 && b != cases[i].bytes)) {
            fprintf(stderr, "size \"%s\": got %d %llu\n", cases[i].s, r,
                    (unsigned long long)b);
            unit_failures++;
        }
    }
}

static void test_net_vol(void)
{
    struct ig_run_opts o;
    struct ig_run_port pt;
    struct ig_run_volume vol;
    char buf[128];

    CHECK_INT(ig_run_parse_port("8080:80", &pt, err, sizeof(err)), 0);
    CHECK_INT(pt.host, 8080);
    CHECK_INT(pt.guest, 80);
    CHECK_INT(pt.udp, 0);
    CHECK_STR(pt.host_addr, "");
    CHECK_INT(ig_run_parse_port("127.0.0.1:5353:53/udp", &pt, err, sizeof(err)),
              0);
    CHECK_STR(pt.host_addr, "127.0.0.1");
    CHECK_INT(pt.host, 5353);
    CHECK_INT(pt.guest, 53);
    CHECK_INT(pt.udp, 1);
    CHECK_INT(ig_run_parse_port("1:65535/tcp", &pt, err, sizeof(err)), 0);
    const char *bad_ports[] = {"80",         "0:80",    "80:65536",   ":80",
                               "80:",        "a:80",    "80:80/sctp", "x:80:80",
                               "1.2.3.4::8", "123456:1"};
    for (size_t i = 0; i < sizeof(bad_ports) / sizeof(bad_ports[0]); i++) {
        CHECK_INT(ig_run_parse_port(bad_ports[i], &pt, err, sizeof(err)), -1);
        CHECK(strncmp(err, "-p ", 3) == 0);
    }

    strcpy(buf, "/srv/data:/data");
    CHECK_INT(ig_run_parse_volume(buf, &vol, err, sizeof(err)), 0);
    CHECK_STR(vol.host, "/srv/data");
    CHECK_STR(vol.guest, "/data");
    CHECK_INT(vol.ro, 0);
    strcpy(buf, "rel/dir://a/./b//:ro");
    CHECK_INT(ig_run_parse_volume(buf, &vol, err, sizeof(err)), 0);
    CHECK_STR(vol.host, "rel/dir");
    CHECK_STR(vol.guest, "/a/b");
    CHECK_INT(vol.ro, 1);
    /* A host path may hold ':' (once "the mode must be ro or rw"). */
    strcpy(buf, "/tmp/a:b:/data");
    CHECK_INT(ig_run_parse_volume(buf, &vol, err, sizeof(err)), 0);
    CHECK_STR(vol.host, "/tmp/a:b");
    CHECK_STR(vol.guest, "/data");
    strcpy(buf, "/m:ro:/data:rw");
    CHECK_INT(ig_run_parse_volume(buf, &vol, err, sizeof(err)), 0);
    CHECK_STR(vol.host, "/m:ro");
    CHECK_INT(vol.ro, 0);
    const struct {
        const char *arg, *why;
    } bad_vols[] = {
        {"/x", "expected HOSTDIR:GUESTDIR"},
        {":/data", "expected HOSTDIR:GUESTDIR"},
        {":/data:ro", "expected HOSTDIR:GUESTDIR"},
        {"/x:data", "GUESTDIR must be an absolute path"},
        {"/x:/", "GUESTDIR may not be /"},
        {"/x:/a/../b", "GUESTDIR may not contain .."},
        {"/x:/d:rx", "the mode after GUESTDIR must be ro or rw"},
        {"/x:/./", "GUESTDIR may not be /"},
    };
    for (size_t i = 0; i < sizeof(bad_vols) / sizeof(bad_vols[0]); i++) {
        strcpy(buf, bad_vols[i].arg);
        CHECK_INT(ig_run_parse_volume(buf, &vol, err, sizeof(err)), -1);
        CHECK(strncmp(err, "-v ", 3) == 0 && strstr(err, bad_vols[i].arg));
        if (!strstr(err, bad_vols[i].why)) {
            fprintf(stderr, "-v %s: \"%s\", want \"%s\"\n", bad_vols[i].arg,
                    err, bad_vols[i].why);
            unit_failures++;
        }
    }

    CHECK_INT(PARSE(&o, "img"), 0);
    CHECK_INT(o.net, IG_RUN_NET_NONE);
    ig_run_opts_free(&o);
    CHECK_INT(PARSE(&o, "-p", "8080:80", "--publish=9000:90/udp", "img", "-v",
                    "/h:/v1:ro", "--volume", "/h2:/v2"),
              0);
    CHECK_INT(o.net, IG_RUN_NET_USER);
    CHECK_INT(o.nports, 2);
    CHECK_INT(o.ports[1].udp, 1);
    CHECK_INT(o.nvols, 2);
    CHECK_STR(o.vols[0].guest, "/v1");
    CHECK_STR(o.vols[1].host, "/h2");
    CHECK_INT(o.vols[0].ro, 1);
    ig_run_opts_free(&o);
    CHECK_INT(PARSE(&o, "--net", "tap:tap0", "img"), 0);
    CHECK_INT(o.net, IG_RUN_NET_TAP);
    CHECK_STR(o.net_tap, "tap0");
    ig_run_opts_free(&o);
    CHECK_INT(PARSE(&o, "--net=tap:tap0", "-p", "80:80", "img"), -1);
    CHECK_STR(err, "-p needs --net user (a tap device is reached directly)");
    ig_run_opts_free(&o);
    CHECK_INT(PARSE(&o, "--net", "bridge", "img"), -1);
    ig_run_opts_free(&o);
    CHECK_INT(PARSE(&o, "--net", "tap:0123456789abcdef", "img"), -1);
    ig_run_opts_free(&o);
    CHECK_INT(PARSE(&o, "--net", "tap:t", "--ip", "10.1.2.3/24",
                    "--gw=10.1.2.1", "--dns", "9.9.9.9", "img"),
              0);
    CHECK_STR(o.net_ip, "10.1.2.3/24");
    CHECK_STR(o.net_gw, "10.1.2.1");
    CHECK_STR(o.net_dns, "9.9.9.9");
    ig_run_opts_free(&o);
    char *bad_ips[] = {"10.1.2.3",    "10.1.2.3/33", "10.1.2/24",
                       "1.2.3.256/8", "a.b.c.d/8",   "10.1.2.3/",
                       "10.1.2.3/8x", "1.2.3.4.5/8", "/24"};
    for (size_t i = 0; i < sizeof(bad_ips) / sizeof(bad_ips[0]); i++) {
        CHECK_INT(PARSE(&o, "--net", "tap:t", "--ip", bad_ips[i], "img"), -1);
        CHECK(strncmp(err, "--ip ", 5) == 0 && strstr(err, "must be"));
        ig_run_opts_free(&o);
    }
    CHECK_INT(PARSE(&o, "--net", "tap:t", "--gw", "10.1.2.1/24", "img"), -1);
    CHECK_STR(err, "--gw 10.1.2.1/24: must be an IPv4 address, like 10.0.0.1");
    ig_run_opts_free(&o);
    CHECK_INT(PARSE(&o, "--dns", "1.1.1.1", "img"), -1);
    CHECK_STR(err, "--dns needs a network (--net or -p)");
    ig_run_opts_free(&o);
    CHECK_INT(PARSE(&o, "-v", "/a:/d", "-v", "/b:/d/", "img"), -1);
    CHECK_STR(err, "-v /b:/d/: /d is already a volume");
    ig_run_opts_free(&o);
}

/* --hostname, -w/--workdir, -u/--user, -i; -t refused. */
static void test_process_opts(void)
{
    struct ig_run_opts o;

    CHECK_INT(PARSE(&o, "-i", "--hostname", "web-1.local", "-w", "/srv",
                    "--user=1000:100", "img"),
              0);
    CHECK_STR(o.hostname, "web-1.local");
    CHECK_STR(o.cwd, "/srv");
    CHECK_STR(o.user, "1000:100");
    ig_run_opts_free(&o);
    CHECK_INT(PARSE(&o, "--workdir=/a/b", "-u", "www-data", "img"), 0);
    CHECK_STR(o.cwd, "/a/b");
    CHECK_STR(o.user, "www-data");
    ig_run_opts_free(&o);
    char *bad_hosts[] = {"",
                         "-x",
                         ".x",
                         "a b",
                         "a_b",
                         "0123456789012345678901234567890123456789"
                         "0123456789012345678901234"};
    for (size_t i = 0; i < sizeof(bad_hosts) / sizeof(bad_hosts[0]); i++) {
        CHECK_INT(PARSE(&o, "--hostname", bad_hosts[i], "img"), -1);
        CHECK(strncmp(err, "--hostname ", 11) == 0 && strstr(err, "must be"));
        ig_run_opts_free(&o);
    }
    char *bad_dirs[] = {"rel", "", "/a b", "/a'b"};
    for (size_t i = 0; i < sizeof(bad_dirs) / sizeof(bad_dirs[0]); i++) {
        CHECK_INT(PARSE(&o, "-w", bad_dirs[i], "img"), -1);
        CHECK(strncmp(err, "-w ", 3) == 0 && strstr(err, "absolute"));
        ig_run_opts_free(&o);
    }
    char *bad_users[] = {"", ":", "1000:", ":100", "a:b:c", "a b", "root;x"};
    for (size_t i = 0; i < sizeof(bad_users) / sizeof(bad_users[0]); i++) {
        CHECK_INT(PARSE(&o, "-u", bad_users[i], "img"), -1);
        CHECK(strncmp(err, "-u ", 3) == 0 && strstr(err, "USER[:GROUP]"));
        ig_run_opts_free(&o);
    }
    char *ttys[] = {"-t", "--tty", "-it", "-ti"};
    for (size_t i = 0; i < sizeof(ttys) / sizeof(ttys[0]); i++) {
        CHECK_INT(PARSE(&o, ttys[i], "img"), 0);
        CHECK_INT(o.tty, 1);
        ig_run_opts_free(&o);
        CHECK_INT(PARSE(&o, "-d", ttys[i], "img"), -1);
        CHECK(strstr(err, "-d and -t exclude each other"));
        ig_run_opts_free(&o);
    }
    CHECK_INT(PARSE(&o, "-i", "img"), 0);
    CHECK_INT(o.tty, 0);
    ig_run_opts_free(&o);
}

static void test_args(void)
{
    struct ig_run_opts o;

    CHECK_INT(PARSE(&o, "img"), 0);
    CHECK_STR(o.image, "img");
    CHECK_INT(o.mem, IG_RUN_MEM_DEFAULT);
    CHECK_INT(o.accel, IG_RUN_ACCEL_AUTO);
    CHECK_STR(o.machine, "microvm");
    CHECK_INT(o.nargs, 0);
    ig_run_opts_free(&o);

    /* Options before and after the image; app arguments after --, even
     * ones that look like options.  (o.args points into argv.) */
    char *argv[] = {"run",       "-m",        "128M", "img", "--accel=tcg",
                    "--machine", "q35",       "-e",   "A=1", "--env=B=x y",
                    "-eC=",      "--dry-run", "--",   "-m",  "--",
                    "z",         NULL};
    CHECK_INT(ig_run_parse_args(&o, 16, argv, err, sizeof(err)), 0);
    CHECK_INT(o.mem, 128ull << 20);
    CHECK_INT(o.accel, IG_RUN_ACCEL_TCG);
    CHECK_STR(o.machine, "q35");
    CHECK(o.dry_run);
    CHECK_INT(o.env.n, 3);
    if (o.env.n == 3) {
        CHECK_STR(o.env.v[1], "B=x y");
        CHECK_STR(o.env.v[2], "C=");
    }
    CHECK_INT(o.nargs, 3);
    if (o.nargs == 3) {
        CHECK_STR(o.args[0], "-m");
        CHECK_STR(o.args[1], "--");
    }
    ig_run_opts_free(&o);

    /* -e NAME copies from the environment, or is dropped when unset. */
    setenv("INGOT_TEST_VAR", "v a l", 1);
    unsetenv("INGOT_TEST_UNSET");
    CHECK_INT(
        PARSE(&o, "img", "-e", "INGOT_TEST_VAR", "-e", "INGOT_TEST_UNSET"), 0);
    CHECK_INT(o.env.n, 1);
    if (o.env.n)
        CHECK_STR(o.env.v[0], "INGOT_TEST_VAR=v a l");
    ig_run_opts_free(&o);

    static const struct {
        const char *a, *b, *msg;
    } bad[] = {
        {"img", "extra",
         "extra: unexpected argument (put the app's "
         "arguments after --)"},
        {"img", "--frob", "--frob: unknown option"},
        {"img", "-x", "-x: unknown option"},
        {"img", "--accel=fast", "--accel fast: must be auto, kvm or tcg"},
        {"img", "--machine=pc", "--machine pc: must be microvm or q35"},
        {"img", "-m", "-m: missing value"},
        {"img", "-e1A=b", "-e 1A=b: not a valid variable name"},
        {"img", "--env==b", "-e =b: not a valid variable name"},
        {"img", "-m1M",
         "-m 1M: not a memory size (whole MiB from 2M to "
         "1024G, like 64M or 1G)"},
        {"img", "-m1500K", "-m 1500K: not a memory size"},
        {"img", "-m2T", "-m 2T: not a memory size"},
        {"img", "-mlots", "-m lots: not a memory size"},
        {"--dry-run", "--", "missing IMAGE (see ingot run --help)"},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        err[0] = '\0';
        int r = PARSE(&o, (char *)bad[i].a, (char *)bad[i].b);
        if (r != -1 || strncmp(err, bad[i].msg, strlen(bad[i].msg)) != 0) {
            fprintf(stderr, "%s %s: got %d \"%s\"\n", bad[i].a, bad[i].b, r,
                    err);
            unit_failures++;
        }
        ig_run_opts_free(&o);
    }

    CHECK_INT(PARSE(&o, "--help"), 0);
    CHECK(o.help);
    ig_run_opts_free(&o);
}

static int find(const struct ig_strvec *sv, const char *w)
{
    for (size_t i = 0; i < sv->n; i++)
        if (strcmp(sv->v[i], w) == 0)
            return (int)i;
    return -1;
}

static void test_qemu_argv(void)
{
    struct ig_strvec a = {0};
    struct ig_run_vm vm = {.qemu = "qemu",
                           .machine = "microvm",
                           .kvm = 0,
                           .mem = 64ull << 20,
                           .kernel = "img",
                           .cmdline = "argv0=img --",
                           .console = 1};

    ig_run_qemu_argv(&a, &vm);
    CHECK_STR(a.v[0], "qemu");
    CHECK_STR(a.v[find(&a, "-M") + 1],
              "microvm,auto-kernel-cmdline=off,acpi=off");
    CHECK_STR(a.v[find(&a, "-accel") + 1], "tcg");
    CHECK_STR(a.v[find(&a, "-cpu") + 1], "max");
    CHECK_STR(a.v[find(&a, "-m") + 1], "64M");
    CHECK_STR(a.v[find(&a, "-serial") + 1], "stdio");
    CHECK_STR(a.v[find(&a, "-device") + 1],
              "isa-debug-exit,iobase=0xf4,iosize=4");
    CHECK_STR(a.v[find(&a, "-device") + 5], "virtio-rng-device");
    CHECK_STR(a.v[find(&a, "-global") + 1], "virtio-mmio.force-legacy=false");
    CHECK_STR(a.v[find(&a, "-kernel") + 1], "img");
    CHECK_STR(a.v[find(&a, "-append") + 1], "argv0=img --");
    CHECK(find(&a, "-nodefaults") > 0 && find(&a, "-no-reboot") > 0 &&
          find(&a, "-no-user-config") > 0);
    ig_strvec_free(&a);

    /* TCG's translation buffer, sized from the image's code; KVM has
     * none. */
    vm.tb_mib = 3;
    ig_run_qemu_argv(&a, &vm);
    CHECK_STR(a.v[find(&a, "-accel") + 1], "tcg,tb-size=3");
    ig_strvec_free(&a);
    CHECK(ig_run_tb_mib(0) == 0);
    CHECK(ig_run_tb_mib(1) == 1);
    CHECK(ig_run_tb_mib(233 << 10) == 1);
    CHECK(ig_run_tb_mib(384 << 10) == 3);
    CHECK(ig_run_tb_mib(1u << 20) == 8);
    CHECK(ig_run_tb_mib(200ull << 20) == 1024);
    CHECK(ig_run_tb_mib(UINT64_MAX) == 1024);

    vm.kvm = 1;
    vm.machine = "q35";
    vm.cmdline = NULL;
    vm.console = 0;
    ig_run_qemu_argv(&a, &vm);
    CHECK_STR(a.v[find(&a, "-M") + 1], "q35,sata=off");
    CHECK_STR(a.v[find(&a, "-accel") + 1], "kvm");
    CHECK(strncmp(a.v[find(&a, "-cpu") + 1], "host", 4) == 0);
    CHECK(find(&a, "-append") < 0 && find(&a, "-serial") < 0);
    CHECK(find(&a, "-initrd") < 0 && find(&a, "-global") < 0);
    ig_strvec_free(&a);

    vm.initrd = "root.cpio";
    ig_run_qemu_argv(&a, &vm);
    CHECK_STR(a.v[find(&a, "-initrd") + 1], "root.cpio");
    CHECK(find(&a, "-netdev") < 0 && find(&a, "-fsdev") < 0);
    ig_strvec_free(&a);

    /* Networking and volumes: virtio-mmio devices on microvm. */
    struct ig_run_port ports[2] = {{"", 8080, 80, 0},
                                   {"127.0.0.1", 5353, 53, 1}};
    struct ig_run_volume vols[2] = {{"/srv/a,b", "/data", 1, 0},
                                    {"/tmp", "/t", 0, 0}};
    vm.machine = "microvm";
    vm.net = IG_RUN_NET_USER;
    vm.ports = ports;
    vm.nports = 2;
    vm.vols = vols;
    vm.nvols = 2;
    ig_run_qemu_argv(&a, &vm);
    CHECK_STR(a.v[find(&a, "-netdev") + 1], "user,id=n0,hostfwd=tcp::8080-:80,"
                                            "hostfwd=udp:127.0.0.1:5353-:53");
    CHECK_STR(a.v[find(&a, "-netdev") + 3], "virtio-net-device,netdev=n0");
    CHECK_STR(a.v[find(&a, "-fsdev") + 1],
              "local,id=v0,path=/srv/a,,b,security_model=none,readonly=on");
    CHECK_STR(a.v[find(&a, "-fsdev") + 3],
              "virtio-9p-device,fsdev=v0,mount_tag=v0");
    CHECK_STR(a.v[find(&a, "-fsdev") + 5],
              "local,id=v1,path=/tmp,security_model=none");
    CHECK_STR(a.v[find(&a, "-fsdev") + 7],
              "virtio-9p-device,fsdev=v1,mount_tag=v1");
    /* The devices come before the kernel, after the machine's own. */
    CHECK(find(&a, "-netdev") > find(&a, "-global") &&
          find(&a, "-netdev") < find(&a, "-kernel"));
    ig_strvec_free(&a);

    /* A tap device, virtio-pci devices on q35. */
    vm.machine = "q35";
    vm.net = IG_RUN_NET_TAP;
    vm.net_tap = "tap0";
    vm.nvols = 1;
    ig_run_qemu_argv(&a, &vm);
    CHECK_STR(a.v[find(&a, "-netdev") + 1],
              "tap,id=n0,ifname=tap0,script=no,downscript=no");
    CHECK_STR(a.v[find(&a, "-netdev") + 3], "virtio-net-pci,netdev=n0");
    CHECK_STR(a.v[find(&a, "-fsdev") + 3],
              "virtio-9p-pci,fsdev=v0,mount_tag=v0");
    CHECK(find(&a, "-global") < 0);
    ig_strvec_free(&a);

    vm.net = IG_RUN_NET_NONE;
    vm.nvols = 0;
    ig_run_qemu_argv(&a, &vm);
    CHECK(find(&a, "-netdev") < 0 && find(&a, "-fsdev") < 0);
    ig_strvec_free(&a);
}

/* --rootfs: a file is passed as it is, a directory becomes a temporary
 * cpio newc archive holding its files, a missing path is an error. */
static void test_rootfs(void)
{
    struct ig_run_opts o;
    char dir[] = "/tmp/ingot-unit-rootfs-XXXXXX", *initrd, buf[1024];
    int temp;

    CHECK_INT(PARSE(&o, "img", "--rootfs", "r"), 0);
    CHECK_STR(o.rootfs, "r");
    ig_run_opts_free(&o);
    CHECK_INT(PARSE(&o, "--rootfs=r2", "img"), 0);
    CHECK_STR(o.rootfs, "r2");
    ig_run_opts_free(&o);

    CHECK(mkdtemp(dir) != NULL);
    char *sub = ig_xasprintf("%s/etc", dir);
    char *file = ig_xasprintf("%s/etc/motd", dir);
    CHECK(mkdir(sub, 0755) == 0);
    FILE *f = fopen(file, "w");
    fputs("hello\n", f);
    fclose(f);

    CHECK_INT(ig_run_rootfs(file, &initrd, &temp, err, sizeof(err)), 0);
    CHECK_STR(initrd, file);
    CHECK_INT(temp, 0);
    free(initrd);

    CHECK_INT(ig_run_rootfs(dir, &initrd, &temp, err, sizeof(err)), 0);
    CHECK_INT(temp, 1);
    f = fopen(initrd, "rb");
    size_t n = f ? fread(buf, 1, sizeof(buf) - 1, f) : 0;
    if (f)
        fclose(f);
    buf[n] = '\0';
    CHECK(n > 110 && memcmp(buf, "070701", 6) == 0);
    CHECK(memmem(buf, n, "etc/motd", 9) != NULL);
    CHECK(memmem(buf, n, "hello\n", 6) != NULL);
    CHECK(memmem(buf, n, "TRAILER!!!", 11) != NULL);
    unlink(initrd);
    free(initrd);

    CHECK_INT(
        ig_run_rootfs("/nonexistent-rootfs", &initrd, &temp, err, sizeof(err)),
        -1);
    CHECK_STR(err, "--rootfs /nonexistent-rootfs: No such file or directory");
    CHECK_INT(ig_run_rootfs("/dev/null", &initrd, &temp, err, sizeof(err)), -1);
    CHECK_STR(err, "--rootfs /dev/null: not a directory or a file");
    unlink(file);
    rmdir(sub);
    rmdir(dir);
    free(file);
    free(sub);
}

static void test_shquote(void)
{
    char *s;
    CHECK_STR(s = ig_shquote("plain/path-1.elf"), "plain/path-1.elf");
    free(s);
    CHECK_STR(s = ig_shquote(""), "''");
    free(s);
    CHECK_STR(s = ig_shquote("a b"), "'a b'");
    free(s);
    CHECK_STR(s = ig_shquote("it's"), "'it'\\''s'");
    free(s);
    CHECK_STR(s = ig_shquote_argv((char *[]){"q", "-append", "x \"y\"", NULL}),
              "q -append 'x \"y\"'");
    free(s);
}

int main(void)
{
    test_net_vol();
    test_size();
    test_process_opts();
    test_args();
    test_qemu_argv();
    test_shquote();
    test_rootfs();
    return unit_done();
}
