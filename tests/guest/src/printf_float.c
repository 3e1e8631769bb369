/* printf_float: floating-point conversions of double, float and long double
 * (IEEE binary128 on aarch64, formatted through libgcc's soft-float code). */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static volatile double one = 1.0, three = 3.0, zero = 0.0;

static void show(const char *label, double d)
{
    printf("%-12s %%f=%f %%e=%e %%g=%g %%a=%a\n", label, d, d, d, d);
    printf("%-12s %%.17g=%.17g %%10.3f=[%10.3f] %%-12.4e=[%-12.4e] %%+.3g=%+.3g %%#g=%#g %%.0f=%.0f %%#.0f=%#.0f\n",
           "", d, d, d, d, d, d, d);
    printf("%-12s %%A=%A %%.3a=%.3a %%E=%E %%G=%G %%015.6f=[%015.6f] %% e=[% e]\n",
           "", d, d, d, d, d, d);
}

int main(void)
{
    double third = one / three;
    double tiny_denorm = DBL_TRUE_MIN;
    double denorm2 = DBL_MIN / 3.0;

    show("0", 0.0);
    show("-0", -zero);
    show("1", 1.0);
    show("-1", -1.0);
    show("1/3", third);
    show("-2/3", -2.0 * third);
    show("0.1", 0.1);
    show("0.5", 0.5);
    show("2.5", 2.5);
    show("1e300", 1e300);
    show("1e-300", 1e-300);
    show("DBL_MAX", DBL_MAX);
    show("DBL_MIN", DBL_MIN);
    show("TRUE_MIN", tiny_denorm);
    show("denorm", denorm2);
    show("NaN", NAN);
    show("-NaN", -NAN);
    show("inf", one / zero);
    show("-inf", -one / zero);
    show("pi", 3.14159265358979323846);
    show("e", 2.71828182845904523536);
    show("123456.789", 123456.789);
    show("0.000123", 0.000123);
    show("2^53+1?", 9007199254740993.0);
    show("float 0.1f", (double)0.1f);
    show("float max", (double)FLT_MAX);
    show("float min", (double)FLT_MIN);

    /* Rounding at the formatting step: round-half-even in the binary sense. */
    double halves[] = {0.125, 0.375, 2.675, 1.005, 0.5, 1.5, 2.5, 1e15 + 0.5, 5e-324};
    for (unsigned i = 0; i < sizeof halves / sizeof halves[0]; i++)
        printf("half[%u] %.2f %.0f %.1e %.3g\n", i, halves[i], halves[i], halves[i], halves[i]);

    /* Powers of ten across the whole range. */
    for (int e = -320; e <= 308; e += 11) {
        double p = pow(10.0, e);
        printf("1e%d: %.17g %a %.3e\n", e, p, p, p);
    }
    for (int e = -40; e <= 40; e += 5) {
        char buf[64];
        snprintf(buf, sizeof buf, "%.9g", (double)powf(10.0f, (float)e));
        printf("float 1e%d: %s\n", e, buf);
    }

    /* Exhaustive-ish precision sweep on one value. */
    for (int p = 0; p <= 25; p++)
        printf("prec %2d: %.*f | %.*e | %.*g\n", p, p, third * 100, p, third * 100, p, third * 100);

    /* long double (binary128). */
    long double lthird = 1.0L / 3.0L;
    long double lvals[] = {0.0L, -0.0L, 1.0L, lthird, 1e300L, 1e-300L, 1e4000L, 1e-4000L,
                           LDBL_MAX, LDBL_MIN, LDBL_EPSILON, 3.14159265358979323846264338327950288L,
                           (long double)NAN, (long double)INFINITY, -(long double)INFINITY,
                           123456789012345678901234567890.0L};
    for (unsigned i = 0; i < sizeof lvals / sizeof lvals[0]; i++) {
        long double v = lvals[i];
        if (isnan(v) || isinf(v) || (v > -1e301L && v < 1e301L)) /* skip 4000-digit expansions: slow */
            printf("ld[%2u] %%Lf=%.20Lf\n", i, v);
        else
            printf("ld[%2u] %%.3Le=%.3Le\n", i, v);
        printf("ld[%2u] %%Lg=%Lg %%.36Lg=%.36Lg %%La=%La %%Le=%.25Le\n", i, v, v, v, v);
    }
    printf("LDBL_MANT_DIG=%d LDBL_MAX_EXP=%d sizeof(long double)=%zu\n",
           LDBL_MANT_DIG, LDBL_MAX_EXP, sizeof(long double));

    /* checksum over many formatted values */
    unsigned long long acc = 1469598103934665603ULL;
    char buf[512];
    double x = 1.0;
    for (int i = 0; i < 600; i++) {
        x = x * 1.0137 + 0.37 / (i + 1);
        if (x > 1e200)
            x = x * 1e-250;
        int len = snprintf(buf, sizeof buf, "%.15e %g %a %.3f", x, -x / 7, x, x / 1e6);
        for (int j = 0; j < len; j++)
            acc = (acc ^ (unsigned char)buf[j]) * 1099511628211ULL;
    }
    printf("format checksum: %016llx\n", acc);
    return 0;
}
