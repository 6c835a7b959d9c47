# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# recipe.sh: zlib 1.2.13 by its own configure and Makefile (sourced by
# apps/catalog/build.sh; the options and their reasons are in
# apps/zlib/README).
recipe_programs="minigzip example"
recipe_build() {
    # With ingot-cc, configure finds -shared refused and settles on the
    # static library by itself; natively --static asks for the same.
    if [ "$plat" = native ]; then
        CC="$cc" ./configure --static
    else
        CC="$cc" ./configure
    fi
    make -j"$jobs"
}
