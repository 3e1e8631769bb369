/* strtod: decimal/hex string to binary floating point, with errno and end pointers. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const inputs[] = {
    "0", "-0", "1", "0.1", "0.2", "0.3", ".5", "5.", "+12.5abc", "   -7.25e+2xyz",
    "1e23", "8.98846567431158e307", "1.7976931348623157e308", "1.7976931348623158e308",
    "1.7976931348623159e308", "1e309", "-1e400", "2.2250738585072011e-308",
    "2.2250738585072012e-308", "2.2250738585072014e-308", "4.9406564584124654e-324",
    "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-320", "1e-400", "-1e-400",
    "9007199254740992", "9007199254740993", "9007199254740994", "9007199254740995",
    "9007199254740993.0000000000000000000000000000001",
    "1.00000000000000011102230246251565404236316680908203125",
    "1.00000000000000011102230246251565404236316680908203124",
    "1.00000000000000011102230246251565404236316680908203126",
    "123456789012345678901234567890", "3.14159265358979323846264338327950288419716939937510",
    "0.000000000000000000000000000000000000000000000000000000000000000000000001",
    "0x1p0", "0x1.8p1", "0X1.FFFFFFFFFFFFFp1023", "0x1p-1074", "0x1p-1075", "0x1.8p-1074",
    "0x1.0000000000000fp0", "0x1.00000000000008p0", "0x1.00000000000018p0", "-0x.8", "0x",
    "0xg", "inf", "-Infinity", "INFINITY", "infinit", "nan", "-NaN", "nan(123)", "nan(0x7)",
    "nan(", "", "-", "e5", "1e", "1e+", "1e-5x", "00001.25", "1_000", "1,5",
    "7.0e-10", "4.35", "0.1e1000000000000", "1e-1000000000000", "100000000000000000000000",
};

int main(void)
{
    size_t n = sizeof inputs / sizeof inputs[0];
    for (size_t i = 0; i < n; i++) {
        const char *s = inputs[i];
        char *end;

        errno = 0;
        double d = strtod(s, &end);
        int e1 = errno;
        printf("strtod(\"%s\") = %a %.17g end+%td %s\n", s, d, d, end - s,
               e1 == ERANGE ? "ERANGE" : e1 ? "errno?" : "ok");

        errno = 0;
        float f = strtof(s, &end);
        int e2 = errno;
        printf("  strtof = %a %.9g end+%td %s\n", (double)f, (double)f, end - s,
               e2 == ERANGE ? "ERANGE" : e2 ? "errno?" : "ok");

        errno = 0;
        long double ld = strtold(s, &end);
        int e3 = errno;
        printf("  strtold = %La %.36Lg end+%td %s\n", ld, ld, end - s,
               e3 == ERANGE ? "ERANGE" : e3 ? "errno?" : "ok");

        printf("  atof = %.17g\n", atof(s));
        printf("  signbit=%d isnan=%d isinf=%d\n", signbit(d) != 0, isnan(d) != 0, isinf(d) != 0);
    }

    /* float-specific tricky cases */
    static const char *const fl[] = {
        "3.4028235e38", "3.4028236e38", "3.40282357e38", "1.17549435e-38", "1.4e-45",
        "7e-46", "7.1e-46", "16777217", "16777219", "0.1", "1.00000005960464477539062",
        "1.00000005960464477539063",
    };
    for (size_t i = 0; i < sizeof fl / sizeof fl[0]; i++) {
        errno = 0;
        float f = strtof(fl[i], NULL);
        printf("strtof(\"%s\") = %a %.9g %s\n", fl[i], (double)f, (double)f,
               errno == ERANGE ? "ERANGE" : "ok");
    }

    /* round trip: print with %.17g and parse back, many values */
    unsigned long long bad = 0, acc = 0, st = 0x9e3779b97f4a7c15ULL;
    char buf[64];
    for (int i = 0; i < 1500; i++) {
        st ^= st << 13; st ^= st >> 7; st ^= st << 17;
        double v;
        unsigned long long bits = st;
        if ((bits & 0x7ff0000000000000ULL) == 0x7ff0000000000000ULL)
            bits &= ~0x4000000000000000ULL;
        memcpy(&v, &bits, sizeof v);
        snprintf(buf, sizeof buf, "%.17g", v);
        double back = strtod(buf, NULL);
        unsigned long long bb;
        memcpy(&bb, &back, sizeof bb);
        if (bb != bits)
            bad++;
        acc = acc * 1000003 + bb;
    }
    printf("round trip mismatches: %llu checksum %016llx\n", bad, acc);
    return 0;
}
