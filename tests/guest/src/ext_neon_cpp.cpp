// C++17 with NEON intrinsics: a small templated vector wrapper with operator
// overloads over float32x4_t/int32x4_t/float16x8_t, a 4x4 float matrix
// product with vfmaq_laneq_f32, an 8x8 byte transpose with vtrn/vzip,
// std::array + std::sort + lambdas over vector lanes. printf only (no
// iostream, to keep the static binary small). Built with
// -O3 -march=armv8.2-a+crypto+dotprod+fp16.
#include <arm_neon.h>
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <numeric>

namespace {

template <typename V> struct Traits;
template <> struct Traits<float32x4_t> {
  using T = float;
  static constexpr int lanes = 4;
  static float32x4_t add(float32x4_t a, float32x4_t b) { return vaddq_f32(a, b); }
  static float32x4_t mul(float32x4_t a, float32x4_t b) { return vmulq_f32(a, b); }
  static float32x4_t load(const float *p) { return vld1q_f32(p); }
  static void store(float *p, float32x4_t v) { vst1q_f32(p, v); }
};
template <> struct Traits<int32x4_t> {
  using T = int32_t;
  static constexpr int lanes = 4;
  static int32x4_t add(int32x4_t a, int32x4_t b) { return vaddq_s32(a, b); }
  static int32x4_t mul(int32x4_t a, int32x4_t b) { return vmulq_s32(a, b); }
  static int32x4_t load(const int32_t *p) { return vld1q_s32(p); }
  static void store(int32_t *p, int32x4_t v) { vst1q_s32(p, v); }
};
template <> struct Traits<float16x8_t> {
  using T = float16_t;
  static constexpr int lanes = 8;
  static float16x8_t add(float16x8_t a, float16x8_t b) { return vaddq_f16(a, b); }
  static float16x8_t mul(float16x8_t a, float16x8_t b) { return vmulq_f16(a, b); }
  static float16x8_t load(const float16_t *p) { return vld1q_f16(p); }
  static void store(float16_t *p, float16x8_t v) { vst1q_f16(p, v); }
};

template <typename V> class Vec {
 public:
  using Tr = Traits<V>;
  using T = typename Tr::T;
  explicit Vec(const T *p) : v_(Tr::load(p)) {}
  explicit Vec(V v) : v_(v) {}
  Vec operator+(const Vec &o) const { return Vec(Tr::add(v_, o.v_)); }
  Vec operator*(const Vec &o) const { return Vec(Tr::mul(v_, o.v_)); }
  std::array<T, Tr::lanes> lanes() const {
    std::array<T, Tr::lanes> a;
    Tr::store(a.data(), v_);
    return a;
  }
 private:
  V v_;
};

template <typename T> void print_bits(const char *label, const T *p, int n) {
  std::printf("%-16s", label);
  for (int i = 0; i < n; i++) {
    uint64_t u = 0;
    std::memcpy(&u, &p[i], sizeof(T));
    std::printf(" %0*llx", int(2 * sizeof(T)), (unsigned long long)u);
  }
  std::printf("\n");
}

void matmul4(float *c, const float *a, const float *b) {
  float32x4_t b0 = vld1q_f32(b), b1 = vld1q_f32(b + 4), b2 = vld1q_f32(b + 8), b3 = vld1q_f32(b + 12);
  for (int r = 0; r < 4; r++) {
    float32x4_t ar = vld1q_f32(a + 4 * r);
    float32x4_t acc = vmulq_laneq_f32(b0, ar, 0);
    acc = vfmaq_laneq_f32(acc, b1, ar, 1);
    acc = vfmaq_laneq_f32(acc, b2, ar, 2);
    acc = vfmaq_laneq_f32(acc, b3, ar, 3);
    vst1q_f32(c + 4 * r, acc);
  }
}

void transpose8x8(uint8_t out[64], const uint8_t in[64]) {
  uint8x8_t r[8];
  for (int i = 0; i < 8; i++) r[i] = vld1_u8(in + 8 * i);
  uint8x8x2_t t01 = vtrn_u8(r[0], r[1]), t23 = vtrn_u8(r[2], r[3]), t45 = vtrn_u8(r[4], r[5]), t67 = vtrn_u8(r[6], r[7]);
  uint16x4x2_t u02 = vtrn_u16(vreinterpret_u16_u8(t01.val[0]), vreinterpret_u16_u8(t23.val[0]));
  uint16x4x2_t u13 = vtrn_u16(vreinterpret_u16_u8(t01.val[1]), vreinterpret_u16_u8(t23.val[1]));
  uint16x4x2_t u46 = vtrn_u16(vreinterpret_u16_u8(t45.val[0]), vreinterpret_u16_u8(t67.val[0]));
  uint16x4x2_t u57 = vtrn_u16(vreinterpret_u16_u8(t45.val[1]), vreinterpret_u16_u8(t67.val[1]));
  uint32x2x2_t w04 = vtrn_u32(vreinterpret_u32_u16(u02.val[0]), vreinterpret_u32_u16(u46.val[0]));
  uint32x2x2_t w15 = vtrn_u32(vreinterpret_u32_u16(u13.val[0]), vreinterpret_u32_u16(u57.val[0]));
  uint32x2x2_t w26 = vtrn_u32(vreinterpret_u32_u16(u02.val[1]), vreinterpret_u32_u16(u46.val[1]));
  uint32x2x2_t w37 = vtrn_u32(vreinterpret_u32_u16(u13.val[1]), vreinterpret_u32_u16(u57.val[1]));
  uint32x2_t rows[8] = {w04.val[0], w15.val[0], w26.val[0], w37.val[0], w04.val[1], w15.val[1], w26.val[1], w37.val[1]};
  for (int i = 0; i < 8; i++) vst1_u8(out + 8 * i, vreinterpret_u8_u32(rows[i]));
}

}  // namespace

int main() {
  const float fa[4] = {1.5f, -2.25f, 3.0e-3f, 1.0e20f}, fb[4] = {0.1f, 4.0f, -7.5f, 1.0e20f};
  auto fs = (Vec<float32x4_t>(fa) * Vec<float32x4_t>(fb) + Vec<float32x4_t>(fa)).lanes();
  print_bits("f32 a*b+a", fs.data(), 4);
  const int32_t ia[4] = {INT32_MAX, -7, 100000, 12345}, ib[4] = {2, 3, 100000, -54321};
  auto is = (Vec<int32x4_t>(ia) * Vec<int32x4_t>(ib) + Vec<int32x4_t>(ib)).lanes();
  print_bits("s32 a*b+b", is.data(), 4);
  float16_t ha[8], hb[8];
  for (int i = 0; i < 8; i++) { ha[i] = float16_t(i * 1.25f - 3.0f); hb[i] = float16_t(100.0f / (i + 1)); }
  auto hs = (Vec<float16x8_t>(ha) * Vec<float16x8_t>(hb) + Vec<float16x8_t>(hb)).lanes();
  print_bits("f16 a*b+b", hs.data(), 8);

  float m[16], n[16], p[16];
  for (int i = 0; i < 16; i++) { m[i] = float(i % 5) - 1.5f; n[i] = 1.0f / float(i + 1); }
  matmul4(p, m, n);
  matmul4(n, p, m);
  print_bits("matmul4 row0", n, 4);
  print_bits("matmul4 row3", n + 12, 4);
  float trace = 0;
  for (int i = 0; i < 4; i++) trace += n[5 * i];
  print_bits("trace", &trace, 1);

  uint8_t img[64], tr[64], back[64];
  for (int i = 0; i < 64; i++) img[i] = uint8_t(i * 37 + 11);
  transpose8x8(tr, img);
  transpose8x8(back, tr);
  bool ok = std::memcmp(back, img, 64) == 0;
  for (int r = 0; r < 8; r++)
    for (int c = 0; c < 8; c++) ok = ok && tr[8 * r + c] == img[8 * c + r];
  print_bits("transpose row1", tr + 8, 8);
  std::printf("transpose %s\n", ok ? "ok" : "BAD");

  std::array<uint32_t, 64> vals{};
  uint32_t s = 7;
  for (auto &v : vals) { s = s * 1664525u + 1013904223u; v = s >> 8; }
  auto popcount = [](uint32_t x) { return unsigned(vaddv_u8(vcnt_u8(vcreate_u8(x)))); };
  std::sort(vals.begin(), vals.end(), [&](uint32_t x, uint32_t y) {
    unsigned px = popcount(x), py = popcount(y);
    return px != py ? px < py : x < y;
  });
  std::printf("by popcount: first %u (%u bits) last %u (%u bits)\n", vals.front(), popcount(vals.front()), vals.back(),
              popcount(vals.back()));
  std::sort(vals.begin(), vals.end());
  uint32x4_t acc = vdupq_n_u32(0);
  for (size_t i = 0; i < vals.size(); i += 4) acc = vaddq_u32(acc, vld1q_u32(vals.data() + i));
  uint64_t total = std::accumulate(vals.begin(), vals.end(), uint64_t{0});
  std::printf("sorted first %u last %u lane-sum %u accumulate %llu\n", vals.front(), vals.back(), vaddvq_u32(acc),
              (unsigned long long)total);
  return ok ? 0 : 1;
}
