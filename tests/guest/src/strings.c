/*
 * strings: glibc's string/memory functions (which take SIMD code paths that
 * depend on size and alignment) against simple byte-loop references.
 *
 * Every size 0..300 is combined with every alignment 0..15 of each pointer.
 * For two-pointer functions the default run pairs the alignments so that
 * every (src, dst) alignment pair occurs at many sizes; "full" runs the
 * complete size x 16 x 16 cross product (slow).
 * Usage: strings [all|mem|cmp|scan|str] [full]   (default: all groups)
 * Any mismatch prints a message and exits with status 1.
 */
#define _GNU_SOURCE
/* keep the byte-loop references as loops (GCC would turn them into memcpy/memset calls) */
#pragma GCC optimize("no-tree-loop-distribute-patterns")
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define MAXN 300
#define GUARD 32
#define BUFSZ (GUARD + 96 + MAXN + 96 + GUARD + 64)

static unsigned char A[BUFSZ], B[BUFSZ], R[BUFSZ];
static unsigned char P1[BUFSZ], P2[BUFSZ]; /* background patterns */
static int full_mode;
static uint64_t checksum = 0xcbf29ce484222325ULL;
static unsigned long calls;

static void feed(uint64_t v)
{
    checksum = (checksum ^ v) * 0x100000001b3ULL;
    calls++;
}

static void die(const char *fn, size_t n, int a1, int a2, const char *what)
{
    printf("MISMATCH in %s: n=%zu align1=%d align2=%d: %s\n", fn, n, a1, a2, what);
    fflush(stdout);
    exit(1);
}

static unsigned char pat(size_t i, unsigned salt)
{
    /* non-zero pattern with high-bit bytes mixed in */
    unsigned v = (unsigned)(i * 37 + salt * 11 + (i >> 3)) & 0xff;
    return (unsigned char)(v ? v : 0x80);
}

static void fill(unsigned char *buf, unsigned salt)
{
    for (size_t i = 0; i < BUFSZ; i++)
        buf[i] = pat(i, salt);
}

static int sgn(int v) { return (v > 0) - (v < 0); }

/* ---- references ---- */
static void ref_memcpy(unsigned char *d, const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        d[i] = s[i];
}
static void ref_memmove(unsigned char *d, const unsigned char *s, size_t n)
{
    if (d < s)
        for (size_t i = 0; i < n; i++)
            d[i] = s[i];
    else
        for (size_t i = n; i-- > 0;)
            d[i] = s[i];
}
static int ref_memcmp(const unsigned char *a, const unsigned char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}
static size_t ref_strlen(const unsigned char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}
static int ref_strcmp(const unsigned char *a, const unsigned char *b)
{
    for (;; a++, b++) {
        if (*a != *b)
            return *a < *b ? -1 : 1;
        if (!*a)
            return 0;
    }
}
static int ref_strncmp(const unsigned char *a, const unsigned char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
        if (!a[i])
            return 0;
    }
    return 0;
}
static const unsigned char *ref_memchr(const unsigned char *s, int c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == (unsigned char)c)
            return s + i;
    return NULL;
}
static const unsigned char *ref_strchr(const unsigned char *s, int c)
{
    for (;; s++) {
        if (*s == (unsigned char)c)
            return s;
        if (!*s)
            return NULL;
    }
}
static const unsigned char *ref_strrchr(const unsigned char *s, int c)
{
    const unsigned char *last = NULL;
    for (;; s++) {
        if (*s == (unsigned char)c)
            last = s;
        if (!*s)
            return last;
    }
}
static const unsigned char *ref_strstr(const unsigned char *h, const unsigned char *nd)
{
    size_t m = ref_strlen(nd);
    for (; ; h++) {
        size_t i = 0;
        while (i < m && h[i] == nd[i])
            i++;
        if (i == m)
            return h;
        if (!*h)
            return NULL;
    }
}

/* compare the window [lo, hi) of X against R */
static void expect_same(const unsigned char *X, size_t lo, size_t hi, const char *fn, size_t n, int a1, int a2)
{
    if (hi > BUFSZ)
        hi = BUFSZ;
    for (size_t i = lo; i < hi; i++)
        if (X[i] != R[i])
            die(fn, n, a1, a2, "memory contents differ");
}

/* choose the second alignment for a (n, a1) pair */
static int second_align(size_t n, int a1, int k)
{
    return full_mode ? k : (int)((a1 + n) & 15);
}

static void set_window(size_t lo, size_t hi, const unsigned char *pat_src)
{
    for (size_t i = lo; i < hi; i++)
        B[i] = R[i] = pat_src[i];
}

static void test_memcpy_memmove(void)
{
    fill(A, 1);
    for (size_t n = 0; n <= MAXN; n++)
        for (int sa = 0; sa < 16; sa++)
            for (int k = 0; k < (full_mode ? 16 : 1); k++) {
                int da = second_align(n, sa, k);
                size_t so = GUARD + sa, dof = GUARD + da;
                size_t lo = dof - 16, hi = dof + n + 16;
                set_window(lo, hi, P1);
                if (memcpy(B + dof, A + so, n) != B + dof)
                    die("memcpy", n, sa, da, "wrong return value");
                ref_memcpy(R + dof, A + so, n);
                expect_same(B, lo, hi, "memcpy", n, sa, da);
                set_window(lo, hi, P2);
                if (memmove(B + dof, A + so, n) != B + dof)
                    die("memmove", n, sa, da, "wrong return value");
                ref_memmove(R + dof, A + so, n);
                expect_same(B, lo, hi, "memmove", n, sa, da);
                feed(n * 256 + (size_t)sa * 16 + (size_t)da);
            }
    printf("memcpy/memmove: ok\n");

    /* overlapping memmove in both directions; each size gets five distances */
    static const int dists[] = {-64, -33, -17, -16, -15, -9, -8, -7, -4, -1, 0,
                                1, 4, 7, 8, 9, 15, 16, 17, 33, 64};
    const int ndist = (int)(sizeof dists / sizeof dists[0]);
    for (size_t n = 0; n <= MAXN; n++)
        for (int j = 0; j < ndist; j++) {
            if (!full_mode && (j + (int)n) % 4 != 0)
                continue;
            int dist = dists[j];
            size_t base = GUARD + 64 + (n & 15);
            size_t lo = base - 80, hi = base + n + 80;
            set_window(lo, hi, P1);
            memmove(B + base + dist, B + base, n);
            ref_memmove(R + base + dist, R + base, n);
            expect_same(B, lo, hi, "memmove(overlap)", n, dist, 0);
            feed(B[base + n / 2]);
        }
    printf("memmove overlap: ok\n");
}

static void test_memset(void)
{
    static const int vals[] = {0, 0xff, 0x80, 0x5a, 0x101};
    for (size_t n = 0; n <= MAXN; n++)
        for (int da = 0; da < 16; da++)
            for (int v = 0; v < 5; v++) {
                if (!full_mode && v != (int)(n + da) % 5)
                    continue;
                size_t dof = GUARD + da, lo = dof - 16, hi = dof + n + 16;
                set_window(lo, hi, P1);
                void *ret = memset(B + dof, vals[v], n);
                for (size_t i = 0; i < n; i++)
                    R[dof + i] = (unsigned char)vals[v];
                if (ret != B + dof)
                    die("memset", n, da, v, "wrong return value");
                expect_same(B, lo, hi, "memset", n, da, v);
                feed(n + (size_t)v);
            }
    /* a few large sizes (DC ZVA paths for zero) */
    static unsigned char big[70000];
    for (size_t n = 1000; n < sizeof big - 64; n = n * 3 + 7) {
        for (int v = 0; v < 2; v++) {
            memset(big, 0x33, sizeof big);
            memset(big + 13, v ? 0xee : 0, n);
            for (size_t i = 0; i < sizeof big; i++) {
                unsigned char want = (i >= 13 && i < 13 + n) ? (v ? 0xee : 0) : 0x33;
                if (big[i] != want)
                    die("memset(big)", n, v, 0, "memory contents differ");
            }
            feed(n);
        }
    }
    printf("memset: ok\n");
}

static void test_compare(void)
{
    for (size_t n = 0; n <= MAXN; n++)
        for (int aa = 0; aa < 16; aa++)
            for (int k = 0; k < (full_mode ? 16 : 1); k++) {
                int ba = second_align(n, aa, k);
                unsigned char *a = A + GUARD + aa, *b = B + GUARD + ba;
                for (size_t i = 0; i < n + 8; i++)
                    a[i] = b[i] = P1[i];
                a[n] = b[n] = 0;
                /* variant 0 (equal) always; one of the three difference kinds in rotation */
                for (int variant = 0; variant < 4; variant++) {
                    size_t pos = 0;
                    if (variant > 0 && n == 0)
                        break;
                    if (variant > 0 && !full_mode && variant != 1 + (int)((n + (size_t)aa) % 3))
                        continue;
                    if (variant == 1)
                        pos = n - 1;
                    else if (variant == 2)
                        pos = (n * 7 + (size_t)aa) % n;
                    else if (variant == 3)
                        pos = (n * 13 + (size_t)ba * 3) % n;
                    unsigned char saved = b[pos];
                    if (variant == 1)
                        b[pos] = (unsigned char)(saved + 1);
                    else if (variant == 2)
                        b[pos] = (unsigned char)(saved ^ 0x80);
                    else if (variant == 3)
                        b[pos] = 0; /* b becomes a shorter string */
                    if (b[pos] == 0 && variant != 3)
                        b[pos] = 1;

                    int r1 = sgn(memcmp(a, b, n)), e1 = ref_memcmp(a, b, n);
                    int r2 = sgn(strcmp((char *)a, (char *)b)), e2 = ref_strcmp(a, b);
                    int r3 = sgn(strcmp((char *)b, (char *)a)), e3 = ref_strcmp(b, a);
                    size_t lim = (n * 5 + (size_t)aa) % (n + 3);
                    int r4 = sgn(strncmp((char *)a, (char *)b, lim)), e4 = ref_strncmp(a, b, lim);
                    int r5 = sgn(strncmp((char *)a, (char *)b, n + 100)), e5 = ref_strncmp(a, b, n + 100);
                    if (r1 != e1)
                        die("memcmp", n, aa, ba, "wrong sign");
                    if (r2 != e2 || r3 != e3)
                        die("strcmp", n, aa, ba, "wrong sign");
                    if (r4 != e4 || r5 != e5)
                        die("strncmp", n, aa, ba, "wrong sign");
                    feed((uint64_t)(r1 + 1) * 81 + (uint64_t)(r2 + 1) * 27 + (uint64_t)(r3 + 1) * 9 +
                         (uint64_t)(r4 + 1) * 3 + (uint64_t)(r5 + 1));
                    b[pos] = saved;
                }
            }
    printf("memcmp/strcmp/strncmp: ok\n");
}

static void test_scan(void)
{
    for (size_t n = 0; n <= MAXN; n++)
        for (int al = 0; al < 16; al++) {
            unsigned char *s = A + GUARD + al;
            for (size_t i = 0; i < n + 40; i++)
                s[i] = P2[i];
            s[n] = 0;
            size_t l = strlen((char *)s);
            size_t lims[3] = {n / 2, n, n + 17};
            size_t reflen = ref_strlen(s);
            if (l != reflen)
                die("strlen", n, al, 0, "wrong length");
            for (int j = 0; j < 3; j++) {
                size_t e = reflen;
                if (e > lims[j])
                    e = lims[j];
                if (strnlen((char *)s, lims[j]) != e)
                    die("strnlen", n, al, j, "wrong length");
            }
            /* search characters: one present late, one absent or early, the terminator */
            int cs[3] = {n ? s[n - 1] : 'q', (n & 1) ? 0x1ff & (int)pat(n + 5, 7) : (n > 3 ? s[n / 3] : 0x80), 0};
            for (int j = 0; j < 3; j++) {
                int c = cs[j];
                const unsigned char *p1 = (const unsigned char *)strchr((char *)s, c);
                const unsigned char *p2 = (const unsigned char *)strrchr((char *)s, c);
                const unsigned char *p3 = (const unsigned char *)memchr(s, c, n);
                const unsigned char *p4 = (const unsigned char *)memrchr(s, c, n);
                if (p1 != ref_strchr(s, c))
                    die("strchr", n, al, c, "wrong pointer");
                if (p2 != ref_strrchr(s, c))
                    die("strrchr", n, al, c, "wrong pointer");
                if (p3 != ref_memchr(s, c, n))
                    die("memchr", n, al, c, "wrong pointer");
                const unsigned char *e4 = NULL;
                for (size_t i = n; i-- > 0;)
                    if (s[i] == (unsigned char)c) {
                        e4 = s + i;
                        break;
                    }
                if (p4 != e4)
                    die("memrchr", n, al, c, "wrong pointer");
                feed((uint64_t)(p1 ? p1 - s : -1) ^ ((uint64_t)(p2 ? p2 - s : -1) << 16) ^
                     ((uint64_t)(p3 ? p3 - s : -1) << 32));
            }
            feed(l);
        }
    printf("strlen/strnlen/strchr/strrchr/memchr/memrchr: ok\n");
}

static void test_copy_str(void)
{
    for (size_t n = 0; n <= MAXN; n++)
        for (int sa = 0; sa < 16; sa++)
            for (int k = 0; k < (full_mode ? 16 : 1); k++) {
                int da = second_align(n, sa, 7 * k);
                da &= 15;
                unsigned char *s = A + GUARD + sa;
                for (size_t i = 0; i < n + 20; i++)
                    s[i] = P1[i];
                s[n] = 0;
                size_t dof = GUARD + da, lo = dof - 16, hi = dof + n + 17;
                set_window(lo, hi, P2);
                if ((sa + (int)n) & 1) {
                    char *ret = strcpy((char *)B + dof, (char *)s);
                    ref_memcpy(R + dof, s, n + 1);
                    if (ret != (char *)B + dof)
                        die("strcpy", n, sa, da, "wrong return value");
                    expect_same(B, lo, hi, "strcpy", n, sa, da);
                } else {
                    char *end = stpcpy((char *)B + dof, (char *)s);
                    ref_memcpy(R + dof, s, n + 1);
                    if (end != (char *)B + dof + n)
                        die("stpcpy", n, sa, da, "wrong return value");
                    expect_same(B, lo, hi, "stpcpy", n, sa, da);
                }
                feed(n ^ (size_t)da);
            }
    printf("strcpy/stpcpy: ok\n");
}

static void test_strstr(void)
{
    static const char alphabet[] = "abcab";
    for (size_t n = 0; n <= MAXN; n += (n < 40 ? 1 : 13))
        for (int al = 0; al < 16; al++) {
            char *h = (char *)A + GUARD + al;
            for (size_t i = 0; i < n; i++)
                h[i] = alphabet[(i * i + i / 3 + (size_t)al) % 5];
            h[n] = 0;
            for (size_t m = 0; m <= 20 && m <= n + 1; m += 1 + m / 2) {
                char needle[64];
                size_t start = n > m ? (n * 3 + m) % (n - m + 1) : 0;
                for (size_t i = 0; i < m; i++)
                    needle[i] = start + i < n ? h[start + i] : 'a';
                needle[m] = 0;
                for (int variant = 0; variant < 2; variant++) {
                    if (variant == 1 && m > 0)
                        needle[m - 1] = 'c' + (char)(m & 1);
                    const char *r = strstr(h, needle);
                    const char *e = (const char *)ref_strstr((unsigned char *)h, (unsigned char *)needle);
                    if (r != e)
                        die("strstr", n, al, (int)m, "wrong pointer");
                    feed(r ? (uint64_t)(r - h) : 999);
                }
            }
        }
    /* classic longer needles (two-way algorithm path) */
    static char hay[4096];
    for (size_t i = 0; i < sizeof hay - 1; i++)
        hay[i] = "ab"[((i * 2654435761u) >> 7) & 1];
    hay[sizeof hay - 1] = 0;
    for (size_t m = 20; m < 300; m += 23) {
        char nd[320];
        memcpy(nd, hay + 3000, m);
        nd[m] = 0;
        const char *r = strstr(hay, nd);
        const char *e = (const char *)ref_strstr((unsigned char *)hay, (unsigned char *)nd);
        if (r != e)
            die("strstr(long)", m, 0, 0, "wrong pointer");
        feed((uint64_t)(r - hay));
        nd[m / 2] = 'x';
        if (strstr(hay, nd) != NULL)
            die("strstr(long)", m, 1, 0, "found absent needle");
    }
    printf("strstr: ok\n");
}

/* Strings that end right before an unmapped page: the SIMD routines must
 * not fault by reading past the end of the mapping. */
static void test_page_edge(void)
{
    long pg = sysconf(_SC_PAGESIZE);
    unsigned char *m = mmap(NULL, (size_t)pg * 2, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED || mprotect(m + pg, (size_t)pg, PROT_NONE) != 0) {
        printf("page edge: mmap failed\n");
        exit(1);
    }
    unsigned char *end = m + pg;
    static unsigned char dst[400];
    for (size_t n = 0; n <= 100; n++) {
        unsigned char *s = end - n - 1;
        for (size_t i = 0; i < n; i++)
            s[i] = (unsigned char)('A' + (i % 26));
        s[n] = 0;
        unsigned char *t = end - n - 1; /* same string as a memory block of n+1 bytes */
        if (strlen((char *)s) != n)
            die("strlen(page edge)", n, 0, 0, "wrong length");
        if (strnlen((char *)s, 1000) != n)
            die("strnlen(page edge)", n, 0, 0, "wrong length");
        if (strchr((char *)s, '#') != NULL || strchr((char *)s, 0) != (char *)s + n)
            die("strchr(page edge)", n, 0, 0, "wrong pointer");
        if (strrchr((char *)s, 'A') != (n ? (char *)s + ((n - 1) / 26) * 26 : NULL))
            die("strrchr(page edge)", n, 0, 0, "wrong pointer");
        if (memchr(t, '#', n + 1) != NULL)
            die("memchr(page edge)", n, 0, 0, "found absent byte");
        memcpy(dst, t, n + 1);
        if (strcmp((char *)dst, (char *)s) != 0 || memcmp(dst, t, n + 1) != 0)
            die("strcmp/memcmp(page edge)", n, 0, 0, "not equal");
        strcpy((char *)dst + 1, (char *)s);
        if (strcmp((char *)dst + 1, (char *)s) != 0)
            die("strcpy(page edge)", n, 0, 0, "not equal");
        if (strstr((char *)s, "XYZ#") != NULL)
            die("strstr(page edge)", n, 0, 0, "found absent needle");
        feed(n);
    }
    munmap(m, (size_t)pg * 2);
    printf("page edge: ok\n");
}

int main(int argc, char **argv)
{
    const char *group = "all";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "full") == 0)
            full_mode = 1;
        else
            group = argv[i];
    }
    int all = strcmp(group, "all") == 0;
    if (!all && strcmp(group, "mem") != 0 && strcmp(group, "cmp") != 0 && strcmp(group, "scan") != 0 &&
        strcmp(group, "str") != 0) {
        printf("usage: strings [all|mem|cmp|scan|str] [full]\n");
        return 2;
    }
    printf("strings test: group %s, %s mode\n", group, full_mode ? "full" : "default");
    fill(P1, 2);
    fill(P2, 3);
    if (all || strcmp(group, "mem") == 0) {
        test_memcpy_memmove();
        test_memset();
    }
    if (all || strcmp(group, "cmp") == 0)
        test_compare();
    if (all || strcmp(group, "scan") == 0)
        test_scan();
    if (all || strcmp(group, "str") == 0) {
        test_copy_str();
        test_strstr();
        test_page_edge();
    }
    printf("%lu checks, checksum %016llx\n", calls, (unsigned long long)checksum);
    return 0;
}
