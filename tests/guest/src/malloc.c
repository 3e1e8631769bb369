/* malloc: heap allocation across many sizes (brk-backed and mmap-backed),
 * calloc zeroing, realloc content preservation, plus raw mmap/munmap/mprotect. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static uint64_t rng = 0x853c49e6748fea9bULL;
static uint32_t rnd32(void)
{
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(rng >> 33);
}

static uint64_t sum;
static void fail(const char *what, size_t a, size_t b)
{
    printf("FAIL: %s (%zu, %zu)\n", what, a, b);
    fflush(stdout);
    exit(1);
}

/* Patterns are written and checked a 64-bit word at a time (plus a byte
 * tail); blocks over 64 KiB are checked at their ends and at a stride in
 * between, which keeps the instruction count modest for multi-MiB blocks. */
static uint64_t word_pat(size_t i, unsigned seed)
{
    return (i + 1) * 0x9e3779b97f4a7c15ULL ^ ((uint64_t)seed << 32 | seed);
}

/* byte i of the little-endian word pattern, for the tail bytes */
static unsigned char tail_pat(size_t i, unsigned seed)
{
    return (unsigned char)(word_pat(i / 8, seed) >> (8 * (i % 8)));
}

static void fill(unsigned char *p, size_t n, unsigned seed)
{
    uint64_t *w = (uint64_t *)p;
    size_t nw = n / 8;
    for (size_t i = 0; i < nw; i++)
        w[i] = word_pat(i, seed);
    for (size_t i = nw * 8; i < n; i++)
        p[i] = tail_pat(i, seed);
}

static void check(const unsigned char *p, size_t n, unsigned seed, const char *what)
{
    const uint64_t *w = (const uint64_t *)p;
    size_t nw = n / 8;
    size_t step = n > 65536 ? 61 : 1;
    for (size_t i = 0; i < nw; i += (i >= 512 && i + 512 < nw) ? step : 1) {
        if (w[i] != word_pat(i, seed))
            fail(what, n, i * 8);
        sum = sum * 33 + (w[i] >> 40);
    }
    for (size_t i = nw * 8; i < n; i++) {
        if (p[i] != tail_pat(i, seed))
            fail(what, n, i);
        sum = sum * 33 + p[i];
    }
}

int main(void)
{
    /* 1. a spread of sizes, from 0 to several MiB */
    static const size_t sizes[] = {
        0, 1, 2, 3, 7, 8, 15, 16, 17, 24, 31, 32, 33, 63, 64, 100, 127, 128, 255, 256,
        511, 512, 1000, 1024, 4095, 4096, 4097, 8192, 65535, 65536, 100000, 131071,
        131072, 135168, 200000, 262144, 1048576, 3 * 1048576 + 5, 8 * 1048576,
    };
    size_t nsizes = sizeof sizes / sizeof sizes[0];
    unsigned char *blocks[sizeof sizes / sizeof sizes[0]];
    for (size_t i = 0; i < nsizes; i++) {
        blocks[i] = malloc(sizes[i]);
        if (!blocks[i] && sizes[i])
            fail("malloc", sizes[i], 0);
        if (((uintptr_t)blocks[i] & 15) != 0)
            fail("alignment", sizes[i], (uintptr_t)blocks[i] & 15);
        fill(blocks[i], sizes[i], (unsigned)i);
    }
    for (size_t i = 0; i < nsizes; i++)
        check(blocks[i], sizes[i], (unsigned)i, "malloc contents");
    printf("malloc: %zu blocks ok, sum %016llx\n", nsizes, (unsigned long long)sum);

    /* 2. realloc each block up and down, contents must survive */
    for (size_t i = 0; i < nsizes; i++) {
        size_t old = sizes[i];
        size_t bigger = old * 3 + 100;
        unsigned char *p = realloc(blocks[i], bigger);
        if (!p)
            fail("realloc grow", old, bigger);
        check(p, old, (unsigned)i, "realloc grow");
        memset(p + old, 0xa5, bigger - old);
        size_t smaller = old / 2;
        unsigned char *q = realloc(p, smaller ? smaller : 1);
        if (!q)
            fail("realloc shrink", bigger, smaller);
        check(q, smaller, (unsigned)i, "realloc shrink");
        blocks[i] = q;
    }
    for (size_t i = 0; i < nsizes; i++)
        free(blocks[i]);
    printf("realloc: ok, sum %016llx\n", (unsigned long long)sum);

    /* 3. calloc must zero, including reused memory */
    for (int round = 0; round < 2; round++) {
        for (size_t i = 0; i < nsizes; i += 2) {
            unsigned char *p = malloc(sizes[i] + 1);
            memset(p, 0xff, sizes[i] + 1);
            free(p);
            size_t cnt = sizes[i] / 8 + 1;
            uint64_t *z = calloc(cnt, 8);
            if (!z)
                fail("calloc", cnt, 8);
            for (size_t k = 0; k < cnt; k += (cnt > 8192 && k >= 512 && k + 512 < cnt) ? 29 : 1)
                if (z[k] != 0)
                    fail("calloc not zero", cnt, k);
            free(z);
        }
    }
    volatile size_t hugecount = (size_t)1 << 62;
    void *huge = calloc(hugecount, 16);
    printf("calloc: ok; overflowing calloc returned %s\n", huge ? "non-NULL" : "NULL");

    /* 4. random churn: many live blocks, random frees and reallocs */
    enum { SLOTS = 512 };
    unsigned char *slot[SLOTS] = {0};
    size_t slotsz[SLOTS] = {0};
    unsigned slotseed[SLOTS] = {0};
    for (int it = 0; it < 6000; it++) {
        unsigned k = rnd32() % SLOTS;
        if (slot[k]) {
            check(slot[k], slotsz[k], slotseed[k], "churn");
            if (rnd32() & 1) {
                free(slot[k]);
                slot[k] = NULL;
                continue;
            }
            size_t nsz = rnd32() % 2000;
            if ((rnd32() & 63) == 0)
                nsz += 150000;
            unsigned char *p = realloc(slot[k], nsz ? nsz : 1);
            if (!p)
                fail("churn realloc", nsz, 0);
            size_t keep = nsz < slotsz[k] ? nsz : slotsz[k];
            check(p, keep, slotseed[k], "churn realloc");
            slot[k] = p;
            slotsz[k] = nsz;
            fill(p, nsz, slotseed[k]);
        } else {
            size_t nsz = rnd32() % 1500;
            if ((rnd32() & 127) == 0)
                nsz += 300000;
            slot[k] = malloc(nsz);
            slotsz[k] = nsz;
            slotseed[k] = rnd32();
            fill(slot[k], nsz, slotseed[k]);
        }
    }
    size_t live = 0;
    for (int k = 0; k < SLOTS; k++) {
        if (slot[k]) {
            check(slot[k], slotsz[k], slotseed[k], "churn final");
            live++;
        }
        free(slot[k]);
    }
    printf("churn: ok, %zu live at end, sum %016llx\n", live, (unsigned long long)sum);

    /* 5. aligned allocation */
    for (size_t al = 16; al <= 65536; al *= 4) {
        void *p = NULL;
        int rc = posix_memalign(&p, al, 1000);
        void *q = aligned_alloc(al, al * 2);
        printf("align %zu: posix_memalign rc=%d aligned=%d aligned_alloc aligned=%d\n", al, rc,
               ((uintptr_t)p % al) == 0, ((uintptr_t)q % al) == 0);
        free(p);
        free(q);
    }

    /* 6. raw mmap / mprotect / munmap / mremap */
    long pg = sysconf(_SC_PAGESIZE);
    printf("page size is a power of two >= 4096: %s\n", pg >= 4096 && (pg & (pg - 1)) == 0 ? "yes" : "no");
    size_t len = 16 * 65536;
    unsigned char *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED)
        fail("mmap", len, 0);
    size_t nz = 0;
    for (size_t i = 0; i < len; i += 512)
        nz += m[i] != 0;
    fill(m, len, 99);
    printf("mmap anon: nonzero bytes before write=%zu\n", nz);
    if (mprotect(m, 65536, PROT_READ) != 0)
        fail("mprotect", 0, 0);
    check(m, len, 99, "mmap contents");
    if (mprotect(m, 65536, PROT_READ | PROT_WRITE) != 0)
        fail("mprotect back", 0, 0);
    unsigned char *m2 = mremap(m, len, len * 4, MREMAP_MAYMOVE);
    if (m2 == MAP_FAILED)
        fail("mremap", len, len * 4);
    check(m2, len, 99, "mremap contents");
    nz = 0;
    for (size_t i = len; i < len * 4; i += 256)
        nz += m2[i] != 0;
    printf("mremap grown tail nonzero=%zu\n", nz);
    printf("munmap rc=%d\n", munmap(m2, len * 4));

    /* 7. sbrk grows the break by the requested amount */
    char *b0 = sbrk(0);
    char *b1 = sbrk(8192);
    char *b2 = sbrk(0);
    printf("sbrk: grew by %td, old break returned %s\n", b2 - b0, b1 == b0 ? "yes" : "no");
    memset(b1, 0x5a, 8192);
    sbrk(-8192);

    printf("final checksum %016llx\n", (unsigned long long)sum);
    return 0;
}
