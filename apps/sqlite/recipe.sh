# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# recipe.sh: SQLite 3.40 by its own configure and Makefile (sourced by
# apps/catalog/build.sh; the options and their reasons are in
# apps/sqlite/README).
recipe_programs="sqlite3 speedtest1"
recipe_build() {
    ./configure CC="$cc" CFLAGS=-O2 --disable-shared --disable-tcl \
        --disable-readline
    make -j"$jobs" sqlite3 speedtest1
}
