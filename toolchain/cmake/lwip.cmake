# SPDX-License-Identifier: Apache-2.0
# lwip.cmake: unpack lwIP from Debian's lwip source package, pinned by
# SHA-256, into the build tree, and list the files libos/net compiles.
set(INGOT_LWIP_TARBALL
    "/var/cache/ingot/src/lwip_2.1.3+dfsg1.orig.tar.xz" CACHE FILEPATH
    "lwIP source tarball (apt-get source --download-only lwip)")
# Pinned: Debian 12 lwip 2.1.3+dfsg1-2, the .orig tarball.  Debian's
# patches touch only the sockets/netconn API, PPP and the Unix port, none
# of which Ingot builds, so they are not applied.
set(INGOT_LWIP_SHA256
    "0a8276d09fc4e97bbba2f953d74af2388fc2195ea156be9d7589e297a68fde24")

if(NOT EXISTS "${INGOT_LWIP_TARBALL}")
  message(FATAL_ERROR "lwIP tarball not found: ${INGOT_LWIP_TARBALL}: "
          "run scripts/deps.sh (apt-get source lwip) or pass "
          "-DINGOT_LWIP_TARBALL=/path/to/lwip_2.1.3+dfsg1.orig.tar.xz")
endif()
file(SHA256 "${INGOT_LWIP_TARBALL}" _lwip_got)
if(NOT _lwip_got STREQUAL INGOT_LWIP_SHA256)
  message(FATAL_ERROR "lwIP tarball ${INGOT_LWIP_TARBALL}: SHA-256 "
          "${_lwip_got} does not match the pinned ${INGOT_LWIP_SHA256}")
endif()

set(_lwip_dir ${CMAKE_BINARY_DIR}/third_party/lwip-${INGOT_LWIP_SHA256})
if(NOT EXISTS ${_lwip_dir}/lwip-2.1.3/src/core/tcp.c)
  file(ARCHIVE_EXTRACT INPUT "${INGOT_LWIP_TARBALL}" DESTINATION ${_lwip_dir})
endif()
set(INGOT_LWIP_DIR ${_lwip_dir}/lwip-2.1.3/src)

# The raw (callback) API over IPv4 and Ethernet, DHCP and DNS: no
# netconn/sockets layer (libos/net has its own), no IPv6, no PPP.
set(INGOT_LWIP_SOURCES)
foreach(f core/def.c core/dns.c core/inet_chksum.c core/init.c core/ip.c
          core/mem.c core/memp.c core/netif.c core/pbuf.c core/raw.c
          core/stats.c core/sys.c core/tcp.c core/tcp_in.c core/tcp_out.c
          core/timeouts.c core/udp.c core/ipv4/dhcp.c core/ipv4/etharp.c
          core/ipv4/icmp.c core/ipv4/ip4.c core/ipv4/ip4_addr.c
          core/ipv4/ip4_frag.c netif/ethernet.c)
  list(APPEND INGOT_LWIP_SOURCES ${INGOT_LWIP_DIR}/${f})
endforeach()
