/* CRC32 (poly 0x04C11DB7, reflected 0xEDB88320) and CRC32C (Castagnoli,
 * reflected 0x82F63B78) through the ACLE intrinsics of arm_acle.h
 * (__crc32b/h/w/d, __crc32cb/h/w/d), checked against bitwise references on
 * buffers of every length 0..300 at every start alignment 0..7, plus the
 * standard "123456789" check values. Built with
 * -O3 -march=armv8.2-a+crypto+dotprod+fp16. */
#include <arm_acle.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint32_t ref_crc(uint32_t crc, const uint8_t *p, size_t n, uint32_t poly) {
  for (size_t i = 0; i < n; i++) {
    crc ^= p[i];
    for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (poly & -(crc & 1));
  }
  return crc;
}

/* Mixed-width intrinsic walk: bytes up to 8-byte alignment, then d/w/h/b. */
static uint32_t hw_crc32(uint32_t crc, const uint8_t *p, size_t n) {
  while (n && ((uintptr_t)p & 7)) { crc = __crc32b(crc, *p++); n--; }
  while (n >= 8) { uint64_t v; memcpy(&v, p, 8); crc = __crc32d(crc, v); p += 8; n -= 8; }
  if (n >= 4) { uint32_t v; memcpy(&v, p, 4); crc = __crc32w(crc, v); p += 4; n -= 4; }
  if (n >= 2) { uint16_t v; memcpy(&v, p, 2); crc = __crc32h(crc, v); p += 2; n -= 2; }
  if (n) crc = __crc32b(crc, *p);
  return crc;
}

static uint32_t hw_crc32c(uint32_t crc, const uint8_t *p, size_t n) {
  while (n && ((uintptr_t)p & 7)) { crc = __crc32cb(crc, *p++); n--; }
  while (n >= 8) { uint64_t v; memcpy(&v, p, 8); crc = __crc32cd(crc, v); p += 8; n -= 8; }
  if (n >= 4) { uint32_t v; memcpy(&v, p, 4); crc = __crc32cw(crc, v); p += 4; n -= 4; }
  if (n >= 2) { uint16_t v; memcpy(&v, p, 2); crc = __crc32ch(crc, v); p += 2; n -= 2; }
  if (n) crc = __crc32cb(crc, *p);
  return crc;
}

static uint8_t buf[512] __attribute__((aligned(16)));

int main(void) {
  int bad = 0;
  const char *check = "123456789";
  uint32_t a = ~hw_crc32(~0u, (const uint8_t *)check, 9);
  uint32_t b = ~hw_crc32c(~0u, (const uint8_t *)check, 9);
  printf("crc32(\"123456789\")  = %08x (%s)\n", a, a == 0xCBF43926u ? "ok" : "BAD");
  printf("crc32c(\"123456789\") = %08x (%s)\n", b, b == 0xE3069283u ? "ok" : "BAD");
  bad += a != 0xCBF43926u;
  bad += b != 0xE3069283u;

  uint32_t s = 0x12345678;
  for (size_t i = 0; i < sizeof buf; i++) {
    s = s * 1103515245u + 12345u;
    buf[i] = (uint8_t)(s >> 16);
  }

  /* Single-instruction results for edge inputs. */
  static const uint32_t accs[] = {0, 0xffffffffu, 0x80000000u, 1, 0xdeadbeefu};
  static const uint64_t vals[] = {0, ~0ull, 0x8000000000000000ull, 1, 0x0123456789abcdefull};
  for (int i = 0; i < 5; i++) {
    uint32_t c = accs[i];
    uint64_t v = vals[i];
    uint8_t bytes[8];
    memcpy(bytes, &v, 8);
    uint32_t r[8] = {__crc32b(c, (uint8_t)v), __crc32h(c, (uint16_t)v), __crc32w(c, (uint32_t)v), __crc32d(c, v),
                     __crc32cb(c, (uint8_t)v), __crc32ch(c, (uint16_t)v), __crc32cw(c, (uint32_t)v), __crc32cd(c, v)};
    uint32_t e[8] = {ref_crc(c, bytes, 1, 0xEDB88320u), ref_crc(c, bytes, 2, 0xEDB88320u),
                     ref_crc(c, bytes, 4, 0xEDB88320u), ref_crc(c, bytes, 8, 0xEDB88320u),
                     ref_crc(c, bytes, 1, 0x82F63B78u), ref_crc(c, bytes, 2, 0x82F63B78u),
                     ref_crc(c, bytes, 4, 0x82F63B78u), ref_crc(c, bytes, 8, 0x82F63B78u)};
    printf("acc %08x val %016llx:", c, (unsigned long long)v);
    for (int k = 0; k < 8; k++) {
      printf(" %08x", r[k]);
      if (r[k] != e[k]) { printf("!"); bad++; }
    }
    printf("\n");
  }

  /* Every length and alignment against the bitwise reference. */
  uint32_t sum32 = 0, sum32c = 0;
  int mism = 0;
  for (size_t off = 0; off < 8; off++) {
    for (size_t len = 0; len <= 300; len++) {
      uint32_t h1 = hw_crc32(~0u, buf + off, len), r1 = ref_crc(~0u, buf + off, len, 0xEDB88320u);
      uint32_t h2 = hw_crc32c(~0u, buf + off, len), r2 = ref_crc(~0u, buf + off, len, 0x82F63B78u);
      if (h1 != r1 || h2 != r2) {
        if (mism < 5) printf("mismatch off %zu len %zu: %08x/%08x %08x/%08x\n", off, len, h1, r1, h2, r2);
        mism++;
      }
      sum32 = sum32 * 31 + h1;
      sum32c = sum32c * 31 + h2;
    }
  }
  printf("lengths 0..300 x offsets 0..7: %d mismatches, checksum crc32 %08x crc32c %08x\n", mism, sum32, sum32c);
  bad += mism;
  printf("%s\n", bad ? "FAIL" : "PASS");
  return bad ? 1 : 0;
}
