/* qsort: qsort/bsearch over ints, doubles, strings and structs, plus lfind/lsearch-free checks. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t st = 2463534242u;
static uint32_t rnd(void)
{
    st ^= st << 13;
    st ^= st >> 17;
    st ^= st << 5;
    return st;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}
static int cmp_int_desc(const void *a, const void *b) { return cmp_int(b, a); }
static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

struct rec {
    int key;
    int seq;
    char name[12];
};
static int cmp_rec(const void *a, const void *b)
{
    const struct rec *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static uint64_t hash_bytes(const void *p, size_t n)
{
    const unsigned char *c = p;
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ c[i]) * 1099511628211ULL;
    return h;
}

int main(void)
{
    /* ints of many sizes, including already sorted, reversed and all-equal inputs */
    static const size_t sizes[] = {0, 1, 2, 3, 5, 8, 16, 17, 100, 1000, 5000};
    static int arr[5000];
    for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
        size_t n = sizes[si];
        for (int kind = 0; kind < 4; kind++) {
            for (size_t i = 0; i < n; i++) {
                switch (kind) {
                case 0: arr[i] = (int)(rnd() % 1000) - 500; break;
                case 1: arr[i] = (int)i; break;
                case 2: arr[i] = (int)(n - i); break;
                default: arr[i] = 7; break;
                }
            }
            qsort(arr, n, sizeof arr[0], cmp_int);
            int sorted = 1;
            for (size_t i = 1; i < n; i++)
                if (arr[i - 1] > arr[i])
                    sorted = 0;
            int probe = n ? arr[n / 2] : 0;
            int *hit = bsearch(&probe, arr, n, sizeof arr[0], cmp_int);
            int missing = 100000;
            int *miss = bsearch(&missing, arr, n, sizeof arr[0], cmp_int);
            printf("ints n=%zu kind=%d sorted=%d hash=%016llx bsearch hit=%s miss=%s\n", n, kind, sorted,
                   (unsigned long long)hash_bytes(arr, n * sizeof arr[0]),
                   n == 0 ? "n/a" : (hit && *hit == probe ? "yes" : "NO"), miss ? "FOUND?" : "none");
        }
    }

    /* descending */
    for (int i = 0; i < 50; i++)
        arr[i] = (int)(rnd() % 100);
    qsort(arr, 50, sizeof arr[0], cmp_int_desc);
    printf("descending:");
    for (int i = 0; i < 50; i++)
        printf(" %d", arr[i]);
    printf("\n");

    /* doubles */
    double d[300];
    for (int i = 0; i < 300; i++)
        d[i] = ((double)rnd() - 2147483648.0) / ((double)(rnd() % 1000) + 1.0);
    qsort(d, 300, sizeof d[0], cmp_double);
    printf("doubles: min=%.6g max=%.6g median=%.6g hash=%016llx\n", d[0], d[299], d[150],
           (unsigned long long)hash_bytes(d, sizeof d));
    for (int i = 0; i < 300; i += 37) {
        double *p = bsearch(&d[i], d, 300, sizeof d[0], cmp_double);
        printf("  bsearch(d[%d]) -> index %td\n", i, p ? p - d : -1);
    }

    /* strings */
    static const char *words[] = {"pear", "apple", "fig", "banana", "Cherry", "apple pie", "date",
                                  "elderberry", "", "grape", "apples", "Zebra", "zebra", "kiwi"};
    size_t nw = sizeof words / sizeof words[0];
    const char *ws[sizeof words / sizeof words[0]];
    memcpy(ws, words, sizeof ws);
    qsort(ws, nw, sizeof ws[0], cmp_str);
    printf("strings:");
    for (size_t i = 0; i < nw; i++)
        printf(" [%s]", ws[i]);
    printf("\n");
    const char *key = "fig";
    const char **found = bsearch(&key, ws, nw, sizeof ws[0], cmp_str);
    printf("bsearch(fig) -> %td\n", found ? found - ws : -1);

    /* structs with a large element size and a stable tie-break */
    static struct rec recs[5000];
    for (int i = 0; i < 5000; i++) {
        recs[i].key = (int)(rnd() % 50);
        recs[i].seq = i;
        snprintf(recs[i].name, sizeof recs[i].name, "r%d", i);
    }
    qsort(recs, 5000, sizeof recs[0], cmp_rec);
    printf("structs: first=%s(%d) last=%s(%d) hash=%016llx\n", recs[0].name, recs[0].key, recs[4999].name,
           recs[4999].key, (unsigned long long)hash_bytes(recs, sizeof recs));
    return 0;
}
