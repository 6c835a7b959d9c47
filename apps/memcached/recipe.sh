# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# recipe.sh: memcached 1.6 on libevent 2.1, each by its own configure and
# make (sourced by apps/catalog/build.sh; the options and their reasons
# are in apps/memcached/README).
recipe_sources="libevent"
recipe_programs="memcached"
recipe_build() {
    # libevent: a static library installed into $deps/prefix.
    # --disable-shared: images link statically; --disable-openssl: no
    # OpenSSL is built for Ingot; --disable-samples and
    # --disable-libevent-regress: programs the catalog does not run.
    (cd "$deps/libevent" &&
        ./configure CC="$cc" --prefix="$deps/prefix" --disable-shared \
            --disable-openssl --disable-samples --disable-libevent-regress &&
        make -j"$jobs" && make install) &&
        ./configure CC="$cc" --with-libevent="$deps/prefix" &&
        make -j"$jobs" memcached
}
