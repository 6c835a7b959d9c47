/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* net_csum.h: Internet checksums for virtio-net offload, pure functions. */
#ifndef INGOT_KVM_NET_CSUM_H
#define INGOT_KVM_NET_CSUM_H

#include <stddef.h>
#include <stdint.h>

/* Where a frame's TCP or UDP checksum is: the transport header starts at
 * byte (start) of the frame and the checksum field at (start + offset). */
struct ig_csum_place {
    uint16_t start, offset;
};

/* Adds (len) bytes at (p) to the one's-complement sum (sum), bytes taken
 * as big-endian 16-bit words starting at an even offset.  Returns the
 * unfolded sum. */
uint32_t ig_csum_add(uint32_t sum, const uint8_t *p, size_t len);

/* Folds (sum) to 16 bits (not complemented). */
uint16_t ig_csum_fold(uint32_t sum);

/* Prepares the Ethernet frame (f) of (len) bytes for checksum offload: for
 * unfragmented TCP or UDP over IPv4, or over IPv6 without extension
 * headers, stores the folded pseudo-header sum in the checksum field (big
 * endian, as the device expects) and where it is in (*pl).  Returns 1, or
 * 0 (frame unchanged) for anything else or a frame too short for what its
 * headers claim. */
int ig_csum_offload_prepare(uint8_t *f, size_t len, struct ig_csum_place *pl);

/* Completes a partial checksum as a device leaves it (VIRTIO_NET_HDR_F_
 * NEEDS_CSUM): sums (f)[start..len) and stores the complement at
 * (start + offset).  Returns 0, or -1 when the place is outside the frame. */
int ig_csum_complete(uint8_t *f, size_t len, unsigned start, unsigned offset);

#endif /* INGOT_KVM_NET_CSUM_H */
