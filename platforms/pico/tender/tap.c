/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* tap.c: open the tap device the guest sends and receives frames on. */
#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <unistd.h>

#include "tender.h"

int ig_tender_tap_open(const char *name, int target_fd,
                       struct ig_pico_boot *boot, char *err, size_t errlen)
{
    struct ifreq ifr;
    int fd, s;

    if (strlen(name) >= IFNAMSIZ) {
        snprintf(err, errlen, "interface names have at most %d characters",
                 IFNAMSIZ - 1);
        return -1;
    }
    fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "/dev/net/tun: %s", strerror(errno));
        return -1;
    }
    memset(&ifr, 0, sizeof(ifr));
    ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
    memcpy(ifr.ifr_name, name, strlen(name));
    if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
        snprintf(err, errlen, "%s",
                 errno == EPERM    ? "not allowed to attach (not its owner "
                                     "and no CAP_NET_ADMIN)"
                 : errno == EBUSY  ? "busy: another process has it open"
                 : errno == EINVAL ? "exists but is not a tap device"
                                   : strerror(errno));
        close(fd);
        return -1;
    }
    /* The MTU is the interface's; asking costs a throwaway socket. */
    boot->tap_mtu = 1500;
    s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (s >= 0) {
        if (ioctl(s, SIOCGIFMTU, &ifr) == 0 && ifr.ifr_mtu >= 576 &&
            ifr.ifr_mtu <= 65535)
            boot->tap_mtu = (uint16_t)ifr.ifr_mtu;
        close(s);
    }
    /* A fresh locally administered unicast address for every run. */
    if (getrandom(boot->tap_mac, sizeof(boot->tap_mac), 0) !=
        (ssize_t)sizeof(boot->tap_mac)) {
        snprintf(err, errlen, "getrandom: %s", strerror(errno));
        close(fd);
        return -1;
    }
    boot->tap_mac[0] = (uint8_t)((boot->tap_mac[0] & 0xfe) | 0x02);
    /* A fixed number, so the rest can be closed in one call. */
    if (fd != target_fd) {
        if (dup2(fd, target_fd) < 0) {
            snprintf(err, errlen, "dup2: %s", strerror(errno));
            close(fd);
            return -1;
        }
        close(fd);
    }
    boot->tap_fd = target_fd;
    return 0;
}

int ig_tender_tap_allow(scmp_filter_ctx ctx, int fd)
{
    /* Waiting for a frame is the base rules' ppoll (confine.c). */
    const struct ig_tender_rule rules[] = {
        {"read(tap)", SCMP_SYS(read), 1, {IG_TENDER_ARG_EQ(0, fd)}},
        {"write(tap)", SCMP_SYS(write), 1, {IG_TENDER_ARG_EQ(0, fd)}},
    };
    return ig_tender_allow(ctx, rules, sizeof(rules) / sizeof(rules[0]));
}
