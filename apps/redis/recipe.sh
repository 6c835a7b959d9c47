# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# recipe.sh: redis 7.0 by its own Makefile (sourced by apps/catalog/build.sh;
# the options and their reasons are in apps/redis/README).
recipe_programs="src/redis-server src/redis-cli src/redis-benchmark"
recipe_build() {
    # MALLOC=libc: the allocator is the C library's (jemalloc's build
    # needs its own configure and OS hooks); BUILD_TLS=no: no OpenSSL
    # for Ingot; USE_SYSTEMD=no: there is no systemd to notify.
    # The tree is unpacked inside the build tree: git must not take the
    # Ingot checkout around it for redis's own (src/mkreleasehdr.sh puts
    # its commit into INFO's redis_git_sha1).
    GIT_CEILING_DIRECTORIES=$(cd .. && pwd) \
        make -j"$jobs" CC="$cc" MALLOC=libc BUILD_TLS=no USE_SYSTEMD=no
}
