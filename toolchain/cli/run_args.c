/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* run_args.c: the command line of `ingot run`, and sizes like 64M. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ingot/host_plat.h>

#include "mgr.h"
#include "run.h"

/* Checks (s) is a dotted-quad IPv4 address, followed by "/0".."/32" when
 * (prefix) is set.  Returns 0 or -1. */
static int check_ipv4(const char *s, int prefix)
{
    for (int i = 0; i < 4; i++) {
        int digits = 0, v = 0;
        for (; *s >= '0' && *s <= '9' && digits < 4; s++, digits++)
            v = v * 10 + (*s - '0');
        if (digits == 0 || digits > 3 || v > 255)
            return -1;
        if (i < 3 && *s++ != '.')
            return -1;
    }
    if (!prefix)
        return *s ? -1 : 0;
    if (*s++ != '/' || *s < '0' || *s > '9')
        return -1;
    int len = 0, digits = 0;
    for (; *s >= '0' && *s <= '9' && digits < 3; s++, digits++)
        len = len * 10 + (*s - '0');
    return *s || len > 32 ? -1 : 0;
}

int ig_run_parse_size(const char *s, uint64_t *bytes)
{
    uint64_t n = 0, unit = 1ull << 20;
    const char *p = s;

    if (*p < '0' || *p > '9')
        return -EINVAL;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (n > (UINT64_MAX - 9) / 10)
            return -ERANGE;
        n = n * 10 + (uint64_t)(*p - '0');
    }
    if (*p) {
        switch (*p++) {
        case 'k':
        case 'K':
            unit = 1ull << 10;
            break;
        case 'm':
        case 'M':
            unit = 1ull << 20;
            break;
        case 'g':
        case 'G':
            unit = 1ull << 30;
            break;
        default:
            return -EINVAL;
        }
        if (*p == 'i' || *p == 'I') {
            if (p[1] != 'b' && p[1] != 'B')
                return -EINVAL;
            p += 2;
        } else if (*p == 'b' || *p == 'B') {
            p++;
        }
        if (*p)
            return -EINVAL;
    }
    if (n > UINT64_MAX / unit)
        return -ERANGE;
    *bytes = n * unit;
    return 0;
}

static int env_name_ok(const char *s, size_t len)
{
    if (len == 0 || (s[0] >= '0' && s[0] <= '9'))
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '_'))
            return 0;
    }
    return 1;
}

static int add_env(struct ig_run_opts *o, const char *v, char *err,
                   size_t errlen)
{
    const char *eq = strchr(v, '=');
    size_t len = eq ? (size_t)(eq - v) : strlen(v);

    if (!env_name_ok(v, len)) {
        snprintf(err, errlen, "-e %s: not a valid variable name", v);
        return -1;
    }
    if (eq) {
        ig_strvec_push(&o->env, v);
    } else {
        const char *host = getenv(v);
        if (host)
            ig_strvec_pushf(&o->env, "%s=%s", v, host);
    }
    return 0;
}

/* --hostname: a host name as sethostname(2) and DNS take it. */
static int hostname_ok(const char *s)
{
    size_t n = strlen(s);

    if (n == 0 || n > IG_RUN_HOSTNAME_MAX || s[0] == '-' || s[0] == '.')
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '.'))
            return 0;
    return 1;
}

/* -u USER[:GROUP]: names as useradd takes them, or numbers. */
static int user_ok(const char *s)
{
    size_t part = 0;
    int colons = 0;

    if (strlen(s) > 65)
        return 0;
    for (; *s; s++) {
        if (*s == ':') {
            if (part == 0 || ++colons > 1)
                return 0;
            part = 0;
            continue;
        }
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
              (*s >= '0' && *s <= '9') || *s == '_' || *s == '-' || *s == '.'))
            return 0;
        part++;
    }
    return part > 0;
}

static int parse_u16(const char *s, size_t len, uint16_t *out)
{
    unsigned long n = 0;

    if (len == 0 || len > 5)
        return -1;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        n = n * 10 + (unsigned long)(s[i] - '0');
    }
    if (n == 0 || n > 65535)
        return -1;
    *out = (uint16_t)n;
    return 0;
}

int ig_run_parse_port(const char *v, struct ig_run_port *p, char *err,
                      size_t errlen)
{
    const char *proto = strchr(v, '/');
    size_t len = proto ? (size_t)(proto - v) : strlen(v);
    const char *last = NULL, *first = NULL;

    memset(p, 0, sizeof(*p));
    if (proto) {
        if (strcmp(proto, "/udp") == 0)
            p->udp = 1;
        else if (strcmp(proto, "/tcp") != 0)
            goto bad;
    }
    for (size_t i = 0; i < len; i++) {
        if (v[i] == ':') {
            if (!first)
                first = v + i;
            last = v + i;
        }
    }
    if (!last)
        goto bad;
    if (parse_u16(last + 1, (size_t)(v + len - last - 1), &p->guest) < 0)
        goto bad;
    if (first == last) {
        if (parse_u16(v, (size_t)(last - v), &p->host) < 0)
            goto bad;
        return 0;
    }
    /* HOSTADDR:HOSTPORT:GUESTPORT, HOSTADDR a dotted IPv4 address. */
    const char *mid = last - 1;
    while (mid > v && *mid != ':')
        mid--;
    if (parse_u16(mid + 1, (size_t)(last - mid - 1), &p->host) < 0)
        goto bad;
    size_t alen = (size_t)(mid - v);
    if (alen == 0 || alen >= sizeof(p->host_addr) ||
        strspn(v, "0123456789.") < alen)
        goto bad;
    memcpy(p->host_addr, v, alen);
    return 0;
bad:
    snprintf(err, errlen,
             "-p %s: expected [HOSTADDR:]HOSTPORT:GUESTPORT[/tcp|/udp] "
             "with ports 1-65535",
             v);
    return -1;
}

int ig_run_parse_volume(char *buf, struct ig_run_volume *vol, char *err,
                        size_t errlen)
{
    char *orig = strdup(buf);
    char *colon = strrchr(buf, ':');
    const char *why = NULL;

    memset(vol, 0, sizeof(*vol));
    /* Split from the right: GUESTDIR holds no ':' (it starts with '/')
     * and the mode is a known word, so HOSTDIR may hold any. */
    if (colon && (strcmp(colon, ":ro") == 0 || strcmp(colon, ":rw") == 0)) {
        vol->ro = colon[2] == 'o';
        *colon = '\0';
        colon = strrchr(buf, ':');
    } else if (colon && colon[1] != '/') {
        *colon = '\0';
        char *prev = strrchr(buf, ':');
        why = prev && prev != buf && prev[1] == '/'
                  ? "the mode after GUESTDIR must be ro or rw"
                  : "GUESTDIR must be an absolute path";
        goto bad;
    }
    if (!colon || colon == buf) {
        why = "expected HOSTDIR:GUESTDIR[:ro|:rw]";
        goto bad;
    }
    *colon = '\0';
    vol->host = buf;
    char *guest = colon + 1;
    if (guest[0] != '/') {
        why = "GUESTDIR must be an absolute path";
        goto bad;
    }
    /* Normalize in place: collapse "//", drop "." and a trailing "/";
     * refuse ".." (it would make the mount point ambiguous). */
    char *w = guest;
    for (const char *r = guest; *r;) {
        while (*r == '/')
            r++;
        const char *e = r;
        while (*e && *e != '/')
            e++;
        size_t n = (size_t)(e - r);
        if (n == 1 && r[0] == '.') {
            r = e;
            continue;
        }
        if (n == 2 && r[0] == '.' && r[1] == '.') {
            why = "GUESTDIR may not contain ..";
            goto bad;
        }
        if (n > 0) {
            *w++ = '/';
            memmove(w, r, n);
            w += n;
        }
        r = e;
    }
    *w = '\0';
    if (guest[0] == '\0') {
        why = "GUESTDIR may not be / (the root is --rootfs)";
        goto bad;
    }
    vol->guest = guest;
    free(orig);
    return 0;
bad:
    snprintf(err, errlen, "-v %s: %s", orig ? orig : "", why);
    free(orig);
    return -1;
}

static int set_value(struct ig_run_opts *o, const char *opt, const char *v,
                     char *err, size_t errlen)
{
    if (strcmp(opt, "-m") == 0 || strcmp(opt, "--memory") == 0) {
        uint64_t b;
        if (ig_run_parse_size(v, &b) < 0 || b < IG_RUN_MEM_MIN ||
            b > IG_RUN_MEM_MAX || b % (1u << 20)) {
            snprintf(err, errlen,
                     "%s %s: not a memory size (whole MiB from 2M to 1024G, "
                     "like 64M or 1G)",
                     opt, v);
            return -1;
        }
        o->mem = b;
        o->mem_set = 1;
    } else if (strcmp(opt, "--platform") == 0) {
        if (!ig_plat_bootable(v)) {
            char names[128];
            ig_plat_list_bootable(names, sizeof(names), " or ");
            snprintf(err, errlen, "--platform %s: must be %s", v, names);
            return -1;
        }
        o->platform = v;
    } else if (strcmp(opt, "--accel") == 0) {
        if (strcmp(v, "auto") == 0)
            o->accel = IG_RUN_ACCEL_AUTO;
        else if (strcmp(v, "kvm") == 0)
            o->accel = IG_RUN_ACCEL_KVM;
        else if (strcmp(v, "tcg") == 0)
            o->accel = IG_RUN_ACCEL_TCG;
        else {
            snprintf(err, errlen, "--accel %s: must be auto, kvm or tcg", v);
            return -1;
        }
    } else if (strcmp(opt, "--machine") == 0) {
        if (!ig_run_machine_ok(v)) {
            snprintf(err, errlen, "--machine %s: must be microvm or q35", v);
            return -1;
        }
        o->machine = v;
    } else if (strcmp(opt, "--stop-timeout") == 0) {
        char *end;
        errno = 0;
        long t = strtol(v, &end, 10);
        if (!*v || *end || errno || t < 0 || t > IG_RUN_STOP_TIMEOUT_MAX) {
            snprintf(err, errlen,
                     "--stop-timeout %s: must be whole seconds, 0 to %d", v,
                     IG_RUN_STOP_TIMEOUT_MAX);
            return -1;
        }
        o->stop_timeout = t;
    } else if (strcmp(opt, "--rootfs") == 0) {
        o->rootfs = v;
    } else if (strcmp(opt, "--core") == 0) {
        if (!*v) {
            snprintf(err, errlen, "--core: missing directory");
            return -1;
        }
        o->core_dir = v;
    } else if (strcmp(opt, "--net") == 0) {
        if (strcmp(v, "none") == 0) {
            o->net = IG_RUN_NET_NONE;
        } else if (strcmp(v, "user") == 0) {
            o->net = IG_RUN_NET_USER;
        } else if ((strncmp(v, "tap:", 4) == 0 ||
                    strncmp(v, "bridge:", 7) == 0) &&
                   strchr(v, ':')[1] && strlen(strchr(v, ':') + 1) < 16) {
            o->net = v[0] == 't' ? IG_RUN_NET_TAP : IG_RUN_NET_BRIDGE;
            o->net_tap = strchr(v, ':') + 1;
        } else {
            snprintf(err, errlen,
                     "--net %s: must be none, user, tap:NAME or bridge:NAME "
                     "(NAME at most 15 characters)",
                     v);
            return -1;
        }
    } else if (strcmp(opt, "--mac") == 0) {
        unsigned b[6];
        char end;
        if (strlen(v) != 17 ||
            sscanf(v, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2], &b[3],
                   &b[4], &b[5], &end) != 6 ||
            (b[0] & 1)) {
            snprintf(err, errlen,
                     "--mac %s: must be a unicast MAC address, like "
                     "02:42:ac:11:00:02",
                     v);
            return -1;
        }
        o->net_mac = v;
    } else if (strcmp(opt, "--ip") == 0 || strcmp(opt, "--gw") == 0 ||
               strcmp(opt, "--dns") == 0) {
        if (check_ipv4(v, strcmp(opt, "--ip") == 0) < 0) {
            snprintf(err, errlen, "%s %s: must be %s", opt, v,
                     strcmp(opt, "--ip") == 0
                         ? "an IPv4 address with a prefix length, like "
                           "10.0.0.2/24"
                         : "an IPv4 address, like 10.0.0.1");
            return -1;
        }
        if (strcmp(opt, "--ip") == 0)
            o->net_ip = v;
        else if (strcmp(opt, "--gw") == 0)
            o->net_gw = v;
        else
            o->net_dns = v;
    } else if (strcmp(opt, "-p") == 0) {
        if (o->nports == IG_RUN_MAX_PORTS) {
            snprintf(err, errlen, "-p %s: at most %d port forwards", v,
                     IG_RUN_MAX_PORTS);
            return -1;
        }
        if (ig_run_parse_port(v, &o->ports[o->nports], err, errlen) < 0)
            return -1;
        o->nports++;
    } else if (strcmp(opt, "-v") == 0) {
        if (o->nvols == IG_RUN_MAX_VOLUMES) {
            snprintf(err, errlen, "-v %s: at most %d volumes", v,
                     IG_RUN_MAX_VOLUMES);
            return -1;
        }
        ig_strvec_push(&o->owned, v);
        char *copy = o->owned.v[o->owned.n - 1];
        if (ig_run_parse_volume(copy, &o->vols[o->nvols], err, errlen) < 0)
            return -1;
        for (int i = 0; i < o->nvols; i++) {
            if (strcmp(o->vols[i].guest, o->vols[o->nvols].guest) == 0) {
                snprintf(err, errlen, "-v %s: %s is already a volume", v,
                         o->vols[i].guest);
                return -1;
            }
        }
        o->nvols++;
    } else if (strcmp(opt, "--name") == 0) {
        if (!ig_mgr_name_ok(v)) {
            snprintf(err, errlen,
                     "--name %s: must be 1-%d of A-Z a-z 0-9 _ . -, "
                     "starting with a letter or digit",
                     v, IG_MGR_NAME_MAX);
            return -1;
        }
        o->name = v;
    } else if (strcmp(opt, "--restart") == 0) {
        enum ig_mgr_restart pol;
        if (ig_mgr_parse_restart(v, &pol, &o->restart_max, err, errlen) < 0)
            return -1;
        o->restart = (int)pol;
    } else if (strcmp(opt, "--log-opt") == 0) {
        return ig_mgr_parse_log_opt(v, o, err, errlen);
    } else if (strcmp(opt, "--hostname") == 0) {
        if (!hostname_ok(v)) {
            snprintf(err, errlen,
                     "--hostname %s: must be 1-%d of A-Z a-z 0-9 - ., not "
                     "starting with - or .",
                     v, IG_RUN_HOSTNAME_MAX);
            return -1;
        }
        o->hostname = v;
    } else if (strcmp(opt, "-w") == 0) {
        if (v[0] != '/' || strlen(v) > 4096 || strpbrk(v, " \t\n\"'\\")) {
            snprintf(err, errlen,
                     "-w %s: must be an absolute path without blanks or "
                     "quotes",
                     v);
            return -1;
        }
        o->cwd = v;
    } else if (strcmp(opt, "-u") == 0) {
        if (!user_ok(v)) {
            snprintf(err, errlen,
                     "-u %s: must be USER[:GROUP], each a name or a number", v);
            return -1;
        }
        o->user = v;
    } else {
        return add_env(o, v, err, errlen);
    }
    return 0;
}

/* "--gdb" (port IG_RUN_GDB_PORT_DEFAULT) or "--gdb=PORT". */
static int parse_gdb_port(struct ig_run_opts *o, const char *a, char *err,
                          size_t errlen)
{
    char *end;
    long port = IG_RUN_GDB_PORT_DEFAULT;

    if (a[5] == '=') {
        errno = 0;
        port = strtol(a + 6, &end, 10);
        if (errno || end == a + 6 || *end || port < 1 || port > 65535) {
            snprintf(err, errlen, "%s: PORT must be a TCP port, 1-65535", a);
            return -1;
        }
    }
    o->gdb_port = (int)port;
    return 0;
}

/* The options of -d make sense only with it, and not all together. */
static int check_detach(const struct ig_run_opts *o, char *err, size_t errlen)
{
    const char *opt = o->name                              ? "--name"
                      : o->rm                              ? "--rm"
                      : o->restart                         ? "--restart"
                      : o->log_max_size || o->log_max_file ? "--log-opt"
                                                           : NULL;
    if (opt && !o->detach) {
        snprintf(err, errlen, "%s needs -d (a detached instance)", opt);
        return -1;
    }
    if (o->detach && o->dry_run) {
        snprintf(err, errlen, "-d and --dry-run exclude each other");
        return -1;
    }
    if (o->detach && o->tty) {
        snprintf(err, errlen,
                 "-d and -t exclude each other (the terminal is the one "
                 "ingot run is started from)");
        return -1;
    }
    if (o->detach && o->gdb_port) {
        snprintf(err, errlen,
                 "-d and --gdb exclude each other (gdb needs "
                 "the guest in the foreground)");
        return -1;
    }
    if (o->rm && o->restart) {
        snprintf(err, errlen, "--rm and --restart exclude each other");
        return -1;
    }
    return 0;
}

/* Options that take a value, as "-m 64M", "-m64M", "--accel=kvm" or
 * "--accel kvm". */
static const char *const valued[] = {"-m",
                                     "--memory",
                                     "--accel",
                                     "--machine",
                                     "-e",
                                     "--env",
                                     "-p",
                                     "--publish",
                                     "-v",
                                     "--volume",
                                     "--rootfs",
                                     "--net",
                                     "--platform",
                                     "--ip",
                                     "--gw",
                                     "--dns",
                                     "--stop-timeout",
                                     "--mac",
                                     "--core",
                                     "--name",
                                     "--restart",
                                     "--log-opt",
                                     "--hostname",
                                     "--workdir",
                                     "-w",
                                     "--user",
                                     "-u"};

int ig_run_parse_args(struct ig_run_opts *o, int argc, char **argv, char *err,
                      size_t errlen)
{
    memset(o, 0, sizeof(*o));
    o->mem = IG_RUN_MEM_DEFAULT;
    o->machine = "microvm";
    o->stop_timeout = IG_RUN_STOP_TIMEOUT_DEFAULT;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            o->args = argv + i + 1;
            o->nargs = argc - i - 1;
            break;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            o->help = 1;
            return 0;
        }
        if (strcmp(a, "--dry-run") == 0) {
            o->dry_run = 1;
            continue;
        }
        if (strcmp(a, "--gdb") == 0 || strncmp(a, "--gdb=", 6) == 0) {
            if (parse_gdb_port(o, a, err, errlen) < 0)
                return -1;
            continue;
        }
        if (strcmp(a, "-d") == 0 || strcmp(a, "--detach") == 0) {
            o->detach = 1;
            continue;
        }
        if (strcmp(a, "--rm") == 0) {
            o->rm = 1;
            continue;
        }
        /* Standard input is always the guest's (docs/platforms.md), so
         * -i has nothing to add; -t gives the guest the terminal on
         * standard input (run_tty.c). */
        if (strcmp(a, "-i") == 0 || strcmp(a, "--interactive") == 0)
            continue;
        if (strcmp(a, "-t") == 0 || strcmp(a, "--tty") == 0 ||
            strcmp(a, "-it") == 0 || strcmp(a, "-ti") == 0) {
            o->tty = 1;
            continue;
        }
        if (a[0] != '-' || a[1] == '\0') {
            if (o->image) {
                snprintf(err, errlen,
                         "%s: unexpected argument (put the app's arguments "
                         "after --)",
                         a);
                return -1;
            }
            o->image = a;
            continue;
        }
        size_t k, n = 0;
        const char *v = NULL;
        for (k = 0; k < sizeof(valued) / sizeof(valued[0]); k++) {
            n = strlen(valued[k]);
            if (strncmp(a, valued[k], n) == 0)
                break;
        }
        if (k == sizeof(valued) / sizeof(valued[0])) {
            snprintf(err, errlen, "%s: unknown option", a);
            return -1;
        }
        if (a[n] == '\0') {
            if (i + 1 >= argc) {
                snprintf(err, errlen, "%s: missing value", a);
                return -1;
            }
            v = argv[++i];
        } else if (a[n] == '=' && a[1] == '-') {
            v = a + n + 1;
        } else if (a[1] != '-') {
            v = a + n; /* -m64M, -eNAME=VALUE */
        } else {
            snprintf(err, errlen, "%s: unknown option", a);
            return -1;
        }
        const char *opt = valued[k];
        if (strcmp(opt, "--env") == 0)
            opt = "-e";
        else if (strcmp(opt, "--publish") == 0)
            opt = "-p";
        else if (strcmp(opt, "--volume") == 0)
            opt = "-v";
        else if (strcmp(opt, "--workdir") == 0)
            opt = "-w";
        else if (strcmp(opt, "--user") == 0)
            opt = "-u";
        if (set_value(o, opt, v, err, errlen) < 0)
            return -1;
    }
    if (!o->image) {
        snprintf(err, errlen, "missing IMAGE (see ingot run --help)");
        return -1;
    }
    if (check_detach(o, err, errlen) < 0)
        return -1;
    if (o->net == IG_RUN_NET_DEFAULT)
        o->net = o->nports ? IG_RUN_NET_USER : IG_RUN_NET_NONE;
    if ((o->net_ip || o->net_gw || o->net_dns || o->net_mac) &&
        o->net == IG_RUN_NET_NONE) {
        snprintf(err, errlen, "%s needs a network (--net or -p)",
                 o->net_ip    ? "--ip"
                 : o->net_gw  ? "--gw"
                 : o->net_dns ? "--dns"
                              : "--mac");
        return -1;
    }
    if (o->nports && o->net != IG_RUN_NET_USER) {
        snprintf(err, errlen,
                 "-p needs --net user (a tap device is reached directly)");
        return -1;
    }
    return 0;
}

void ig_run_opts_free(struct ig_run_opts *o)
{
    ig_strvec_free(&o->env);
    ig_strvec_free(&o->owned);
}
