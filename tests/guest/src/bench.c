/*
 * bench: CPU-bound mixed workload for measuring emulator speed.
 *   - SHA-256 over a buffer (written here, no libraries)
 *   - sorting: qsort and a hand-written merge sort of pseudo-random keys
 *   - floating point: Mandelbrot set and a small n-body simulation
 *   - string work: strlen/strcmp/memcpy/snprintf
 * Usage: bench [ITERATIONS]   (default 40, about 1.5 s under qemu-aarch64 on a
 *                              typical x86-64 host; work grows with ITERATIONS)
 * Prints one line per phase and a final deterministic checksum.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------- SHA-256 ---------------- */
static const uint32_t K256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROR32(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void sha256_block(uint32_t h[8], const unsigned char *p)
{
    uint32_t w[64];
    for (int i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = ROR32(w[i - 15], 7) ^ ROR32(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = ROR32(w[i - 2], 17) ^ ROR32(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t S1 = ROR32(e, 6) ^ ROR32(e, 11) ^ ROR32(e, 25);
        uint32_t ch = (e & f) ^ (~e & g);
        uint32_t t1 = hh + S1 + ch + K256[i] + w[i];
        uint32_t S0 = ROR32(a, 2) ^ ROR32(a, 13) ^ ROR32(a, 22);
        uint32_t mj = (a & b) ^ (a & c) ^ (b & c);
        uint32_t t2 = S0 + mj;
        hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

static void sha256(const unsigned char *msg, size_t len, unsigned char out[32])
{
    uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    size_t i = 0;
    for (; i + 64 <= len; i += 64)
        sha256_block(h, msg + i);
    unsigned char tail[128];
    size_t rem = len - i;
    memset(tail, 0, sizeof tail);
    memcpy(tail, msg + i, rem);
    tail[rem] = 0x80;
    size_t tl = rem + 1 + 8 <= 64 ? 64 : 128;
    uint64_t bits = (uint64_t)len * 8;
    for (int k = 0; k < 8; k++)
        tail[tl - 1 - k] = (unsigned char)(bits >> (8 * k));
    sha256_block(h, tail);
    if (tl == 128)
        sha256_block(h, tail + 64);
    for (int k = 0; k < 8; k++) {
        out[4 * k] = (unsigned char)(h[k] >> 24);
        out[4 * k + 1] = (unsigned char)(h[k] >> 16);
        out[4 * k + 2] = (unsigned char)(h[k] >> 8);
        out[4 * k + 3] = (unsigned char)h[k];
    }
}

/* ---------------- helpers ---------------- */
static uint64_t xs_state;
static uint64_t xorshift64(void)
{
    uint64_t x = xs_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return xs_state = x;
}

static uint64_t fnv1a(const void *p, size_t n, uint64_t h)
{
    const unsigned char *c = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ c[i]) * 0x100000001b3ULL;
    return h;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static void merge_sort(uint32_t *a, uint32_t *tmp, size_t n)
{
    if (n < 16) {
        for (size_t i = 1; i < n; i++) {
            uint32_t v = a[i];
            size_t j = i;
            while (j > 0 && a[j - 1] > v) {
                a[j] = a[j - 1];
                j--;
            }
            a[j] = v;
        }
        return;
    }
    size_t mid = n / 2;
    merge_sort(a, tmp, mid);
    merge_sort(a + mid, tmp, n - mid);
    size_t i = 0, j = mid, k = 0;
    while (i < mid && j < n)
        tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
    while (i < mid)
        tmp[k++] = a[i++];
    while (j < n)
        tmp[k++] = a[j++];
    memcpy(a, tmp, n * sizeof *a);
}

/* ---------------- phases ---------------- */
static uint64_t phase_sha(int iters)
{
    size_t len = 64 * 1024;
    unsigned char *buf = malloc(len);
    for (size_t i = 0; i < len; i++)
        buf[i] = (unsigned char)(xorshift64() >> 56);
    unsigned char digest[32];
    uint64_t acc = 0;
    for (int it = 0; it < iters; it++) {
        sha256(buf, len - (size_t)it, digest);
        memcpy(buf + (size_t)it * 32 % (len - 32), digest, 32);
        acc = fnv1a(digest, 32, acc ^ 0xcbf29ce484222325ULL);
    }
    printf("sha256: last digest ");
    for (int k = 0; k < 8; k++)
        printf("%02x", digest[k]);
    printf("... acc %016llx\n", (unsigned long long)acc);
    free(buf);
    return acc;
}

static uint64_t phase_sort(int iters)
{
    size_t n = 60000;
    uint32_t *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b), *tmp = malloc(n * sizeof *tmp);
    uint64_t acc = 0;
    for (int it = 0; it < (iters + 1) / 2; it++) {
        for (size_t i = 0; i < n; i++)
            a[i] = b[i] = (uint32_t)(xorshift64() >> 40);
        qsort(a, n, sizeof *a, cmp_u32);
        merge_sort(b, tmp, n);
        if (memcmp(a, b, n * sizeof *a) != 0) {
            printf("sort mismatch!\n");
            exit(1);
        }
        acc = fnv1a(a, n * sizeof *a, acc);
    }
    printf("sort: %zu keys, min %u max %u median %u acc %016llx\n", n, a[0], a[n - 1], a[n / 2],
           (unsigned long long)acc);
    free(a);
    free(b);
    free(tmp);
    return acc;
}

static uint64_t phase_mandel(int iters)
{
    int w = 96, h = 64, maxit = 200;
    uint64_t total = 0;
    for (int it = 0; it < iters; it++) {
        double zoom = 1.0 + it * 0.05;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double cr = -0.75 + (x - w / 2) * (3.0 / w) / zoom;
                double ci = (y - h / 2) * (2.0 / h) / zoom;
                double zr = 0, zi = 0;
                int k = 0;
                while (k < maxit && zr * zr + zi * zi < 4.0) {
                    double t = zr * zr - zi * zi + cr;
                    zi = 2 * zr * zi + ci;
                    zr = t;
                    k++;
                }
                total += (uint64_t)k;
            }
        }
    }
    printf("mandelbrot: total iterations %llu\n", (unsigned long long)total);
    return total;
}

struct body {
    double x, y, z, vx, vy, vz, m;
};

static uint64_t phase_nbody(int iters)
{
    struct body b[5] = {
        {0, 0, 0, 0, 0, 0, 39.47841760435743},
        {4.84143144246472090, -1.16032004402742839, -0.103622044471123109, 0.606326392995832, 2.81198684491626,
         -0.02521836165988763, 0.03769367487038949},
        {8.34336671824457987, 4.12479856412430479, -0.403523417114321381, -1.01077434617730, 1.82566237123041,
         0.008415761376584154, 0.011286326131968767},
        {12.8943695621391310, -15.1111514016986312, -0.223307578892655734, 1.08279100644154, 0.868713018169608,
         -0.01010836656628, 0.0017237240570597112},
        {15.3796971148509165, -25.9193146099879641, 0.179258772950371181, 0.979090732243898, 0.594698998647676,
         -0.034755955504078, 0.0020336868699246304},
    };
    double dt = 0.01;
    int steps = iters * 2000;
    for (int s = 0; s < steps; s++) {
        for (int i = 0; i < 5; i++) {
            for (int j = i + 1; j < 5; j++) {
                double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
                double d2 = dx * dx + dy * dy + dz * dz;
                double mag = dt / (d2 * __builtin_sqrt(d2));
                b[i].vx -= dx * b[j].m * mag;
                b[i].vy -= dy * b[j].m * mag;
                b[i].vz -= dz * b[j].m * mag;
                b[j].vx += dx * b[i].m * mag;
                b[j].vy += dy * b[i].m * mag;
                b[j].vz += dz * b[i].m * mag;
            }
        }
        for (int i = 0; i < 5; i++) {
            b[i].x += dt * b[i].vx;
            b[i].y += dt * b[i].vy;
            b[i].z += dt * b[i].vz;
        }
    }
    double e = 0;
    for (int i = 0; i < 5; i++) {
        e += 0.5 * b[i].m * (b[i].vx * b[i].vx + b[i].vy * b[i].vy + b[i].vz * b[i].vz);
        for (int j = i + 1; j < 5; j++) {
            double dx = b[i].x - b[j].x, dy = b[i].y - b[j].y, dz = b[i].z - b[j].z;
            e -= b[i].m * b[j].m / __builtin_sqrt(dx * dx + dy * dy + dz * dz);
        }
    }
    printf("nbody: %d steps, energy %.12f\n", steps, e);
    uint64_t bits;
    memcpy(&bits, &e, sizeof bits);
    return bits;
}

static uint64_t phase_strings(int iters)
{
    enum { N = 2000 };
    static char words[N][48];
    static char *ptrs[N];
    uint64_t acc = 0;
    for (int it = 0; it < iters; it++) {
        for (int i = 0; i < N; i++) {
            uint64_t r = xorshift64();
            snprintf(words[i], sizeof words[i], "w%llx-%d-%s", (unsigned long long)(r & 0xffffff), i,
                     (r >> 40) & 1 ? "alpha" : "beta");
            ptrs[i] = words[i];
        }
        size_t total = 0;
        for (int i = 0; i < N; i++)
            total += strlen(ptrs[i]);
        int less = 0;
        for (int i = 1; i < N; i++)
            less += strcmp(ptrs[i - 1], ptrs[i]) < 0;
        char big[N * 48];
        size_t off = 0;
        for (int i = 0; i < N; i++) {
            size_t l = strlen(words[i]);
            memcpy(big + off, words[i], l);
            off += l;
        }
        big[off] = 0;
        const char *p = strstr(big, "alpha-");
        acc = fnv1a(big, off, acc) + total + (uint64_t)less + (p ? (uint64_t)(p - big) : 0);
    }
    printf("strings: acc %016llx\n", (unsigned long long)acc);
    return acc;
}

int main(int argc, char **argv)
{
    int iters = argc > 1 ? atoi(argv[1]) : 40;
    if (iters < 1)
        iters = 1;
    xs_state = 0x9e3779b97f4a7c15ULL;
    printf("bench: %d iterations\n", iters);
    uint64_t c = 0;
    c = fnv1a(&(uint64_t){phase_sha(iters)}, 8, c);
    c = fnv1a(&(uint64_t){phase_sort(iters)}, 8, c);
    c = fnv1a(&(uint64_t){phase_mandel(iters)}, 8, c);
    c = fnv1a(&(uint64_t){phase_nbody(iters)}, 8, c);
    c = fnv1a(&(uint64_t){phase_strings(iters)}, 8, c);
    printf("checksum %016llx\n", (unsigned long long)c);
    return 0;
}
