# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 The Ingot developers
# recipe.sh: Lua 5.4 by its own Makefile (sourced by apps/catalog/build.sh;
# the options and their reasons are in apps/lua/README).
recipe_programs="src/lua src/luac"
recipe_build() {
    # `linux`: Lua's Linux target (LUA_USE_LINUX: POSIX io/os, dlopen for
    # C modules, which fails visibly on Ingot); Lua's CC carries -std=gnu99,
    # kept when the compiler is replaced.
    make -j"$jobs" linux CC="$cc -std=gnu99"
}
