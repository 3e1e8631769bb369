#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
typedef void fn_t(uint64_t,uint64_t,uint64_t,uint64_t,uint64_t,uint64_t*);
static void f0(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fadd d0, d1, d2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f1(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fsub d0, d1, d2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f2(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fadd s0, s1, s2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f3(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fsub s0, s1, s2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f4(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fadd h0, h1, h2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f5(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fsub h0, h1, h2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f6(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmul d0, d1, d2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f7(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fnmul d0, d1, d2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f8(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fdiv d0, d1, d2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f9(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmul s0, s1, s2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f10(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fnmul s0, s1, s2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f11(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fdiv s0, s1, s2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f12(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmul h0, h1, h2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f13(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fdiv h0, h1, h2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f14(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fnmul h0, h1, h2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f15(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmax d0, d1, d2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f16(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmax s0, s1, s2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f17(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmax h0, h1, h2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f18(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmin d0, d1, d2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f19(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmin s0, s1, s2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f20(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmin h0, h1, h2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f21(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmaxnm d0, d1, d2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f22(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmaxnm s0, s1, s2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f23(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmaxnm h0, h1, h2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f24(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fminnm d0, d1, d2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f25(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fminnm s0, s1, s2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f26(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fminnm h0, h1, h2\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f27(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fsqrt d0, d1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f28(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fsqrt s0, s1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f29(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmadd s0, s1, s2, s3\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f30(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmadd d0, d1, d2, d3\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f31(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fcvt s0, d1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f32(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmsub d0, d1, d2, d3\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f33(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fnmadd d0, d1, d2, d3\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f34(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fnmsub d0, d1, d2, d3\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f35(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmadd h0, h1, h2, h3\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f36(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmsub s0, s1, s2, s3\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f37(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmsub h0, h1, h2, h3\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f38(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fnmadd s0, s1, s2, s3\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f39(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fnmadd h0, h1, h2, h3\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f40(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fnmsub s0, s1, s2, s3\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f41(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fnmsub h0, h1, h2, h3\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f42(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fsqrt h0, h1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f43(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fabs d0, d1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f44(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fabs s0, s1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f45(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fabs h0, h1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f46(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fneg d0, d1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f47(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fneg s0, s1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f48(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fneg h0, h1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f49(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmov d0, d1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f50(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmov s0, s1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f51(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmov h0, h1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f52(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "frintn d0, d1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f53(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "frintp d0, d1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f54(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "frintm d0, d1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f55(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "frintz d0, d1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f56(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "frinta d0, d1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f57(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "frintx d0, d1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f58(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "frinti d0, d1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f59(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "frintn s0, s1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f60(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "frintp s0, s1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f61(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "frintm s0, s1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f62(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "frintz s0, s1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f63(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "frinta s0, s1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f64(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "frintx s0, s1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f65(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "frinti s0, s1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f66(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "frintn h0, h1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f67(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "frintp h0, h1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f68(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "frintm h0, h1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f69(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "frintz h0, h1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f70(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "frinta h0, h1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f71(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "frintx h0, h1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f72(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "frinti h0, h1\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f73(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmov d0, #1.0\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f74(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmov d0, #-2.5\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f75(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmov d0, #0.125\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f76(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmov d0, #31.0\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f77(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmov s0, #1.9375\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f78(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmov s0, #-0.1875\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f79(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmov h0, #3.0\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f80(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fmov h0, #-16.0\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f81(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fcsel d0, d1, d2, eq\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f82(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fcsel s0, s1, s2, lt\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f83(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fcsel h0, h1, h2, hi\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f84(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fcsel d0, d1, d2, nv\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static void f85(uint64_t fpcr, uint64_t a, uint64_t b, uint64_t cc, uint64_t nz, uint64_t *o) {
  uint64_t s, n, rlo, rhi, rx; uint64_t pat = 0x5555555555555555ull;
  asm volatile("msr fpcr, %[fpcr]\n msr fpsr, xzr\n msr nzcv, %[nz]\n"
    "fmov d1, %[a]\n fmov d2, %[b]\n fmov d3, %[c]\n mov x1, %[a]\n mov x2, %[b]\n mov x3, %[c]\n"
    "dup v0.2d, %[pat]\n mov x0, %[pat]\n"
    "fcsel d0, d1, d2, al\n"
    "mrs %[s], fpsr\n mrs %[n], nzcv\n fmov %[rlo], d0\n mov %[rhi], v0.d[1]\n mov %[rx], x0\n msr fpcr, xzr\n"
    : [s]"=&r"(s), [n]"=&r"(n), [rlo]"=&r"(rlo), [rhi]"=&r"(rhi), [rx]"=&r"(rx)
    : [fpcr]"r"(fpcr), [nz]"r"(nz), [a]"r"(a), [b]"r"(b), [c]"r"(cc), [pat]"r"(pat)
    : "x0","x1","x2","x3","v0","v1","v2","v3","cc","memory");
  o[0]=rlo; o[1]=rhi; o[2]=rx; o[3]=s; o[4]=n;
}
static fn_t *fns[] = {f0,f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12,f13,f14,f15,f16,f17,f18,f19,f20,f21,f22,f23,f24,f25,f26,f27,f28,f29,f30,f31,f32,f33,f34,f35,f36,f37,f38,f39,f40,f41,f42,f43,f44,f45,f46,f47,f48,f49,f50,f51,f52,f53,f54,f55,f56,f57,f58,f59,f60,f61,f62,f63,f64,f65,f66,f67,f68,f69,f70,f71,f72,f73,f74,f75,f76,f77,f78,f79,f80,f81,f82,f83,f84,f85};
int main(void){ char line[512]; while (fgets(line, sizeof line, stdin)) { unsigned idx; unsigned long long f,a,b,cc,nz; uint64_t o[5];
  if (sscanf(line, "%u %llx %llx %llx %llx %llx", &idx,&f,&a,&b,&cc,&nz) != 6) continue;
  fns[idx](f,a,b,cc,nz,o); printf("%llx %llx %llx %llx %llx\n", (unsigned long long)o[0],(unsigned long long)o[1],(unsigned long long)o[2],(unsigned long long)o[3],(unsigned long long)o[4]); fflush(stdout);} return 0; }
