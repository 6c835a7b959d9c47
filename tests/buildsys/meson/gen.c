/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* gen.c: Meson runs this image during the build to write table.h. */
#include <stdio.h>

int main(void)
{
    printf("static const int cubes[] = {");
    for (int i = 0; i < 10; i++)
        printf("%s%d", i ? ", " : "", i * i * i);
    printf("};\n");
    return 0;
}
