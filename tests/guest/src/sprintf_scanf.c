/* sprintf_scanf: snprintf truncation, sprintf/sscanf round trips. */
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    char buf[256];
    int n;

    /* snprintf truncation and return values */
    for (volatile size_t cap = 0; cap <= 12; cap += 3) {
        memset(buf, '#', sizeof buf);
        n = snprintf(cap ? buf : NULL, cap, "%s-%d", "truncated", 12345);
        printf("snprintf cap=%zu -> %d \"%s\" byte after=%c\n", cap, n, cap ? buf : "(null)",
               cap ? buf[cap] : '-');
    }
    n = sprintf(buf, "%5s|%-5s|%05d|%x|%c", "ab", "cd", -42, 255u, 'Z');
    printf("sprintf -> %d \"%s\"\n", n, buf);

    /* integer round trips */
    static const long long ints[] = {0, 1, -1, 42, -42, 2147483647LL, -2147483648LL, 4294967296LL,
                                     9223372036854775807LL, -9223372036854775807LL - 1};
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        long long back = 0;
        unsigned long long hx = 0;
        int consumed = 0;
        snprintf(buf, sizeof buf, "%lld 0x%llx", ints[i], (unsigned long long)ints[i]);
        int got = sscanf(buf, "%lld %llx%n", &back, &hx, &consumed);
        printf("int \"%s\": got=%d back=%lld hex=%llx consumed=%d ok=%d\n", buf, got, back, hx, consumed,
               back == ints[i] && hx == (unsigned long long)ints[i]);
    }

    /* double round trips with %a and %.17g */
    static const double dbl[] = {0.0, -0.0, 1.0, 0.1, -2.5e-310, 1.7976931348623157e308, 3.141592653589793,
                                 1e22, 1e23, 5e-324, 123456.789e-20};
    for (size_t i = 0; i < sizeof dbl / sizeof dbl[0]; i++) {
        double a = 0, g = 0;
        snprintf(buf, sizeof buf, "%a %.17g", dbl[i], dbl[i]);
        int got = sscanf(buf, "%la %lf", &a, &g);
        printf("double \"%s\": got=%d same=%d,%d\n", buf, got, memcmp(&a, &dbl[i], 8) == 0,
               memcmp(&g, &dbl[i], 8) == 0);
    }
    float fl = 0;
    sscanf("3.4028234e38", "%f", &fl);
    printf("float: %a\n", (double)fl);

    /* scanf features: widths, sets, assignment suppression, %n, %c, literal matching */
    char w1[16], w2[16], set[16];
    int a, b, c, pos = -1;
    char ch;
    n = sscanf("  hello   world12345 abcxyz!rest", "%15s %5s%d %[a-c]%*[x-z]%c%n", w1, w2, &a, set, &ch, &pos);
    printf("sscanf1 -> %d w1=%s w2=%s a=%d set=%s ch=%c pos=%d\n", n, w1, w2, a, set, ch, pos);
    n = sscanf("2024-01-31T23:59", "%4d-%2d-%2dT", &a, &b, &c);
    printf("sscanf2 -> %d %d %d %d\n", n, a, b, c);
    n = sscanf("10 abc", "%d %d", &a, &b);
    printf("sscanf3 (mismatch) -> %d a=%d\n", n, a);
    n = sscanf("", "%d", &a);
    printf("sscanf4 (empty) -> %d\n", n);
    unsigned u;
    int o, i;
    n = sscanf("0x1F 017 -0x10 777", "%x %o %i %u", &u, &o, &i, &b);
    printf("sscanf5 -> %d %u %d %d %d\n", n, u, o, i, b);
    n = sscanf("ff 0b", "%2hhx %i", (unsigned char *)&ch, &i);
    printf("sscanf6 -> %d %u\n", n, (unsigned char)ch);
    double dd;
    n = sscanf("nan inf -INFINITY 1e-5", "%lf", &dd);
    printf("sscanf7 -> %d isnan=%d\n", n, isnan(dd) != 0);
    int64_t i64;
    uint16_t u16;
    n = sscanf("-9000000000 65535", "%" SCNd64 " %" SCNu16, &i64, &u16);
    printf("sscanf8 -> %d %" PRId64 " %u\n", n, i64, (unsigned)u16);

    /* checksum loop of round trips */
    unsigned long long bad = 0, sum = 0;
    for (int k = -50000; k <= 50000; k += 97) {
        double x = k / 7.0 * pow(10.0, k % 40 - 20);
        snprintf(buf, sizeof buf, "%d;%.17g;%x", k, x, (unsigned)k);
        int kk;
        double xx;
        unsigned ux;
        if (sscanf(buf, "%d;%lf;%x", &kk, &xx, &ux) != 3 || kk != k || xx != x || ux != (unsigned)k)
            bad++;
        sum = sum * 31 + strlen(buf);
    }
    printf("round trip loop: bad=%llu sum=%llu\n", bad, sum);
    return 0;
}
