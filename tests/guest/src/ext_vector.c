/* Plain C loops that GCC auto-vectorises at -O3 with
 * -march=armv8.2-a+crypto+dotprod+fp16: integer reductions (sum, min/max,
 * widening sums, sum of absolute differences, u8/s8 dot products -> UDOT/SDOT),
 * float work (saxpy, elementwise ops, in-order reductions, fp16 arithmetic),
 * byte histograms, conditional selects, and type conversions between
 * integer widths, float, double and _Float16. Odd lengths exercise the
 * scalar epilogues. Results are printed as checksums and raw bits. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define N 1003
#define NI __attribute__((noinline))

static uint32_t rng = 0x1234567;
static uint32_t next(void) { rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5; return rng; }

static uint8_t u8a[N], u8b[N];
static int8_t s8a[N], s8b[N];
static int16_t s16a[N], s16b[N];
static int32_t s32a[N], s32b[N];
static int64_t s64a[N];
static float fa[N], fb[N], fc[N];
static double da[N];
static _Float16 ha[N], hb[N], hc[N];

static uint64_t fnv = 0xcbf29ce484222325ull;
static void mix(const void *p, size_t n) {
  const uint8_t *b = p;
  for (size_t i = 0; i < n; i++) { fnv ^= b[i]; fnv *= 0x100000001b3ull; }
}
static uint32_t bits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }
static uint64_t dbits(double d) { uint64_t u; memcpy(&u, &d, 8); return u; }

NI static int32_t sum_s32(const int32_t *a, int n) { int32_t s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
NI static int64_t sum_s16_wide(const int16_t *a, int n) { int64_t s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
NI static uint32_t sum_u8(const uint8_t *a, int n) { uint32_t s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
NI static int32_t max_s32(const int32_t *a, int n) { int32_t m = INT32_MIN; for (int i = 0; i < n; i++) m = a[i] > m ? a[i] : m; return m; }
NI static uint8_t min_u8(const uint8_t *a, int n) { uint8_t m = 255; for (int i = 0; i < n; i++) m = a[i] < m ? a[i] : m; return m; }
NI static uint32_t sad_u8(const uint8_t *a, const uint8_t *b, int n) {
  uint32_t s = 0;
  for (int i = 0; i < n; i++) s += (uint32_t)(a[i] > b[i] ? a[i] - b[i] : b[i] - a[i]);
  return s;
}
NI static uint32_t dot_u8(const uint8_t *a, const uint8_t *b, int n) { uint32_t s = 0; for (int i = 0; i < n; i++) s += a[i] * b[i]; return s; }
NI static int32_t dot_s8(const int8_t *a, const int8_t *b, int n) { int32_t s = 0; for (int i = 0; i < n; i++) s += a[i] * b[i]; return s; }
NI static int64_t dot_s16(const int16_t *a, const int16_t *b, int n) { int64_t s = 0; for (int i = 0; i < n; i++) s += (int32_t)a[i] * b[i]; return s; }
NI static uint64_t xor_s64(const int64_t *a, int n) { uint64_t s = 0; for (int i = 0; i < n; i++) s ^= (uint64_t)a[i] * 0x9e3779b97f4a7c15ull; return s; }
NI static float sum_f32(const float *a, int n) { float s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
NI static float dot_f32(const float *a, const float *b, int n) { float s = 0; for (int i = 0; i < n; i++) s += a[i] * b[i]; return s; }
NI static double sum_f64(const double *a, int n) { double s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
NI static float max_f32(const float *a, int n) { float m = -1e30f; for (int i = 0; i < n; i++) m = a[i] > m ? a[i] : m; return m; }
NI static void saxpy(float *restrict y, const float *restrict x, float a, int n) { for (int i = 0; i < n; i++) y[i] = a * x[i] + y[i]; }
NI static void daxpy(double *restrict y, const float *restrict x, double a, int n) { for (int i = 0; i < n; i++) y[i] += a * x[i]; }
NI static void f32_ops(float *restrict c, const float *restrict a, const float *restrict b, int n) {
  for (int i = 0; i < n; i++) c[i] = (a[i] - b[i]) / (b[i] * b[i] + 1.0f) + (a[i] < 0 ? -a[i] : a[i]);
}
NI static void h16_ops(_Float16 *restrict c, const _Float16 *restrict a, const _Float16 *restrict b, int n) {
  for (int i = 0; i < n; i++) c[i] = a[i] * b[i] + (a[i] - b[i]) * (_Float16)0.5f;
}
NI static void histogram(uint32_t h[256], const uint8_t *a, int n) { for (int i = 0; i < n; i++) h[a[i]]++; }
NI static void histogram4(uint32_t h[4][256], const uint8_t *a, int n) {
  int i = 0;
  for (; i + 4 <= n; i += 4) { h[0][a[i]]++; h[1][a[i + 1]]++; h[2][a[i + 2]]++; h[3][a[i + 3]]++; }
  for (; i < n; i++) h[0][a[i]]++;
}
NI static void clamp_add_u8(uint8_t *restrict c, const uint8_t *restrict a, const uint8_t *restrict b, int n) {
  for (int i = 0; i < n; i++) { unsigned s = a[i] + b[i]; c[i] = s > 255 ? 255 : (uint8_t)s; }
}
NI static void avg_u8(uint8_t *restrict c, const uint8_t *restrict a, const uint8_t *restrict b, int n) {
  for (int i = 0; i < n; i++) c[i] = (uint8_t)((a[i] + b[i] + 1) >> 1);
}
NI static void select_s32(int32_t *restrict c, const int32_t *restrict a, const int32_t *restrict b, int n) {
  for (int i = 0; i < n; i++) c[i] = a[i] > b[i] ? a[i] - b[i] : (b[i] >> 3) ^ a[i];
}
NI static void mulhi_s32(int32_t *restrict c, const int32_t *restrict a, const int32_t *restrict b, int n) {
  for (int i = 0; i < n; i++) c[i] = (int32_t)(((int64_t)a[i] * b[i]) >> 32);
}
NI static void shifts_u16(uint16_t *restrict c, const int16_t *restrict a, int n) {
  for (int i = 0; i < n; i++) c[i] = (uint16_t)(((uint16_t)a[i] >> (i & 7)) | ((uint16_t)a[i] << 5));
}
/* conversions */
NI static void cvt_s32_f32(float *restrict o, const int32_t *restrict a, int n) { for (int i = 0; i < n; i++) o[i] = (float)a[i]; }
NI static void cvt_f32_s32(int32_t *restrict o, const float *restrict a, int n) { for (int i = 0; i < n; i++) o[i] = (int32_t)a[i]; }
NI static void cvt_f32_u8(uint8_t *restrict o, const float *restrict a, int n) {
  for (int i = 0; i < n; i++) { float v = a[i] < 0 ? 0 : a[i] > 255 ? 255 : a[i]; o[i] = (uint8_t)v; }
}
NI static void cvt_f32_f64(double *restrict o, const float *restrict a, int n) { for (int i = 0; i < n; i++) o[i] = a[i]; }
NI static void cvt_f64_f32(float *restrict o, const double *restrict a, int n) { for (int i = 0; i < n; i++) o[i] = (float)a[i]; }
NI static void cvt_f64_s64(int64_t *restrict o, const double *restrict a, int n) { for (int i = 0; i < n; i++) o[i] = (int64_t)a[i]; }
NI static void cvt_s64_f64(double *restrict o, const int64_t *restrict a, int n) { for (int i = 0; i < n; i++) o[i] = (double)a[i]; }
NI static void cvt_u8_s16(int16_t *restrict o, const uint8_t *restrict a, int n) { for (int i = 0; i < n; i++) o[i] = (int16_t)(a[i] * 3 - 200); }
NI static void cvt_s32_s16_sat(int16_t *restrict o, const int32_t *restrict a, int n) {
  for (int i = 0; i < n; i++) { int32_t v = a[i] >> 12; o[i] = (int16_t)(v > 32767 ? 32767 : v < -32768 ? -32768 : v); }
}
NI static void cvt_s8_s64(int64_t *restrict o, const int8_t *restrict a, int n) { for (int i = 0; i < n; i++) o[i] = a[i]; }
NI static void cvt_f32_f16(_Float16 *restrict o, const float *restrict a, int n) { for (int i = 0; i < n; i++) o[i] = (_Float16)a[i]; }
NI static void cvt_f16_f32(float *restrict o, const _Float16 *restrict a, int n) { for (int i = 0; i < n; i++) o[i] = (float)a[i]; }
NI static void cvt_s16_f16(_Float16 *restrict o, const int16_t *restrict a, int n) { for (int i = 0; i < n; i++) o[i] = (_Float16)(a[i] >> 4); }

int main(void) {
  for (int i = 0; i < N; i++) {
    uint32_t r = next();
    u8a[i] = (uint8_t)r; u8b[i] = (uint8_t)(r >> 8);
    s8a[i] = (int8_t)(r >> 16); s8b[i] = (int8_t)(r >> 24);
    s16a[i] = (int16_t)next(); s16b[i] = (int16_t)next();
    s32a[i] = (int32_t)next(); s32b[i] = (int32_t)next();
    s64a[i] = (int64_t)((uint64_t)next() << 32 | next());
    fa[i] = (float)(int32_t)next() / 65536.0f; fb[i] = (float)(int16_t)next() / 256.0f;
    da[i] = (double)(int32_t)next() / 3.0;
    ha[i] = (_Float16)((int)(next() % 4001) - 2000) / (_Float16)64; hb[i] = (_Float16)((int)(next() % 201) - 100) / (_Float16)8;
  }
  u8a[5] = 0; s32a[7] = INT32_MAX; fa[9] = 1e9f; fa[10] = -1e9f; fa[11] = 3e9f; da[3] = 1e300; da[4] = -0.0;

  for (int n = N - 16; n <= N; n += 5) { /* different epilogue lengths */
    printf("n=%d sum_s32 %d sum_s16 %lld sum_u8 %u max %d min %u sad %u\n", n, sum_s32(s32a, n),
           (long long)sum_s16_wide(s16a, n), sum_u8(u8a, n), max_s32(s32a, n), min_u8(u8a + 6, n - 6), sad_u8(u8a, u8b, n));
    printf("  dot_u8 %u dot_s8 %d dot_s16 %lld xor_s64 %016llx\n", dot_u8(u8a, u8b, n), dot_s8(s8a, s8b, n),
           (long long)dot_s16(s16a, s16b, n), (unsigned long long)xor_s64(s64a, n));
    printf("  sum_f32 %08x dot_f32 %08x sum_f64 %016llx max_f32 %08x\n", bits(sum_f32(fb, n)), bits(dot_f32(fa, fb, n)),
           (unsigned long long)dbits(sum_f64(da, n)), bits(max_f32(fa, n)));
  }

  static float y[N];
  static double yd[N];
  memcpy(y, fb, sizeof y);
  for (int k = 0; k < 5; k++) saxpy(y, fa, 0.75f - 0.25f * (float)k, N);
  mix(y, sizeof y);
  printf("saxpy %016llx y[0] %08x y[N-1] %08x\n", (unsigned long long)fnv, bits(y[0]), bits(y[N - 1]));
  memcpy(yd, da, sizeof yd);
  daxpy(yd, fa, 1.0 / 3, N);
  mix(yd, sizeof yd);
  printf("daxpy %016llx\n", (unsigned long long)fnv);
  f32_ops(fc, fa, fb, N);
  mix(fc, sizeof fc);
  printf("f32_ops %016llx\n", (unsigned long long)fnv);
  h16_ops(hc, ha, hb, N);
  mix(hc, sizeof hc);
  printf("h16_ops %016llx\n", (unsigned long long)fnv);

  static uint32_t h[256], h4[4][256];
  histogram(h, u8a, N);
  histogram(h, u8b, N);
  histogram4(h4, u8a, N);
  uint32_t hmax = 0, hsum = 0;
  int hmaxi = 0, agree = 1;
  for (int i = 0; i < 256; i++) {
    if (h[i] > hmax) { hmax = h[i]; hmaxi = i; }
    hsum += h[i];
    uint32_t c = 0;
    for (int j = 0; j < N; j++) c += u8a[j] == i;
    if (h4[0][i] + h4[1][i] + h4[2][i] + h4[3][i] != c) agree = 0;
  }
  mix(h, sizeof h);
  mix(h4, sizeof h4);
  printf("histogram total %u max %u at %d, 4-way %s, %016llx\n", hsum, hmax, hmaxi, agree ? "agrees" : "DIFFERS", (unsigned long long)fnv);

  static uint8_t c8[N];
  static int32_t c32[N];
  static uint16_t c16[N];
  clamp_add_u8(c8, u8a, u8b, N); mix(c8, sizeof c8);
  avg_u8(c8, u8a, u8b, N); mix(c8, sizeof c8);
  select_s32(c32, s32a, s32b, N); mix(c32, sizeof c32);
  mulhi_s32(c32, s32a, s32b, N); mix(c32, sizeof c32);
  shifts_u16(c16, s16a, N); mix(c16, sizeof c16);
  printf("elementwise int %016llx\n", (unsigned long long)fnv);

  static float of[N];
  static int32_t oi[N];
  static uint8_t ob[N];
  static double od[N];
  static int64_t ol[N];
  static int16_t os[N];
  static _Float16 oh[N];
  cvt_s32_f32(of, s32a, N); mix(of, sizeof of); printf("s32->f32 %016llx %08x\n", (unsigned long long)fnv, bits(of[7]));
  cvt_f32_s32(oi, fa, N); mix(oi, sizeof oi); printf("f32->s32 %016llx %d %d %d\n", (unsigned long long)fnv, oi[9], oi[10], oi[11]);
  cvt_f32_u8(ob, fb, N); mix(ob, sizeof ob); printf("f32->u8 %016llx\n", (unsigned long long)fnv);
  cvt_f32_f64(od, fa, N); mix(od, sizeof od); printf("f32->f64 %016llx\n", (unsigned long long)fnv);
  cvt_f64_f32(of, da, N); mix(of, sizeof of); printf("f64->f32 %016llx %08x %08x\n", (unsigned long long)fnv, bits(of[3]), bits(of[4]));
  cvt_f64_s64(ol, da, N); mix(ol, sizeof ol); printf("f64->s64 %016llx %lld\n", (unsigned long long)fnv, (long long)ol[3]);
  cvt_s64_f64(od, s64a, N); mix(od, sizeof od); printf("s64->f64 %016llx\n", (unsigned long long)fnv);
  cvt_u8_s16(os, u8a, N); mix(os, sizeof os); printf("u8->s16 %016llx\n", (unsigned long long)fnv);
  cvt_s32_s16_sat(os, s32a, N); mix(os, sizeof os); printf("s32->s16 sat %016llx\n", (unsigned long long)fnv);
  cvt_s8_s64(ol, s8a, N); mix(ol, sizeof ol); printf("s8->s64 %016llx\n", (unsigned long long)fnv);
  cvt_f32_f16(oh, fa, N); mix(oh, sizeof oh); printf("f32->f16 %016llx\n", (unsigned long long)fnv);
  cvt_f16_f32(of, ha, N); mix(of, sizeof of); printf("f16->f32 %016llx\n", (unsigned long long)fnv);
  cvt_s16_f16(oh, s16a, N); mix(oh, sizeof oh); printf("s16->f16 %016llx\n", (unsigned long long)fnv);
  return 0;
}
