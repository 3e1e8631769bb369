/* Advanced SIMD through the ACLE intrinsics of arm_neon.h: loads/stores
 * (vld1q/vst1q, vld2q/vst3q), integer add/mul/multiply-accumulate,
 * saturating arithmetic, pairwise adds, table lookups (vtbl/vqtbl),
 * zip/unzip/transpose, float<->int conversions (vcvtq, rounding variants),
 * dot products (vdotq_u32/vdotq_s32, by-lane), half-precision float16x8_t
 * arithmetic, and reductions. Every result is printed as hex (floats as raw
 * bits). Built with -O3 -march=armv8.2-a+crypto+dotprod+fp16. */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint32_t rng = 0x9e3779b9;
static uint32_t next(void) { rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5; return rng; }

static void p8(const char *l, uint8x16_t v) {
  uint8_t b[16];
  vst1q_u8(b, v);
  printf("%-22s", l);
  for (int i = 0; i < 16; i++) printf("%02x", b[i]);
  printf("\n");
}
#define P(l, v) p8(l, vreinterpretq_u8_##v)
#define PU16(l, v) p8(l, vreinterpretq_u8_u16(v))

static uint8_t A[64], B[64];

int main(void) {
  for (int i = 0; i < 64; i++) { A[i] = (uint8_t)next(); B[i] = (uint8_t)next(); }
  /* edge bytes for saturation */
  A[0] = 0x7f; B[0] = 0x01; A[1] = 0x80; B[1] = 0xff; A[2] = 0xff; B[2] = 0xff; A[3] = 0; B[3] = 0x80;
  uint8x16_t a8 = vld1q_u8(A), b8 = vld1q_u8(B);
  int8x16_t sa8 = vreinterpretq_s8_u8(a8), sb8 = vreinterpretq_s8_u8(b8);
  uint16x8_t a16 = vld1q_u16((const uint16_t *)(A + 16)), b16 = vld1q_u16((const uint16_t *)(B + 16));
  int16x8_t sa16 = vreinterpretq_s16_u16(a16), sb16 = vreinterpretq_s16_u16(b16);
  uint32x4_t a32 = vld1q_u32((const uint32_t *)(A + 32)), b32 = vld1q_u32((const uint32_t *)(B + 32));
  int32x4_t sa32 = vreinterpretq_s32_u32(a32), sb32 = vreinterpretq_s32_u32(b32);
  uint64x2_t a64 = vld1q_u64((const uint64_t *)(A + 48)), b64 = vld1q_u64((const uint64_t *)(B + 48));

  p8("a8", a8);
  p8("b8", b8);
  p8("vaddq_u8", vaddq_u8(a8, b8));
  P("vaddq_u16", u16(vaddq_u16(a16, b16)));
  P("vaddq_u32", u32(vaddq_u32(a32, b32)));
  P("vaddq_u64", u64(vaddq_u64(a64, b64)));
  P("vsubq_s16", s16(vsubq_s16(sa16, sb16)));
  p8("vmulq_u8", vmulq_u8(a8, b8));
  P("vmulq_s16", s16(vmulq_s16(sa16, sb16)));
  P("vmulq_u32", u32(vmulq_u32(a32, b32)));
  p8("vmlaq_u8", vmlaq_u8(a8, b8, a8));
  P("vmlaq_s16", s16(vmlaq_s16(sa16, sb16, sa16)));
  P("vmlaq_u32", u32(vmlaq_u32(a32, b32, a32)));
  P("vmlsq_s32", s32(vmlsq_s32(sa32, sb32, sa32)));
  P("vmlaq_lane_s16", s16(vmlaq_laneq_s16(sa16, sb16, sa16, 5)));
  P("vmull_s16", s32(vmull_s16(vget_low_s16(sa16), vget_low_s16(sb16))));
  P("vmlal_high_u32", u64(vmlal_high_u32(a64, a32, b32)));
  p8("vqaddq_u8", vqaddq_u8(a8, b8));
  P("vqaddq_s8", s8(vqaddq_s8(sa8, sb8)));
  p8("vqsubq_u8", vqsubq_u8(a8, b8));
  P("vqsubq_s8", s8(vqsubq_s8(sa8, sb8)));
  P("vqaddq_s16", s16(vqaddq_s16(sa16, sb16)));
  P("vqaddq_s32", s32(vqaddq_s32(sa32, sb32)));
  P("vqaddq_u64", u64(vqaddq_u64(a64, b64)));
  P("vqdmulhq_s16", s16(vqdmulhq_s16(sa16, sb16)));
  P("vqrdmulhq_s32", s32(vqrdmulhq_s32(sa32, sb32)));
  P("vqmovn_s32", s16(vcombine_s16(vqmovn_s32(sa32), vqmovn_s32(sb32))));
  p8("vqmovun_s16", vcombine_u8(vqmovun_s16(sa16), vqmovun_s16(sb16)));
  p8("vhaddq_u8", vhaddq_u8(a8, b8));
  P("vrhaddq_s8", s8(vrhaddq_s8(sa8, sb8)));
  p8("vabdq_u8", vabdq_u8(a8, b8));
  P("vabaq_s16", s16(vabaq_s16(sa16, sb16, sa16)));
  p8("vpaddq_u8", vpaddq_u8(a8, b8));
  P("vpaddq_u16", u16(vpaddq_u16(a16, b16)));
  P("vpaddq_u32", u32(vpaddq_u32(a32, b32)));
  P("vpaddq_u64", u64(vpaddq_u64(a64, b64)));
  P("vpaddlq_u8", u16(vpaddlq_u8(a8)));
  P("vpadalq_s16", s32(vpadalq_s16(sa32, sb16)));
  p8("vpmaxq_u8", vpmaxq_u8(a8, b8));
  P("vpminq_s16", s16(vpminq_s16(sa16, sb16)));
  printf("%-22s%08x %04x %02x %02x %016llx\n", "reductions", vaddvq_u32(a32), vaddvq_u16(a16), vmaxvq_u8(a8),
         (uint8_t)vminvq_s8(sa8), (unsigned long long)vaddvq_u64(a64));
  printf("%-22s%08x %08llx\n", "vaddlvq", vaddlvq_u8(a8), (unsigned long long)vaddlvq_s32(sa32));

  /* shifts and bit ops */
  P("vshlq_n_u16", u16(vshlq_n_u16(a16, 3)));
  P("vshrq_n_s32", s32(vshrq_n_s32(sa32, 7)));
  p8("vrshrq_n_u8", vrshrq_n_u8(a8, 3));
  P("vshlq_s16 (var)", s16(vshlq_s16(sa16, vdupq_n_s16(-3))));
  p8("vqshlq_u8", vqshlq_u8(a8, vdupq_n_s8(2)));
  P("vsraq_n_u32", u32(vsraq_n_u32(a32, b32, 9)));
  p8("vsliq_n_u8", vsliq_n_u8(a8, b8, 3));
  p8("vbslq_u8", vbslq_u8(vcgtq_u8(a8, b8), a8, b8));
  p8("vcntq_u8", vcntq_u8(a8));
  P("vclzq_u32", u32(vclzq_u32(a32)));
  p8("vrbitq_u8", vrbitq_u8(a8));
  P("vrev64q_u16", u16(vrev64q_u16(a16)));
  p8("vextq_u8 #5", vextq_u8(a8, b8, 5));
  p8("vcltq_s8", vcltq_s8(sa8, sb8));
  P("vtstq_u32", u32(vtstq_u32(a32, b32)));

  /* table lookups: out-of-range indices give 0 (vtbl) or keep (vtbx) */
  uint8_t tbl[32];
  for (int i = 0; i < 32; i++) tbl[i] = (uint8_t)(0xa0 + i);
  uint8x8x2_t t2 = {{vld1_u8(tbl), vld1_u8(tbl + 8)}};
  uint8x8_t idx8 = vand_u8(vget_low_u8(a8), vdup_n_u8(0x1f));
  p8("vtbl1/vtbl2_u8", vcombine_u8(vtbl1_u8(vld1_u8(tbl), idx8), vtbl2_u8(t2, idx8)));
  p8("vtbx1_u8", vcombine_u8(vtbx1_u8(vget_high_u8(b8), vld1_u8(tbl), idx8), vtbx2_u8(vget_low_u8(b8), t2, idx8)));
  uint8x16x2_t q2 = {{vld1q_u8(tbl), vld1q_u8(tbl + 16)}};
  uint8x16_t idx16 = vandq_u8(b8, vdupq_n_u8(0x3f));
  p8("vqtbl1q_u8", vqtbl1q_u8(q2.val[0], idx16));
  p8("vqtbl2q_u8", vqtbl2q_u8(q2, idx16));
  p8("vqtbx2q_u8", vqtbx2q_u8(a8, q2, idx16));

  /* permutes */
  uint8x16x2_t z = vzipq_u8(a8, b8), u = vuzpq_u8(a8, b8), tr = vtrnq_u8(a8, b8);
  p8("vzipq_u8.0", z.val[0]);
  p8("vzipq_u8.1", z.val[1]);
  p8("vuzpq_u8.0", u.val[0]);
  p8("vuzpq_u8.1", u.val[1]);
  p8("vtrnq_u8.0", tr.val[0]);
  p8("vtrnq_u8.1", tr.val[1]);
  uint16x8x2_t z16 = vzipq_u16(a16, b16);
  PU16("vzipq_u16.1", z16.val[1]);
  P("vzip1q_u32", u32(vzip1q_u32(a32, b32)));
  P("vuzp2q_u32", u32(vuzp2q_u32(a32, b32)));
  P("vtrn1q_u16", u16(vtrn1q_u16(a16, b16)));

  /* structured loads/stores */
  uint8x16x2_t l2 = vld2q_u8(A);
  p8("vld2q_u8.1", l2.val[1]);
  uint8x16x3_t l3 = vld3q_u8(B);
  uint8_t out[64];
  vst3q_u8(out, (uint8x16x3_t){{l3.val[2], l3.val[0], l3.val[1]}});
  p8("vld3q/vst3q", vld1q_u8(out + 16));
  uint16x4x4_t l4 = vld4_u16((const uint16_t *)A);
  PU16("vld4_u16.3", vcombine_u16(l4.val[3], l4.val[0]));
  uint32x4_t dup = vld1q_dup_u32((const uint32_t *)(B + 4));
  P("vld1q_dup_u32", u32(dup));
  uint32x4_t ln = vld1q_lane_u32((const uint32_t *)(B + 8), a32, 2);
  P("vld1q_lane_u32", u32(ln));

  /* conversions */
  float fin[8] = {1.5f, -2.5f, 2.5f, -0.4999f, 3.0e9f, -3.0e9f, 1.0e-40f, 123456.789f};
  for (int h = 0; h < 2; h++) {
    float32x4_t f = vld1q_f32(fin + 4 * h);
    P("vcvtq_s32_f32", s32(vcvtq_s32_f32(f)));
    P("vcvtq_u32_f32", u32(vcvtq_u32_f32(f)));
    P("vcvtnq_s32_f32", s32(vcvtnq_s32_f32(f)));
    P("vcvtaq_s32_f32", s32(vcvtaq_s32_f32(f)));
    P("vcvtmq_s32_f32", s32(vcvtmq_s32_f32(f)));
    P("vcvtpq_s32_f32", s32(vcvtpq_s32_f32(f)));
    P("vcvtq_n_s32_f32 #8", s32(vcvtq_n_s32_f32(f, 8)));
    P("vrndnq_f32", f32(vrndnq_f32(f)));
  }
  P("vcvtq_f32_s32", f32(vcvtq_f32_s32(sa32)));
  P("vcvtq_f32_u32", f32(vcvtq_f32_u32(a32)));
  P("vcvtq_n_f32_u32 #16", f32(vcvtq_n_f32_u32(a32, 16)));
  float64x2_t d = vcvt_f64_f32(vcvt_f32_s32(vget_low_s32(sa32)));
  P("vcvt_f64_f32", f64(d));
  P("vcvtq_s64_f64", s64(vcvtq_s64_f64(vmulq_n_f64(d, 1.0 / 3))));
  P("vcvt_f32_f64", f32(vcombine_f32(vcvt_f32_f64(vdivq_f64(d, vdupq_n_f64(7.0))), vdup_n_f32(0))));
  P("vcvtxn_f32_f64", f32(vcombine_f32(vcvtx_f32_f64(vdivq_f64(d, vdupq_n_f64(7.0))), vdup_n_f32(0))));

  /* float arithmetic */
  float32x4_t fa = vcvtq_f32_s32(vshrq_n_s32(sa32, 8)), fb = vcvtq_f32_s32(vshrq_n_s32(sb32, 12));
  P("vaddq_f32", f32(vaddq_f32(fa, fb)));
  P("vmulq_f32", f32(vmulq_f32(fa, fb)));
  P("vmlaq_f32", f32(vmlaq_f32(fa, fb, fb)));
  P("vfmaq_f32", f32(vfmaq_f32(fa, fb, fb)));
  P("vdivq_f32", f32(vdivq_f32(fa, fb)));
  P("vsqrtq_f32", f32(vsqrtq_f32(vabsq_f32(fa))));
  P("vrecpeq_f32", f32(vrecpeq_f32(fb)));
  P("vrsqrteq_f32", f32(vrsqrteq_f32(vabsq_f32(fb))));
  P("vrecpsq_f32", f32(vrecpsq_f32(fa, fb)));
  P("vpaddq_f32", f32(vpaddq_f32(fa, fb)));
  P("vmaxnmq_f32", f32(vmaxnmq_f32(fa, fb)));
  printf("%-22s%a %a\n", "vaddvq/vmaxvq_f32", vaddvq_f32(fa), vmaxvq_f32(fb));

  /* dot products */
  P("vdotq_u32", u32(vdotq_u32(a32, a8, b8)));
  P("vdotq_s32", s32(vdotq_s32(sa32, sa8, sb8)));
  P("vdotq_laneq_u32 #3", u32(vdotq_laneq_u32(a32, a8, b8, 3)));
  P("vdotq_lane_s32 #1", s32(vdotq_lane_s32(sa32, sa8, vget_low_s8(sb8), 1)));
  P("vdot_u32", u32(vcombine_u32(vdot_u32(vget_low_u32(a32), vget_low_u8(a8), vget_high_u8(b8)), vdup_n_u32(0))));
  uint32x4_t acc = vdupq_n_u32(0);
  int32x4_t sacc = vdupq_n_s32(0);
  for (int i = 0; i < 64; i += 16) {
    acc = vdotq_u32(acc, vld1q_u8(A + i), vld1q_u8(B + i));
    sacc = vdotq_s32(sacc, vld1q_s8((const int8_t *)A + i), vld1q_s8((const int8_t *)B + i));
  }
  uint32_t udot_ref = 0;
  int32_t sdot_ref = 0;
  for (int i = 0; i < 64; i++) { udot_ref += (uint32_t)A[i] * B[i]; sdot_ref += (int8_t)A[i] * (int8_t)B[i]; }
  printf("%-22s%u %d (ref %u %d)\n", "dot 64 bytes", vaddvq_u32(acc), vaddvq_s32(sacc), udot_ref, sdot_ref);

  /* half precision */
  float16_t h1[8], h2[8];
  for (int i = 0; i < 8; i++) {
    h1[i] = (float16_t)((int)(next() % 2001) - 1000) / (float16_t)16;
    h2[i] = (float16_t)((int)(next() % 401) - 200) / (float16_t)8;
  }
  h1[7] = (float16_t)65504.0f; h2[7] = (float16_t)2.0f;
  float16x8_t ha = vld1q_f16(h1), hb = vld1q_f16(h2);
  P("float16 a", f16(ha));
  P("float16 b", f16(hb));
  P("vaddq_f16", f16(vaddq_f16(ha, hb)));
  P("vsubq_f16", f16(vsubq_f16(ha, hb)));
  P("vmulq_f16", f16(vmulq_f16(ha, hb)));
  P("vdivq_f16", f16(vdivq_f16(ha, hb)));
  P("vfmaq_f16", f16(vfmaq_f16(ha, hb, hb)));
  P("vfmsq_f16", f16(vfmsq_f16(ha, ha, hb)));
  P("vmaxq_f16", f16(vmaxq_f16(ha, hb)));
  P("vminnmq_f16", f16(vminnmq_f16(ha, hb)));
  P("vabsq/vnegq_f16", f16(vnegq_f16(vabsq_f16(ha))));
  P("vsqrtq_f16", f16(vsqrtq_f16(vabsq_f16(hb))));
  P("vrndnq_f16", f16(vrndnq_f16(hb)));
  P("vpaddq_f16", f16(vpaddq_f16(ha, hb)));
  P("vcgtq_f16", u16(vcgtq_f16(ha, hb)));
  P("vcvtq_s16_f16", s16(vcvtq_s16_f16(ha)));
  P("vcvtq_f16_s16", f16(vcvtq_f16_s16(sa16)));
  P("vcvt_f32_f16 lo", f32(vcvt_f32_f16(vget_low_f16(ha))));
  P("vcvt_high_f32_f16", f32(vcvt_high_f32_f16(ha)));
  P("vcvt_f16_f32", f16(vcombine_f16(vcvt_f16_f32(fa), vcvt_f16_f32(vmulq_n_f32(fb, 1e-3f)))));
  printf("%-22s%04x %04x\n", "vmaxvq/vminnmvq_f16", (unsigned)vreinterpret_u16_f16(vdup_n_f16(vmaxvq_f16(ha)))[0],
         (unsigned)vreinterpret_u16_f16(vdup_n_f16(vminnmvq_f16(hb)))[0]);

  /* a short running checksum over a loop of mixed intrinsics */
  uint32x4_t h = vdupq_n_u32(0x811c9dc5);
  for (int r = 0; r < 1000; r++) {
    uint8x16_t x = vld1q_u8(A + (r & 31) + 0), y = vld1q_u8(B + ((r * 7) & 31));
    uint8x16_t m = vqaddq_u8(vmulq_u8(x, y), vqtbl1q_u8(x, vandq_u8(y, vdupq_n_u8(15))));
    h = vmlaq_u32(vreinterpretq_u32_u8(m), h, vdupq_n_u32(0x01000193));
    h = veorq_u32(h, vshrq_n_u32(h, 15));
    h = vdotq_u32(h, m, x);
  }
  P("loop checksum", u32(h));
  return 0;
}
