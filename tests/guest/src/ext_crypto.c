/* ARMv8 Crypto Extension intrinsics (arm_neon.h) checked against plain-C
 * references in the same program: AES-128 with vaeseq_u8/vaesmcq_u8 (and
 * vaesdq_u8/vaesimcq_u8 to decrypt) against FIPS-197 C.1 and a table-free C
 * AES; SHA-256 with vsha256hq_u32/vsha256h2q_u32/vsha256su0q_u32/
 * vsha256su1q_u32 against FIPS 180 "abc" and a C SHA-256 over many lengths;
 * polynomial multiplies vmull_p64/vmull_high_p64/vmull_p8 against a bitwise
 * carry-less multiply. Built with -O3 -march=armv8.2-a+crypto+dotprod+fp16. */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int bad;
static uint32_t rng = 0x2545f491;
static uint32_t next(void) { rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5; return rng; }

static void hex(const char *label, const uint8_t *p, size_t n) {
  printf("%s", label);
  for (size_t i = 0; i < n; i++) printf("%02x", p[i]);
  printf("\n");
}

/* ---------- AES reference (S-box computed, no tables copied) ---------- */
static uint8_t sbox[256], inv_sbox[256];

static uint8_t xtime(uint8_t x) { return (uint8_t)((x << 1) ^ ((x >> 7) * 0x1b)); }
static uint8_t gmul(uint8_t a, uint8_t b) {
  uint8_t r = 0;
  while (b) { if (b & 1) r ^= a; a = xtime(a); b >>= 1; }
  return r;
}
static void init_sbox(void) {
  for (int i = 0; i < 256; i++) {
    uint8_t inv = 0;
    if (i) for (int j = 1; j < 256; j++) if (gmul((uint8_t)i, (uint8_t)j) == 1) { inv = (uint8_t)j; break; }
    uint8_t s = inv, x = inv;
    for (int k = 0; k < 4; k++) { x = (uint8_t)((x << 1) | (x >> 7)); s ^= x; }
    sbox[i] = s ^ 0x63;
    inv_sbox[sbox[i]] = (uint8_t)i;
  }
}
static void expand_key(const uint8_t key[16], uint8_t rk[11][16]) {
  memcpy(rk[0], key, 16);
  uint8_t rcon = 1;
  for (int r = 1; r <= 10; r++) {
    uint8_t t[4] = {sbox[rk[r - 1][13]], sbox[rk[r - 1][14]], sbox[rk[r - 1][15]], sbox[rk[r - 1][12]]};
    t[0] ^= rcon;
    rcon = xtime(rcon);
    for (int i = 0; i < 16; i++) {
      rk[r][i] = rk[r - 1][i] ^ t[i & 3];
      if ((i & 3) == 3) memcpy(t, &rk[r][i - 3], 4);
    }
  }
}
static void ref_aes_encrypt(const uint8_t rk[11][16], const uint8_t in[16], uint8_t out[16]) {
  uint8_t s[16], t[16];
  for (int i = 0; i < 16; i++) s[i] = in[i] ^ rk[0][i];
  for (int r = 1; r <= 10; r++) {
    for (int i = 0; i < 16; i++) t[i] = sbox[s[(i + 4 * (i & 3)) & 15]]; /* SubBytes + ShiftRows */
    if (r < 10) {
      for (int c = 0; c < 4; c++) {
        uint8_t *col = &t[4 * c], a0 = col[0], a1 = col[1], a2 = col[2], a3 = col[3];
        col[0] = gmul(a0, 2) ^ gmul(a1, 3) ^ a2 ^ a3;
        col[1] = a0 ^ gmul(a1, 2) ^ gmul(a2, 3) ^ a3;
        col[2] = a0 ^ a1 ^ gmul(a2, 2) ^ gmul(a3, 3);
        col[3] = gmul(a0, 3) ^ a1 ^ a2 ^ gmul(a3, 2);
      }
    }
    for (int i = 0; i < 16; i++) s[i] = t[i] ^ rk[r][i];
  }
  memcpy(out, s, 16);
}

/* ---------- AES with the intrinsics ---------- */
static void neon_aes_encrypt(const uint8_t rk[11][16], const uint8_t in[16], uint8_t out[16]) {
  uint8x16_t s = vld1q_u8(in);
  for (int r = 0; r < 9; r++) s = vaesmcq_u8(vaeseq_u8(s, vld1q_u8(rk[r])));
  s = vaeseq_u8(s, vld1q_u8(rk[9]));
  vst1q_u8(out, veorq_u8(s, vld1q_u8(rk[10])));
}
static void neon_aes_decrypt(const uint8_t rk[11][16], const uint8_t in[16], uint8_t out[16]) {
  /* equivalent inverse cipher: InvMixColumns applied to round keys 1..9 */
  uint8x16_t s = vld1q_u8(in);
  s = vaesimcq_u8(vaesdq_u8(s, vld1q_u8(rk[10])));
  for (int r = 9; r > 1; r--) s = vaesimcq_u8(vaesdq_u8(s, vaesimcq_u8(vld1q_u8(rk[r]))));
  s = vaesdq_u8(s, vaesimcq_u8(vld1q_u8(rk[1])));
  vst1q_u8(out, veorq_u8(s, vld1q_u8(rk[0])));
}

static void test_aes(void) {
  init_sbox();
  printf("sbox[00]=%02x sbox[53]=%02x sbox[ff]=%02x inv_sbox[ed]=%02x\n", sbox[0], sbox[0x53], sbox[0xff], inv_sbox[0xed]);
  uint8_t key[16], pt[16], ct[16], ref[16], back[16], rk[11][16];
  for (int i = 0; i < 16; i++) { key[i] = (uint8_t)i; pt[i] = (uint8_t)(i * 0x11); }
  expand_key(key, rk);
  hex("aes128 round key 10: ", rk[10], 16);
  neon_aes_encrypt(rk, pt, ct);
  ref_aes_encrypt(rk, pt, ref);
  static const uint8_t fips[16] = {0x69, 0xc4, 0xe0, 0xd8, 0x6a, 0x7b, 0x04, 0x30,
                                   0xd8, 0xcd, 0xb7, 0x80, 0x70, 0xb4, 0xc5, 0x5a};
  hex("aes128 FIPS-197 C.1 ciphertext: ", ct, 16);
  if (memcmp(ct, fips, 16) || memcmp(ref, fips, 16)) { printf("AES FIPS vector BAD\n"); bad++; }
  neon_aes_decrypt(rk, ct, back);
  hex("aes128 decrypted: ", back, 16);
  if (memcmp(back, pt, 16)) { printf("AES decrypt BAD\n"); bad++; }

  /* Random keys and blocks, CBC-style chaining, against the C reference. */
  uint32_t sum = 0;
  int mism = 0;
  for (int k = 0; k < 8; k++) {
    for (int i = 0; i < 16; i++) key[i] = (uint8_t)next();
    expand_key(key, rk);
    for (int i = 0; i < 16; i++) pt[i] = (uint8_t)next();
    for (int b = 0; b < 16; b++) {
      neon_aes_encrypt(rk, pt, ct);
      ref_aes_encrypt(rk, pt, ref);
      neon_aes_decrypt(rk, ct, back);
      if (memcmp(ct, ref, 16) || memcmp(back, pt, 16)) mism++;
      for (int i = 0; i < 16; i++) { sum = sum * 33 + ct[i]; pt[i] = ct[i] ^ (uint8_t)b; }
    }
  }
  printf("aes128 random: 128 blocks, %d mismatches, checksum %08x\n", mism, sum);
  bad += mism;
}

/* ---------- SHA-256 ---------- */
static const uint32_t K256[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))
static void ref_sha256_block(uint32_t st[8], const uint8_t *p) {
  uint32_t w[64];
  for (int i = 0; i < 16; i++) w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
  for (int i = 16; i < 64; i++) {
    uint32_t s0 = ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
    uint32_t s1 = ROR(w[i - 2], 17) ^ ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  uint32_t a = st[0], b = st[1], c = st[2], d = st[3], e = st[4], f = st[5], g = st[6], h = st[7];
  for (int i = 0; i < 64; i++) {
    uint32_t t1 = h + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) + ((e & f) ^ (~e & g)) + K256[i] + w[i];
    uint32_t t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    h = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
  }
  st[0] += a; st[1] += b; st[2] += c; st[3] += d; st[4] += e; st[5] += f; st[6] += g; st[7] += h;
}

static void neon_sha256_block(uint32_t st[8], const uint8_t *p) {
  uint32x4_t abcd = vld1q_u32(&st[0]), efgh = vld1q_u32(&st[4]);
  uint32x4_t abcd0 = abcd, efgh0 = efgh;
  uint32x4_t m[4];
  for (int i = 0; i < 4; i++) m[i] = vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(p + 16 * i)));
  for (int i = 0; i < 16; i++) {
    uint32x4_t wk = vaddq_u32(m[i & 3], vld1q_u32(&K256[4 * i]));
    if (i < 12) m[i & 3] = vsha256su1q_u32(vsha256su0q_u32(m[i & 3], m[(i + 1) & 3]), m[(i + 2) & 3], m[(i + 3) & 3]);
    uint32x4_t prev = abcd;
    abcd = vsha256hq_u32(abcd, efgh, wk);
    efgh = vsha256h2q_u32(efgh, prev, wk);
  }
  vst1q_u32(&st[0], vaddq_u32(abcd, abcd0));
  vst1q_u32(&st[4], vaddq_u32(efgh, efgh0));
}

static void sha256(void (*block)(uint32_t *, const uint8_t *), const uint8_t *msg, size_t n, uint8_t out[32]) {
  uint32_t st[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  size_t i = 0;
  for (; i + 64 <= n; i += 64) block(st, msg + i);
  uint8_t tail[128] = {0};
  size_t r = n - i;
  memcpy(tail, msg + i, r);
  tail[r] = 0x80;
  size_t tl = r + 9 <= 64 ? 64 : 128;
  uint64_t bits = (uint64_t)n * 8;
  for (int k = 0; k < 8; k++) tail[tl - 1 - k] = (uint8_t)(bits >> (8 * k));
  for (size_t k = 0; k < tl; k += 64) block(st, tail + k);
  for (int k = 0; k < 8; k++) for (int j = 0; j < 4; j++) out[4 * k + j] = (uint8_t)(st[k] >> (24 - 8 * j));
}

static void test_sha256(void) {
  uint8_t d1[32], d2[32];
  static const uint8_t abc_digest[32] = {
    0xba, 0x78, 0x16, 0xbf, 0x8f, 0x01, 0xcf, 0xea, 0x41, 0x41, 0x40, 0xde, 0x5d, 0xae, 0x22, 0x23,
    0xb0, 0x03, 0x61, 0xa3, 0x96, 0x17, 0x7a, 0x9c, 0xb4, 0x10, 0xff, 0x61, 0xf2, 0x00, 0x15, 0xad};
  sha256(neon_sha256_block, (const uint8_t *)"abc", 3, d1);
  sha256(ref_sha256_block, (const uint8_t *)"abc", 3, d2);
  hex("sha256(\"abc\") = ", d1, 32);
  if (memcmp(d1, abc_digest, 32) || memcmp(d2, abc_digest, 32)) { printf("SHA-256 abc BAD\n"); bad++; }
  const char *m2 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  sha256(neon_sha256_block, (const uint8_t *)m2, strlen(m2), d1);
  sha256(ref_sha256_block, (const uint8_t *)m2, strlen(m2), d2);
  hex("sha256(448-bit FIPS message) = ", d1, 32);
  if (memcmp(d1, d2, 32)) { printf("SHA-256 two-block BAD\n"); bad++; }

  static uint8_t msg[600];
  for (size_t i = 0; i < sizeof msg; i++) msg[i] = (uint8_t)next();
  uint32_t sum = 0;
  int mism = 0;
  for (size_t n = 0; n <= sizeof msg; n += 7) {
    sha256(neon_sha256_block, msg, n, d1);
    sha256(ref_sha256_block, msg, n, d2);
    if (memcmp(d1, d2, 32)) mism++;
    for (int i = 0; i < 32; i++) sum = sum * 31 + d1[i];
  }
  printf("sha256 lengths 0..600 step 7: %d mismatches, checksum %08x\n", mism, sum);
  bad += mism;
}

/* ---------- PMULL ---------- */
static void clmul64(uint64_t a, uint64_t b, uint64_t *lo, uint64_t *hi) {
  uint64_t l = 0, h = 0;
  for (int i = 0; i < 64; i++)
    if ((b >> i) & 1) { l ^= a << i; if (i) h ^= a >> (64 - i); }
  *lo = l; *hi = h;
}

static void test_pmull(void) {
  int mism = 0;
  uint64_t sum = 0;
  static const uint64_t edge[] = {0, 1, ~0ull, 0x8000000000000000ull, 0x87, 0xc200000000000000ull};
  for (int i = 0; i < 6; i++) {
    for (int j = 0; j < 6; j++) {
      poly128_t p = vmull_p64((poly64_t)edge[i], (poly64_t)edge[j]);
      uint64_t lo, hi;
      clmul64(edge[i], edge[j], &lo, &hi);
      uint64x2_t v = vreinterpretq_u64_p128(p);
      if (vgetq_lane_u64(v, 0) != lo || vgetq_lane_u64(v, 1) != hi) mism++;
    }
  }
  uint64_t lo, hi;
  poly128_t p = vmull_p64((poly64_t)~0ull, (poly64_t)~0ull);
  uint64x2_t v = vreinterpretq_u64_p128(p);
  printf("pmull(~0, ~0) = %016llx%016llx\n", (unsigned long long)vgetq_lane_u64(v, 1), (unsigned long long)vgetq_lane_u64(v, 0));
  for (int k = 0; k < 200; k++) {
    uint64_t a0 = (uint64_t)next() << 32 | next(), a1 = (uint64_t)next() << 32 | next();
    uint64_t b0 = (uint64_t)next() << 32 | next(), b1 = (uint64_t)next() << 32 | next();
    poly64x2_t a = vreinterpretq_p64_u64(vcombine_u64(vcreate_u64(a0), vcreate_u64(a1)));
    poly64x2_t b = vreinterpretq_p64_u64(vcombine_u64(vcreate_u64(b0), vcreate_u64(b1)));
    uint64x2_t r0 = vreinterpretq_u64_p128(vmull_p64(vgetq_lane_p64(a, 0), vgetq_lane_p64(b, 0)));
    uint64x2_t r1 = vreinterpretq_u64_p128(vmull_high_p64(a, b));
    clmul64(a0, b0, &lo, &hi);
    if (vgetq_lane_u64(r0, 0) != lo || vgetq_lane_u64(r0, 1) != hi) mism++;
    sum = sum * 0x100000001b3ull ^ lo ^ (hi << 1);
    clmul64(a1, b1, &lo, &hi);
    if (vgetq_lane_u64(r1, 0) != lo || vgetq_lane_u64(r1, 1) != hi) mism++;
    sum = sum * 0x100000001b3ull ^ lo ^ (hi << 1);
    /* 8-bit polynomial multiplies, 8 lanes and the high half */
    uint8_t x[16], y[16];
    for (int i = 0; i < 16; i++) { x[i] = (uint8_t)next(); y[i] = (uint8_t)next(); }
    poly8x16_t px = vreinterpretq_p8_u8(vld1q_u8(x)), py = vreinterpretq_p8_u8(vld1q_u8(y));
    uint16_t rl[8], rh[8];
    vst1q_u16(rl, vreinterpretq_u16_p16(vmull_p8(vget_low_p8(px), vget_low_p8(py))));
    vst1q_u16(rh, vreinterpretq_u16_p16(vmull_high_p8(px, py)));
    uint8_t pm[16];
    vst1q_u8(pm, vreinterpretq_u8_p8(vmulq_p8(px, py)));
    for (int i = 0; i < 16; i++) {
      uint64_t l8, h8;
      clmul64(x[i], y[i], &l8, &h8);
      uint16_t got = i < 8 ? rl[i] : rh[i - 8];
      if (got != (uint16_t)l8 || pm[i] != (uint8_t)l8) mism++;
      sum = sum * 31 + got;
    }
  }
  printf("pmull random: 400 p64 + 3200 p8 products, %d mismatches, checksum %016llx\n", mism, (unsigned long long)sum);
  bad += mism;
}

int main(void) {
  test_aes();
  test_sha256();
  test_pmull();
  printf("%s\n", bad ? "FAIL" : "PASS");
  return bad ? 1 : 0;
}
