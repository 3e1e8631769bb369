/*
 * fpmath: IEEE arithmetic on special values (printed as raw bits so NaN
 * payloads and signs count), rounding modes, FP exception flags, float/double
 * conversions, libm functions, and long double (binary128, soft-float).
 */
#define _GNU_SOURCE
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t dbits(double d)
{
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}
static uint32_t fbits(float f)
{
    uint32_t b;
    memcpy(&b, &f, sizeof b);
    return b;
}
static double from_bits(uint64_t b)
{
    double d;
    memcpy(&d, &b, sizeof d);
    return d;
}

static void show_flags(const char *what)
{
    int f = fetestexcept(FE_ALL_EXCEPT);
    printf("%-28s flags:%s%s%s%s%s%s\n", what, f & FE_INVALID ? " INVALID" : "", f & FE_DIVBYZERO ? " DIVBYZERO" : "",
           f & FE_OVERFLOW ? " OVERFLOW" : "", f & FE_UNDERFLOW ? " UNDERFLOW" : "", f & FE_INEXACT ? " INEXACT" : "",
           f ? "" : " none");
}

int main(void)
{
    volatile double vals[] = {0.0, -0.0, 1.0, -1.0, 0.5, 3.0, 1e308, -1e308, 5e-324, 2.2250738585072014e-308,
                              INFINITY, -INFINITY, NAN, from_bits(0x7ff4000000000001ULL) /* sNaN */,
                              from_bits(0xfff8000000000abcULL) /* negative qNaN with payload */};
    const int nv = (int)(sizeof vals / sizeof vals[0]);

    printf("== binary operations (result bits)\n");
    for (int i = 0; i < nv; i++) {
        for (int j = 0; j < nv; j++) {
            double a = vals[i], b = vals[j];
            printf("%016llx %016llx: + %016llx - %016llx * %016llx / %016llx\n", (unsigned long long)dbits(a),
                   (unsigned long long)dbits(b), (unsigned long long)dbits(a + b), (unsigned long long)dbits(a - b),
                   (unsigned long long)dbits(a * b), (unsigned long long)dbits(a / b));
        }
    }

    printf("== unary and fused operations\n");
    for (int i = 0; i < nv; i++) {
        double a = vals[i];
        printf("%016llx: sqrt %016llx neg %016llx abs %016llx fma(a,a,-1) %016llx fmin(a,1) %016llx fmax(a,-1) %016llx\n",
               (unsigned long long)dbits(a), (unsigned long long)dbits(sqrt(a)), (unsigned long long)dbits(-a),
               (unsigned long long)dbits(fabs(a)), (unsigned long long)dbits(fma(a, a, -1.0)),
               (unsigned long long)dbits(fmin(a, 1.0)), (unsigned long long)dbits(fmax(a, -1.0)));
        float f = (float)a;
        printf("  to float %08x back %016llx floatsqrt %08x\n", fbits(f), (unsigned long long)dbits((double)f),
               fbits(sqrtf(f)));
    }

    printf("== comparisons\n");
    for (int i = 0; i < nv; i += 2) {
        for (int j = 1; j < nv; j += 2) {
            double a = vals[i], b = vals[j];
            printf("%g vs %g: < %d <= %d == %d != %d > %d >= %d unordered %d\n", a, b, a < b, a <= b, a == b, a != b,
                   a > b, a >= b, isunordered(a, b));
        }
    }

    printf("== rounding modes\n");
    static const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
    static const char *const mname[] = {"nearest", "upward", "downward", "towardzero"};
    volatile double rv[] = {0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999999, 1e16 + 1, -3.7, 0.1};
    for (int m = 0; m < 4; m++) {
        fesetround(modes[m]);
        printf("%s (fegetround ok=%d):\n", mname[m], fegetround() == modes[m]);
        for (unsigned k = 0; k < sizeof rv / sizeof rv[0]; k++) {
            double x = rv[k];
            printf("  %.17g: rint %g nearbyint %g lrint %ld floor %g ceil %g trunc %g round %g\n", x, rint(x),
                   nearbyint(x), lrint(x), floor(x), ceil(x), trunc(x), round(x));
        }
        volatile double one = 1.0, three = 3.0, big = 1e308, tiny = 5e-324;
        printf("  1/3=%a -1/3=%a big*10=%a tiny/2=%a 1+2^-60=%a (float)1/3=%a\n", one / three, -one / three,
               big * 10.0, tiny / 2.0, one + 0x1p-60, (double)(float)(one / three));
        volatile long double lone = 1.0L, lthree = 3.0L;
        printf("  long double 1/3=%La 2/3=%La\n", lone / lthree, (lone + lone) / lthree);
    }
    fesetround(FE_TONEAREST);

    printf("== exception flags\n");
    volatile double z = 0.0, o = 1.0, h = 1e308, t = 1e-308;
    feclearexcept(FE_ALL_EXCEPT);
    show_flags("after clear");
    volatile double r = o / z;
    show_flags("1/0");
    feclearexcept(FE_ALL_EXCEPT);
    r = z / z;
    show_flags("0/0");
    feclearexcept(FE_ALL_EXCEPT);
    r = h * 10;
    show_flags("1e308*10");
    feclearexcept(FE_ALL_EXCEPT);
    r = t / 1e10;
    show_flags("1e-308/1e10");
    feclearexcept(FE_ALL_EXCEPT);
    r = o / 3;
    show_flags("1/3");
    feclearexcept(FE_ALL_EXCEPT);
    r = sqrt(-o);
    show_flags("sqrt(-1)");
    feclearexcept(FE_ALL_EXCEPT);
    r = o + 1;
    show_flags("1+1");
    feclearexcept(FE_ALL_EXCEPT);
    volatile float ff = 1e30f;
    ff = ff * ff;
    show_flags("float 1e30*1e30");
    feclearexcept(FE_ALL_EXCEPT);
    volatile double onehalf = 1.5;
    volatile long lv = (long)onehalf;
    show_flags("(long)1.5");
    (void)r;
    (void)lv;
    feclearexcept(FE_ALL_EXCEPT);

    printf("== conversions\n");
    volatile double cv[] = {0.0, -0.0, 0.9999, -0.9999, 1.5, -1.5, 2147483647.0, -2147483648.0, 4294967295.0,
                            9007199254740993.0, 9.2233720368547748e18, -9.2233720368547758e18, 1.8446744073709550e19,
                            123456.789};
    for (unsigned i = 0; i < sizeof cv / sizeof cv[0]; i++) {
        double x = cv[i];
        long long ll = (x > -9.3e18 && x < 9.3e18) ? (long long)x : 0;
        unsigned long long ull = (x >= 0 && x < 1.8446744073709552e19) ? (unsigned long long)x : 0;
        int iv = (x > -2147483649.0 && x < 2147483648.0) ? (int)x : 0;
        unsigned uv = (x >= 0 && x < 4294967296.0) ? (unsigned)x : 0;
        printf("%.17g -> ll %lld ull %llu int %d uint %u float %a\n", x, ll, ull, iv, uv, (double)(float)x);
    }
    volatile long long li[] = {0, 1, -1, 9007199254740993LL, -9007199254740993LL, INT64_MAX, INT64_MIN};
    for (unsigned i = 0; i < sizeof li / sizeof li[0]; i++) {
        long long x = li[i];
        printf("%lld -> double %a float %a; unsigned %llu -> double %a\n", x, (double)x, (double)(float)x,
               (unsigned long long)x, (double)(unsigned long long)x);
    }

    printf("== libm\n");
    for (int i = -8; i <= 8; i++) {
        double x = i * 0.7 + 0.05;
        printf("x=%g sin %a cos %a tan %a exp %a log|x| %a atan %a sinh %a cbrt %a erf %a\n", x, sin(x), cos(x), tan(x),
               exp(x), log(fabs(x)), atan(x), sinh(x), cbrt(x), erf(x));
        printf("   pow(x,2.5)=%a pow(1.1,x)=%a atan2(x,0.3)=%a hypot(x,4)=%a expm1 %a log1p|x| %a tgamma %a lgamma %a\n",
               pow(x, 2.5), pow(1.1, x), atan2(x, 0.3), hypot(x, 4.0), expm1(x), log1p(fabs(x)), tgamma(x), lgamma(x));
        float xf = (float)x;
        printf("   float: sinf %a expf %a logf|x| %a powf %a\n", (double)sinf(xf), (double)expf(xf),
               (double)logf(fabsf(xf)), (double)powf(xf, 1.5f));
    }
    printf("frexp/ldexp/modf/fmod/remainder:\n");
    for (int i = 0; i < 6; i++) {
        double x = (i + 1) * 123.456 * (i & 1 ? -1 : 1);
        int e;
        double ip;
        double m = frexp(x, &e);
        double fr = modf(x, &ip);
        printf("  %g: frexp %a,%d ldexp(x,-5) %a modf %a,%a fmod(x,7) %a remainder(x,7) %a nextafter %a\n", x, m, e,
               ldexp(x, -5), fr, ip, fmod(x, 7), remainder(x, 7), nextafter(x, 0));
    }

    printf("== long double\n");
    volatile long double la = 1.0L / 3.0L, lb = 1e-4000L, lc = 2.0L;
    printf("1/3+1/3 %La, 1/3*3 %La, sqrtl(2) %La, 1e-4000*1e-4000 %La, (double)(1/3) %a, ldexp %La\n", la + la,
           la * 3, sqrtl(lc), lb * lb, (double)la, ldexpl(la, 1000));
    printf("1/3 > 0.333: %d, (long long)(1e18L+0.5) = %lld, (long double)UINT64_MAX = %La\n", la > 0.333L,
           (long long)(1e18L + 0.5L), (long double)UINT64_MAX);

    /* checksum over a long run of mixed operations */
    uint64_t acc = 0;
    double x = 0.1;
    float xf = 0.1f;
    for (int i = 0; i < 20000; i++) {
        x = fma(x, 1.0000001, 1e-3) / (1.0 + (i & 7));
        x = sqrt(x * x + 1.0) - 0.5;
        xf = xf * 1.001f + (float)x;
        if (xf > 1e6f)
            xf = 0.25f;
        acc = acc * 31 + dbits(x) + fbits(xf);
    }
    printf("mixed checksum %016llx x=%a xf=%a\n", (unsigned long long)acc, x, (double)xf);
    return 0;
}
