/* printf_int: integer conversions of every width with every flag. */
#include <inttypes.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

static const long long values[] = {
    0, 1, -1, 7, -7, 42, 255, 256, -128, -129, 32767, -32768, 65535, 65536,
    123456789, -123456789, INT_MAX, INT_MIN, UINT_MAX, 0x100000000LL,
    9876543210LL, -9876543210LL, INT64_MAX, INT64_MIN, 0x0123456789abcdefLL,
};

int main(void)
{
    size_t n = sizeof values / sizeof values[0];

    for (size_t i = 0; i < n; i++) {
        long long v = values[i];
        int iv = (int)v;
        unsigned uv = (unsigned)v;
        printf("[%zu] %%d=%d %%i=%i %%u=%u %%x=%x %%X=%X %%o=%o\n",
               i, iv, iv, uv, uv, uv, uv);
        printf("[%zu] %%ld=%ld %%lu=%lu %%lx=%lx %%lld=%lld %%llu=%llu %%llo=%llo\n",
               i, (long)v, (unsigned long)v, (unsigned long)v, v,
               (unsigned long long)v, (unsigned long long)v);
        printf("[%zu] %%hhd=%hhd %%hhu=%hhu %%hhx=%hhx %%hd=%hd %%hu=%hu %%hx=%hx\n",
               i, (signed char)v, (unsigned char)v, (unsigned char)v,
               (short)v, (unsigned short)v, (unsigned short)v);
        printf("[%zu] %%zu=%zu %%zd=%zd %%jd=%jd %%ju=%ju %%td=%td\n",
               i, (size_t)v, (ssize_t)v, (intmax_t)v, (uintmax_t)v,
               (ptrdiff_t)v);
        printf("[%zu] |%+d|% d|%-8d|%08d|%8d|%-+8d|%+08d|% 08d|\n",
               i, iv, iv, iv, iv, iv, iv, iv, iv);
        printf("[%zu] |%#x|%#X|%#o|%#8x|%#-10x|%#010x|%.0d|%.5d|%8.5d|%-8.5d|\n",
               i, uv, uv, uv, uv, uv, uv, iv, iv, iv, iv);
        printf("[%zu] |%*d|%-*d|%.*d|%*.*lld|\n",
               i, 12, iv, 12, iv, 7, iv, 25, 20, v);
        printf("[%zu] |%#llx|%#llo|%+lld|%030lld|%-30lld|\n",
               i, (unsigned long long)v, (unsigned long long)v, v, v, v);
    }

    printf("INT_MIN=%d INT_MAX=%d UINT_MAX=%u\n", INT_MIN, INT_MAX, UINT_MAX);
    printf("INT64_MIN=%" PRId64 " INT64_MAX=%" PRId64 " UINT64_MAX=%" PRIu64 "\n",
           INT64_MIN, INT64_MAX, UINT64_MAX);
    printf("UINT64_MAX hex=%" PRIx64 " HEX=%#" PRIX64 " oct=%" PRIo64 "\n",
           UINT64_MAX, UINT64_MAX, UINT64_MAX);
    printf("SCHAR_MIN=%hhd UCHAR_MAX=%hhu SHRT_MIN=%hd USHRT_MAX=%hu\n",
           (signed char)SCHAR_MIN, (unsigned char)UCHAR_MAX,
           (short)SHRT_MIN, (unsigned short)USHRT_MAX);
    printf("%%p of NULL=%p |%10p|%-10p|\n", (void *)0, (void *)0, (void *)0);
    printf("%%p of 0x1000=%p %%p of 0xdeadbeef=%p\n", (void *)0x1000,
           (void *)(uintptr_t)0xdeadbeefu);
    printf("%%c: [%c][%3c][%-3c] %%%%: [%%] %%s: [%s][%8s][%-8s][%.2s][%8.3s]\n",
           'A', 'b', 'c', "str", "right", "left", "truncate", "precise");
    printf("zero precision zero value: [%.0d][%.0x][%#.0o][%#.0x]\n", 0, 0u, 0u, 0u);

    int count = 0;
    printf("count%n: ", &count);
    printf("%d\n", count);
    int r = printf("%s %d %x\n", "return value", 12345, 0xabcu);
    printf("printf returned %d\n", r);

    /* Positional arguments (POSIX extension). */
    printf("%2$s %1$s %2$s %3$d\n", "world", "hello", 7);

    unsigned long long acc = 0;
    char buf[64];
    for (long long v = -100000; v <= 100000; v += 37) {
        int len = snprintf(buf, sizeof buf, "%lld|%llx", v * 1000003LL, (unsigned long long)v);
        for (int j = 0; j < len; j++)
            acc = acc * 131 + (unsigned char)buf[j];
    }
    printf("snprintf checksum: %016llx\n", acc);
    return 0;
}
