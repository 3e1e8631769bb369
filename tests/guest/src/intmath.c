/* intmath: 32/64/128-bit integer arithmetic corner cases.  Operands go through
 * volatile variables so that the compiler really emits sdiv/udiv/umulh/etc. */
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>

typedef unsigned __int128 u128;
typedef __int128 s128;

static const uint64_t specials[] = {
    0, 1, 2, 3, 5, 7, 10, 0x7f, 0x80, 0xff, 0x100, 0xffff, 0x10000,
    0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ULL, 0x100000001ULL,
    0x123456789abcdef0ULL, 0x7fffffffffffffffULL, 0x8000000000000000ULL,
    0x8000000000000001ULL, 0xfffffffffffffffeULL, 0xffffffffffffffffULL,
    0x3fffffffffffffffULL, 0x4000000000000000ULL, 0x4000000000000001ULL,
    0xfffffffffffffff9ULL /* -7 */, 0xffffffff80000000ULL,
};
#define NSPEC (sizeof specials / sizeof specials[0])

static uint64_t rng_state = 0x243f6a8885a308d3ULL;
static uint64_t rnd(void)
{
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

static void print_u128(u128 v)
{
    char buf[48];
    int i = sizeof buf - 1;
    buf[i] = 0;
    do {
        buf[--i] = (char)('0' + (int)(v % 10));
        v /= 10;
    } while (v);
    fputs(buf + i, stdout);
}

static void print_s128(s128 v)
{
    if (v < 0) {
        putchar('-');
        print_u128((u128)0 - (u128)v);
    } else {
        print_u128((u128)v);
    }
}

static void print_hex128(u128 v)
{
    printf("%016" PRIx64 "%016" PRIx64, (uint64_t)(v >> 64), (uint64_t)v);
}

static uint64_t mix;
static void feed(uint64_t v)
{
    mix = (mix ^ v) * 0x100000001b3ULL;
    mix ^= mix >> 29;
}

int main(void)
{
    volatile uint64_t va, vb;
    volatile uint32_t wa, wb;
    volatile int sh;

    printf("== 64-bit division table (a, b: udiv urem sdiv srem)\n");
    for (size_t i = 0; i < NSPEC; i++) {
        for (size_t j = 0; j < NSPEC; j++) {
            va = specials[i];
            vb = specials[j];
            uint64_t a = va, b = vb;
            if (b == 0)
                continue;
            uint64_t q = va / vb, r = va % vb;
            int64_t sq, sr;
            if ((int64_t)a == INT64_MIN && (int64_t)b == -1) {
                sq = INT64_MIN; /* what sdiv produces; guarded because it is UB in C */
                sr = 0;
            } else {
                sq = (int64_t)va / (int64_t)vb;
                sr = (int64_t)va % (int64_t)vb;
            }
            printf("%" PRIx64 " %" PRIx64 ": %" PRIx64 " %" PRIx64 " %" PRId64 " %" PRId64 "\n",
                   a, b, q, r, sq, sr);
        }
    }

    printf("== 32-bit division table\n");
    for (size_t i = 0; i < NSPEC; i++) {
        for (size_t j = 0; j < NSPEC; j += 2) {
            wa = (uint32_t)specials[i];
            wb = (uint32_t)specials[j];
            uint32_t a = wa, b = wb;
            if (b == 0)
                continue;
            int32_t sq, sr;
            if ((int32_t)a == INT32_MIN && (int32_t)b == -1) {
                sq = INT32_MIN;
                sr = 0;
            } else {
                sq = (int32_t)wa / (int32_t)wb;
                sr = (int32_t)wa % (int32_t)wb;
            }
            printf("%" PRIx32 " %" PRIx32 ": %" PRIx32 " %" PRIx32 " %" PRId32 " %" PRId32 "\n",
                   a, b, (uint32_t)(wa / wb), (uint32_t)(wa % wb), sq, sr);
        }
    }

    printf("== division by constants near powers of two\n");
    for (int k = 1; k < 64; k += 3) {
        uint64_t p = 1ULL << k;
        uint64_t divs[3] = {p - 1, p, p + 1};
        for (int d = 0; d < 3; d++) {
            vb = divs[d];
            va = 0xfedcba9876543210ULL;
            printf("k=%d d=%" PRIx64 " q=%" PRIx64 " r=%" PRIx64 " sq=%" PRId64 "\n", k,
                   (uint64_t)vb, (uint64_t)(va / vb), (uint64_t)(va % vb),
                   (int64_t)va / (int64_t)vb);
        }
    }
    va = 0xfedcba9876543210ULL;
    vb = 1;
    printf("div by 1: %" PRIx64 " %" PRId64 "\n", (uint64_t)(va / vb), (int64_t)va / (int64_t)vb);
    vb = UINT64_MAX;
    printf("div by UINT64_MAX: %" PRIx64 " rem %" PRIx64 "\n", (uint64_t)(va / vb), (uint64_t)(va % vb));
    va = UINT64_MAX;
    printf("UINT64_MAX/UINT64_MAX: %" PRIx64 "\n", (uint64_t)(va / vb));

    printf("== 128-bit products (umulh/smulh)\n");
    for (size_t i = 0; i < NSPEC; i += 2) {
        for (size_t j = 0; j < NSPEC; j += 3) {
            va = specials[i];
            vb = specials[j];
            u128 up = (u128)va * (u128)vb;
            s128 sp = (s128)(int64_t)va * (s128)(int64_t)vb;
            printf("%" PRIx64 "*%" PRIx64 " u=", (uint64_t)va, (uint64_t)vb);
            print_hex128(up);
            printf(" s=");
            print_hex128((u128)sp);
            printf(" lo32=%" PRIx32 "\n", (uint32_t)((uint32_t)va * (uint32_t)vb));
        }
    }

    printf("== 128-bit division and decimal printing\n");
    for (int i = 0; i < 40; i++) {
        u128 a = ((u128)rnd() << 64) | rnd();
        u128 b = (i % 4 == 0) ? (u128)(rnd() >> (i % 60)) | 1 : (((u128)(rnd() >> i) << 64) | rnd()) | 1;
        s128 sa = (s128)a, sb = (s128)b;
        print_u128(a);
        printf(" / ");
        print_u128(b);
        printf(" = ");
        print_u128(a / b);
        printf(" r ");
        print_u128(a % b);
        printf(" | signed ");
        print_s128(sa / sb);
        printf(" r ");
        print_s128(sa % sb);
        putchar('\n');
    }
    print_u128(~(u128)0);
    putchar('\n');
    print_s128((s128)((u128)1 << 127));
    putchar('\n');

    printf("== variable shifts and rotates\n");
    uint64_t shval[] = {1, 0x8000000000000000ULL, 0x123456789abcdef0ULL, 0xfedcba9876543210ULL};
    for (int v = 0; v < 4; v++) {
        uint64_t acc = 0;
        for (int s = 0; s < 64; s++) {
            sh = s;
            va = shval[v];
            uint64_t l = va << sh, r = va >> sh;
            int64_t ar = (int64_t)va >> sh;
            uint64_t rotl = (va << sh) | (va >> ((64 - sh) & 63));
            uint64_t rotr = (va >> sh) | (va << ((64 - sh) & 63));
            uint32_t w = (uint32_t)va ^ (uint32_t)(va >> 32);
            uint32_t l32 = w << (sh & 31), r32 = w >> (sh & 31);
            int32_t ar32 = (int32_t)w >> (sh & 31);
            uint32_t rot32 = (w << (sh & 31)) | (w >> ((32 - sh) & 31));
            if (s % 9 == 0)
                printf("%016" PRIx64 " s=%2d lsl=%016" PRIx64 " lsr=%016" PRIx64 " asr=%016" PRIx64
                       " rol=%016" PRIx64 " ror=%016" PRIx64 " w:%08" PRIx32 " %08" PRIx32 " %08" PRIx32 " %08" PRIx32 "\n",
                       (uint64_t)va, s, l, r, (uint64_t)ar, rotl, rotr, l32, r32, (uint32_t)ar32, rot32);
            acc = acc * 31 + l + 3 * r + 5 * (uint64_t)ar + 7 * rotl + 11 * rotr + l32 + r32 + (uint32_t)ar32 + rot32;
        }
        printf("shift checksum %d: %016" PRIx64 "\n", v, acc);
    }

    printf("== bit builtins\n");
    for (size_t i = 0; i < NSPEC; i++) {
        va = specials[i];
        uint64_t x = va;
        uint32_t w = (uint32_t)x;
        printf("%016" PRIx64 " pop=%d clz=%d ctz=%d clrsb=%d parity=%d pop32=%d clz32=%d ctz32=%d"
               " bswap64=%016" PRIx64 " bswap32=%08" PRIx32 " bswap16=%04x\n",
               x, __builtin_popcountll(x), x ? __builtin_clzll(x) : 64, x ? __builtin_ctzll(x) : 64,
               __builtin_clrsbll((long long)x), __builtin_parityll(x), __builtin_popcount(w),
               w ? __builtin_clz(w) : 32, w ? __builtin_ctz(w) : 32, __builtin_bswap64(x),
               __builtin_bswap32(w), (unsigned)__builtin_bswap16((uint16_t)x));
    }

    printf("== overflow builtins and extensions\n");
    for (size_t i = 0; i < NSPEC; i += 2) {
        for (size_t j = 1; j < NSPEC; j += 4) {
            va = specials[i];
            vb = specials[j];
            int64_t a = (int64_t)va, b = (int64_t)vb, r1, r2, r3;
            uint64_t u1, u2, u3;
            int o1 = __builtin_add_overflow(a, b, &r1);
            int o2 = __builtin_sub_overflow(a, b, &r2);
            int o3 = __builtin_mul_overflow(a, b, &r3);
            int o4 = __builtin_add_overflow((uint64_t)va, (uint64_t)vb, &u1);
            int o5 = __builtin_sub_overflow((uint64_t)va, (uint64_t)vb, &u2);
            int o6 = __builtin_mul_overflow((uint64_t)va, (uint64_t)vb, &u3);
            int32_t r4;
            int o7 = __builtin_mul_overflow((int32_t)a, (int32_t)b, &r4);
            printf("%" PRId64 " %" PRId64 ": s+%d s-%d s*%d u+%d u-%d u*%d s32*%d %" PRIx64 " %" PRIx64 " %" PRIx64 " %" PRIx64 " %" PRIx32 "\n",
                   a, b, o1, o2, o3, o4, o5, o6, o7, (uint64_t)r1, (uint64_t)r3, u2, u3, (uint32_t)r4);
        }
        va = specials[i];
        printf("ext %016" PRIx64 ": s8=%" PRId64 " u8=%" PRIu64 " s16=%" PRId64 " u16=%" PRIu64 " s32=%" PRId64 " u32=%" PRIu64 "\n",
               (uint64_t)va, (int64_t)(int8_t)va, (uint64_t)(uint8_t)va, (int64_t)(int16_t)va,
               (uint64_t)(uint16_t)va, (int64_t)(int32_t)va, (uint64_t)(uint32_t)va);
    }

    printf("== random mix\n");
    mix = 0xcbf29ce484222325ULL;
    for (int i = 0; i < 200000; i++) {
        uint64_t a = rnd(), b = rnd() >> (rnd() & 63);
        va = a;
        vb = b | 1;
        sh = (int)(a & 63);
        feed(va / vb);
        feed(va % vb);
        if (!((int64_t)va == INT64_MIN && (int64_t)vb == -1)) {
            feed((uint64_t)((int64_t)va / (int64_t)vb));
            feed((uint64_t)((int64_t)va % (int64_t)vb));
        }
        feed((uint64_t)(((u128)va * vb) >> 64));
        feed((uint64_t)(((s128)(int64_t)va * (int64_t)vb) >> 64));
        feed(va * vb + (va >> sh) - (vb << sh));
        wa = (uint32_t)a;
        wb = (uint32_t)b | 1u;
        feed(wa / wb + wa % wb);
        feed((uint64_t)(uint32_t)((int32_t)wa >> (sh & 31)));
        feed((uint64_t)__builtin_popcountll(a) + (uint64_t)__builtin_clzll(a | 1));
    }
    printf("mix checksum: %016" PRIx64 "\n", mix);
    return 0;
}
