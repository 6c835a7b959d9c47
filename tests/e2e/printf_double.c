/* SPDX-License-Identifier: Apache-2.0 */
/* Copyright (c) 2026 The Ingot developers */
/* printf_double.c: floating-point formatting and maths, compared natively. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    volatile double third = 1.0 / 3.0;
    double values[] = {0.0,   -0.0,          1.0,  3.14159265358979, 1e-300,
                       1e300, 123456789.125, -2.5, DBL_MAX,          DBL_MIN};

    for (size_t i = 0; i < sizeof(values) / sizeof(values[0]); i++)
        printf("%.3f | %e | %g | %.17g\n", values[i], values[i], values[i],
               values[i]);
    printf("%f %.10f %10.4f|%-10.2f|\n", third, third, third, third);
    printf("sqrt(2)=%.15f exp(1)=%.15f sin(1)=%.15f\n", sqrt(2.0), exp(1.0),
           sin(1.0));
    printf("pow(2,0.5)=%.15g log10(1000)=%g floor(-1.5)=%g\n", pow(2, 0.5),
           log10(1000.0), floor(-1.5));
    printf("strtod(\"6.02214076e23\")=%.9e\n", strtod("6.02214076e23", NULL));
    printf("float %.6f, long double %.6Lf\n", (double)1.1f, (long double)0.1L);
    printf("inf=%f nan=%f\n", INFINITY, fabs(NAN));
    return 0;
}
