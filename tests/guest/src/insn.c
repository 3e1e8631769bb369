/*
 * insn: A64 instruction semantics that C code alone cannot pin down, via
 * inline assembly: NZCV flags, conditional ops, bit-field ops, division by
 * zero, out-of-range shifts, FP-to-integer saturation, FP min/max/rounding,
 * reciprocal estimates and a broad set of Advanced SIMD operations.
 * Only base ARMv8.0-A instructions (FP and AdvSIMD included) are used.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static const uint64_t xv[] = {
    0, 1, 2, 0x7f, 0x80, 0xffffffff, 0x80000000, 0x7fffffff, 0x100000000ULL,
    0x7fffffffffffffffULL, 0x8000000000000000ULL, 0xffffffffffffffffULL,
    0x123456789abcdef0ULL, 0xfffffffffffffffeULL, 63, 64, 65,
};
#define NXV (sizeof xv / sizeof xv[0])

static const char *nzcv_str(uint64_t f)
{
    static char s[5];
    s[0] = (f >> 31) & 1 ? 'N' : '-';
    s[1] = (f >> 30) & 1 ? 'Z' : '-';
    s[2] = (f >> 29) & 1 ? 'C' : '-';
    s[3] = (f >> 28) & 1 ? 'V' : '-';
    s[4] = 0;
    return s;
}

static void integer_flags(void)
{
    printf("== adds/subs/adcs/sbcs and 32-bit forms: result nzcv\n");
    for (size_t i = 0; i < NXV; i += 1) {
        for (size_t j = 0; j < NXV; j += 3) {
            uint64_t a = xv[i], b = xv[j], r1, r2, r3, r4, r5, r6, f1, f2, f3, f4, f5, f6;
            __asm__ volatile("adds %0, %2, %3\n\tmrs %1, nzcv" : "=r"(r1), "=r"(f1) : "r"(a), "r"(b) : "cc");
            __asm__ volatile("subs %0, %2, %3\n\tmrs %1, nzcv" : "=r"(r2), "=r"(f2) : "r"(a), "r"(b) : "cc");
            __asm__ volatile("cmp xzr, xzr\n\tadcs %0, %2, %3\n\tmrs %1, nzcv" : "=r"(r3), "=r"(f3) : "r"(a), "r"(b) : "cc");
            __asm__ volatile("cmn xzr, xzr\n\tsbcs %0, %2, %3\n\tmrs %1, nzcv" : "=r"(r4), "=r"(f4) : "r"(a), "r"(b) : "cc");
            __asm__ volatile("adds %w0, %w2, %w3\n\tmrs %1, nzcv" : "=r"(r5), "=r"(f5) : "r"(a), "r"(b) : "cc");
            __asm__ volatile("subs %w0, %w2, %w3\n\tmrs %1, nzcv" : "=r"(r6), "=r"(f6) : "r"(a), "r"(b) : "cc");
            printf("%llx,%llx: adds %llx %s", (unsigned long long)a, (unsigned long long)b, (unsigned long long)r1, nzcv_str(f1));
            printf(" subs %llx %s", (unsigned long long)r2, nzcv_str(f2));
            printf(" adcs(C=1) %llx %s", (unsigned long long)r3, nzcv_str(f3));
            printf(" sbcs(C=0) %llx %s", (unsigned long long)r4, nzcv_str(f4));
            printf(" adds32 %llx %s", (unsigned long long)r5, nzcv_str(f5));
            printf(" subs32 %llx %s\n", (unsigned long long)r6, nzcv_str(f6));
        }
    }
    printf("== ands/bics flags, ccmp/ccmn, csel family\n");
    for (size_t i = 0; i < NXV; i += 2) {
        uint64_t a = xv[i], b = xv[(i + 5) % NXV], r, f, g, h, c1, c2, c3, c4;
        __asm__ volatile("ands %0, %2, %3\n\tmrs %1, nzcv" : "=r"(r), "=r"(f) : "r"(a), "r"(b) : "cc");
        printf("%llx & %llx = %llx %s", (unsigned long long)a, (unsigned long long)b, (unsigned long long)r, nzcv_str(f));
        __asm__ volatile("bics %w0, %w2, %w3\n\tmrs %1, nzcv" : "=r"(r), "=r"(f) : "r"(a), "r"(b) : "cc");
        printf(" bics32 %llx %s", (unsigned long long)r, nzcv_str(f));
        __asm__ volatile("cmp %1, %2\n\tccmp %1, #5, #0b1010, lt\n\tmrs %0, nzcv" : "=r"(g) : "r"(a), "r"(b) : "cc");
        __asm__ volatile("cmp %1, %2\n\tccmn %1, %2, #0b0101, hi\n\tmrs %0, nzcv" : "=r"(h) : "r"(a), "r"(b) : "cc");
        printf(" ccmp %s ccmn %s", nzcv_str(g), nzcv_str(h));
        __asm__ volatile("cmp %1, %2\n\tcsel %0, %1, %2, ge" : "=r"(c1) : "r"(a), "r"(b) : "cc");
        __asm__ volatile("cmp %1, %2\n\tcsinc %0, %1, %2, eq" : "=r"(c2) : "r"(a), "r"(b) : "cc");
        __asm__ volatile("cmp %1, %2\n\tcsinv %0, %1, %2, lo" : "=r"(c3) : "r"(a), "r"(b) : "cc");
        __asm__ volatile("cmp %1, %2\n\tcsneg %w0, %w1, %w2, vs" : "=r"(c4) : "r"(a), "r"(b) : "cc");
        printf(" csel %llx csinc %llx csinv %llx csneg32 %llx\n", (unsigned long long)c1, (unsigned long long)c2,
               (unsigned long long)c3, (unsigned long long)c4);
    }
}

static void integer_ops(void)
{
    printf("== division by zero and overflow, shifts by register\n");
    for (size_t i = 0; i < NXV; i++) {
        uint64_t a = xv[i], z = 0, m1 = ~0ULL, q1, q2, q3, q4, q5, q6;
        __asm__ volatile("sdiv %0, %1, %2" : "=r"(q1) : "r"(a), "r"(z));
        __asm__ volatile("udiv %0, %1, %2" : "=r"(q2) : "r"(a), "r"(z));
        __asm__ volatile("sdiv %0, %1, %2" : "=r"(q3) : "r"(a), "r"(m1));
        __asm__ volatile("sdiv %w0, %w1, %w2" : "=r"(q4) : "r"(a), "r"(m1));
        __asm__ volatile("udiv %w0, %w1, %w2" : "=r"(q5) : "r"(a), "r"(z));
        __asm__ volatile("sdiv %w0, %w1, %w2" : "=r"(q6) : "r"(a), "r"(xv[(i + 3) % NXV]));
        printf("%llx: sdiv0 %llx udiv0 %llx sdiv-1 %llx sdiv32-1 %llx udiv32_0 %llx sdiv32 %llx\n",
               (unsigned long long)a, (unsigned long long)q1, (unsigned long long)q2, (unsigned long long)q3,
               (unsigned long long)q4, (unsigned long long)q5, (unsigned long long)q6);
    }
    static const uint64_t amounts[] = {0, 1, 31, 32, 33, 63, 64, 65, 100, 0xffffffffffffffc1ULL};
    uint64_t v = 0x8123456789abcdefULL;
    for (size_t k = 0; k < sizeof amounts / sizeof amounts[0]; k++) {
        uint64_t s = amounts[k], r1, r2, r3, r4, r5, r6, r7, r8;
        __asm__("lslv %0, %1, %2" : "=r"(r1) : "r"(v), "r"(s));
        __asm__("lsrv %0, %1, %2" : "=r"(r2) : "r"(v), "r"(s));
        __asm__("asrv %0, %1, %2" : "=r"(r3) : "r"(v), "r"(s));
        __asm__("rorv %0, %1, %2" : "=r"(r4) : "r"(v), "r"(s));
        __asm__("lslv %w0, %w1, %w2" : "=r"(r5) : "r"(v), "r"(s));
        __asm__("lsrv %w0, %w1, %w2" : "=r"(r6) : "r"(v), "r"(s));
        __asm__("asrv %w0, %w1, %w2" : "=r"(r7) : "r"(v), "r"(s));
        __asm__("rorv %w0, %w1, %w2" : "=r"(r8) : "r"(v), "r"(s));
        printf("shift %llu: lsl %llx lsr %llx asr %llx ror %llx | w: %llx %llx %llx %llx\n", (unsigned long long)s,
               (unsigned long long)r1, (unsigned long long)r2, (unsigned long long)r3, (unsigned long long)r4,
               (unsigned long long)r5, (unsigned long long)r6, (unsigned long long)r7, (unsigned long long)r8);
    }

    printf("== bit manipulation\n");
    for (size_t i = 0; i < NXV; i++) {
        uint64_t a = xv[i], b = xv[(i + 7) % NXV], r[14];
        __asm__("rbit %0, %1" : "=r"(r[0]) : "r"(a));
        __asm__("rev %0, %1" : "=r"(r[1]) : "r"(a));
        __asm__("rev16 %0, %1" : "=r"(r[2]) : "r"(a));
        __asm__("rev32 %0, %1" : "=r"(r[3]) : "r"(a));
        __asm__("clz %0, %1" : "=r"(r[4]) : "r"(a));
        __asm__("cls %0, %1" : "=r"(r[5]) : "r"(a));
        __asm__("cls %w0, %w1" : "=r"(r[6]) : "r"(a));
        __asm__("rbit %w0, %w1" : "=r"(r[7]) : "r"(a));
        __asm__("extr %0, %1, %2, #13" : "=r"(r[8]) : "r"(a), "r"(b));
        __asm__("extr %w0, %w1, %w2, #7" : "=r"(r[9]) : "r"(a), "r"(b));
        __asm__("ubfx %0, %1, #5, #17" : "=r"(r[10]) : "r"(a));
        __asm__("sbfx %0, %1, #30, #9" : "=r"(r[11]) : "r"(a));
        r[12] = b;
        __asm__("bfi %0, %1, #12, #20" : "+r"(r[12]) : "r"(a));
        r[13] = b;
        __asm__("bfxil %0, %1, #40, #16" : "+r"(r[13]) : "r"(a));
        printf("%llx:", (unsigned long long)a);
        for (int k = 0; k < 14; k++)
            printf(" %llx", (unsigned long long)r[k]);
        uint64_t s1, s2, s3, s4;
        __asm__("sbfiz %0, %1, #3, #8" : "=r"(s1) : "r"(a));
        __asm__("ubfiz %w0, %w1, #24, #8" : "=r"(s2) : "r"(a));
        __asm__("sxtb %0, %w1" : "=r"(s3) : "r"(a));
        __asm__("sxth %w0, %w1" : "=r"(s4) : "r"(a));
        printf(" | %llx %llx %llx %llx\n", (unsigned long long)s1, (unsigned long long)s2, (unsigned long long)s3,
               (unsigned long long)s4);
    }

    printf("== multiply family\n");
    for (size_t i = 0; i < NXV; i += 2) {
        for (size_t j = 1; j < NXV; j += 4) {
            uint64_t a = xv[i], b = xv[j], c = 0x0123456789abcdefULL, r[8];
            __asm__("umulh %0, %1, %2" : "=r"(r[0]) : "r"(a), "r"(b));
            __asm__("smulh %0, %1, %2" : "=r"(r[1]) : "r"(a), "r"(b));
            __asm__("madd %0, %1, %2, %3" : "=r"(r[2]) : "r"(a), "r"(b), "r"(c));
            __asm__("msub %0, %1, %2, %3" : "=r"(r[3]) : "r"(a), "r"(b), "r"(c));
            __asm__("smaddl %0, %w1, %w2, %3" : "=r"(r[4]) : "r"(a), "r"(b), "r"(c));
            __asm__("umsubl %0, %w1, %w2, %3" : "=r"(r[5]) : "r"(a), "r"(b), "r"(c));
            __asm__("smnegl %0, %w1, %w2" : "=r"(r[6]) : "r"(a), "r"(b));
            __asm__("mul %w0, %w1, %w2" : "=r"(r[7]) : "r"(a), "r"(b));
            printf("%llx*%llx:", (unsigned long long)a, (unsigned long long)b);
            for (int k = 0; k < 8; k++)
                printf(" %llx", (unsigned long long)r[k]);
            printf("\n");
        }
    }

    printf("== loads with extension, exclusive pair\n");
    static const unsigned char mem[16] = {0x81, 0x7f, 0xff, 0x80, 0x00, 0x80, 0xfe, 0xff,
                                          0x01, 0x02, 0x03, 0x84, 0x85, 0x86, 0x87, 0x88};
    uint64_t l[8];
    __asm__("ldrsb %0, [%1]" : "=r"(l[0]) : "r"(mem));
    __asm__("ldrsb %w0, [%1, #1]" : "=r"(l[1]) : "r"(mem));
    __asm__("ldrsh %0, [%1, #2]" : "=r"(l[2]) : "r"(mem));
    __asm__("ldrsh %w0, [%1, #2]" : "=r"(l[3]) : "r"(mem));
    __asm__("ldrsw %0, [%1, #4]" : "=r"(l[4]) : "r"(mem));
    __asm__("ldur %0, [%1, #3]" : "=r"(l[5]) : "r"(mem));
    __asm__("ldp %w0, %w1, [%2, #8]" : "=r"(l[6]), "=r"(l[7]) : "r"(mem));
    for (int k = 0; k < 8; k++)
        printf(" %llx", (unsigned long long)l[k]);
    printf("\n");
    uint64_t cell = 41, old, status;
    __asm__ volatile("1: ldxr %0, [%2]\n\tadd %0, %0, #1\n\tstxr %w1, %0, [%2]\n\tcbnz %w1, 1b"
                     : "=&r"(old), "=&r"(status) : "r"(&cell) : "memory");
    printf("ldxr/stxr increment: %llu status %llu\n", (unsigned long long)cell, (unsigned long long)status);
    uint32_t wcell = 7, wold, wst;
    __asm__ volatile("1: ldaxr %w0, [%2]\n\tlsl %w0, %w0, #2\n\tstlxr %w1, %w0, [%2]\n\tcbnz %w1, 1b"
                     : "=&r"(wold), "=&r"(wst) : "r"(&wcell) : "memory");
    printf("ldaxr/stlxr shift: %u\n", wcell);
}

static uint64_t dbits(double d)
{
    uint64_t b;
    memcpy(&b, &d, 8);
    return b;
}

static void fp_ops(void)
{
    static const double dv[] = {0.0, -0.0, 0.5, 1.5, 2.5, -2.5, -0.5, 1e10, -1e10, 3e9, 5e9, -3e9, 1e19, 2e19,
                                -1e19, 1e300, -1e300, __builtin_inf(), -__builtin_inf(), __builtin_nan(""),
                                4.9e-324, 2147483647.5, -2147483648.5, 4294967295.5};
    printf("== fp -> int conversions (saturating), double\n");
    for (size_t i = 0; i < sizeof dv / sizeof dv[0]; i++) {
        double d = dv[i];
        uint64_t r[10];
        __asm__("fcvtzs %0, %d1" : "=r"(r[0]) : "w"(d));
        __asm__("fcvtzu %0, %d1" : "=r"(r[1]) : "w"(d));
        __asm__("fcvtzs %w0, %d1" : "=r"(r[2]) : "w"(d));
        __asm__("fcvtzu %w0, %d1" : "=r"(r[3]) : "w"(d));
        __asm__("fcvtns %0, %d1" : "=r"(r[4]) : "w"(d));
        __asm__("fcvtas %0, %d1" : "=r"(r[5]) : "w"(d));
        __asm__("fcvtms %0, %d1" : "=r"(r[6]) : "w"(d));
        __asm__("fcvtps %0, %d1" : "=r"(r[7]) : "w"(d));
        __asm__("fcvtnu %w0, %d1" : "=r"(r[8]) : "w"(d));
        __asm__("fcvtzs %0, %d1, #8" : "=r"(r[9]) : "w"(d));
        printf("%g:", d);
        for (int k = 0; k < 10; k++)
            printf(" %llx", (unsigned long long)r[k]);
        float f = (float)d;
        uint64_t s1, s2;
        __asm__("fcvtzs %0, %s1" : "=r"(s1) : "w"(f));
        __asm__("fcvtzu %w0, %s1" : "=r"(s2) : "w"(f));
        printf(" | float %llx %llx\n", (unsigned long long)s1, (unsigned long long)s2);
    }
    printf("== int -> fp, fixed point\n");
    for (size_t i = 0; i < NXV; i++) {
        double a, b, c;
        float e;
        __asm__("scvtf %d0, %1" : "=w"(a) : "r"(xv[i]));
        __asm__("ucvtf %d0, %1" : "=w"(b) : "r"(xv[i]));
        __asm__("scvtf %d0, %w1, #4" : "=w"(c) : "r"(xv[i]));
        __asm__("ucvtf %s0, %1" : "=w"(e) : "r"(xv[i]));
        printf("%llx: %a %a %a %a\n", (unsigned long long)xv[i], a, b, c, (double)e);
    }

    printf("== fmin/fmax/fminnm/fmaxnm, frint*, fused, compare\n");
    static const double mv[] = {0.0, -0.0, 1.0, -1.0, __builtin_nan(""), -__builtin_inf(), 2.5, -3.5, 0.49999999999999994};
    const size_t nm = sizeof mv / sizeof mv[0];
    for (size_t i = 0; i < nm; i++) {
        for (size_t j = 0; j < nm; j += 2) {
            double a = mv[i], b = mv[j], r[4];
            uint64_t fl;
            __asm__("fmin %d0, %d1, %d2" : "=w"(r[0]) : "w"(a), "w"(b));
            __asm__("fmax %d0, %d1, %d2" : "=w"(r[1]) : "w"(a), "w"(b));
            __asm__("fminnm %d0, %d1, %d2" : "=w"(r[2]) : "w"(a), "w"(b));
            __asm__("fmaxnm %d0, %d1, %d2" : "=w"(r[3]) : "w"(a), "w"(b));
            __asm__ volatile("fcmp %d1, %d2\n\tmrs %0, nzcv" : "=r"(fl) : "w"(a), "w"(b) : "cc");
            printf("%g,%g: min %llx max %llx minnm %llx maxnm %llx fcmp %s\n", a, b, (unsigned long long)dbits(r[0]),
                   (unsigned long long)dbits(r[1]), (unsigned long long)dbits(r[2]), (unsigned long long)dbits(r[3]),
                   nzcv_str(fl));
        }
        double a = mv[i], r[6];
        __asm__("frintn %d0, %d1" : "=w"(r[0]) : "w"(a));
        __asm__("frinta %d0, %d1" : "=w"(r[1]) : "w"(a));
        __asm__("frintm %d0, %d1" : "=w"(r[2]) : "w"(a));
        __asm__("frintp %d0, %d1" : "=w"(r[3]) : "w"(a));
        __asm__("frintz %d0, %d1" : "=w"(r[4]) : "w"(a));
        __asm__("frintx %d0, %d1" : "=w"(r[5]) : "w"(a));
        printf("  frint n/a/m/p/z/x of %g: %g %g %g %g %g %g\n", a, r[0], r[1], r[2], r[3], r[4], r[5]);
        double x = 1.0 + 0x1p-30, f1, f2, f3, f4;
        __asm__("fmadd %d0, %d1, %d2, %d3" : "=w"(f1) : "w"(x), "w"(x), "w"(a));
        __asm__("fmsub %d0, %d1, %d2, %d3" : "=w"(f2) : "w"(x), "w"(x), "w"(a));
        __asm__("fnmadd %d0, %d1, %d2, %d3" : "=w"(f3) : "w"(x), "w"(x), "w"(a));
        __asm__("fnmsub %d0, %d1, %d2, %d3" : "=w"(f4) : "w"(x), "w"(x), "w"(a));
        printf("  fused with %g: %a %a %a %a\n", a, f1, f2, f3, f4);
    }

    printf("== estimates, half precision, single precision\n");
    static const float fv[] = {1.0f, 3.0f, 0.1f, -7.5f, 1e-40f, 1e38f, 0.0f, -0.0f, __builtin_inff(), 65504.0f, 70000.0f, 6e-8f};
    for (size_t i = 0; i < sizeof fv / sizeof fv[0]; i++) {
        float f = fv[i], re, rs, rx;
        double d = f, red, rsd;
        uint32_t hb;
        float back;
        __asm__("frecpe %s0, %s1" : "=w"(re) : "w"(f));
        __asm__("frsqrte %s0, %s1" : "=w"(rs) : "w"(f));
        __asm__("frecpx %s0, %s1" : "=w"(rx) : "w"(f));
        __asm__("frecpe %d0, %d1" : "=w"(red) : "w"(d));
        __asm__("frsqrte %d0, %d1" : "=w"(rsd) : "w"(d));
        __asm__("fcvt h16, %s1\n\tumov %w0, v16.h[0]\n\tfcvt %s2, h16" : "=r"(hb), "=w"(f), "=w"(back) : "1"(f) : "v16");
        float step;
        __asm__("frecps %s0, %s1, %s2" : "=w"(step) : "w"(fv[i]), "w"(re));
        printf("%a: frecpe %a frsqrte %a frecpx %a | d: %a %a | half %04x -> %a | frecps %a\n", (double)fv[i],
               (double)re, (double)rs, (double)rx, red, rsd, hb, (double)back, (double)step);
    }
}

/* ---- Advanced SIMD ---- */
static const uint8_t VA[3][16] = {
    {0x00, 0x01, 0x7f, 0x80, 0xff, 0xfe, 0x10, 0x55, 0xaa, 0x33, 0xcc, 0x81, 0x7e, 0x40, 0xc0, 0x02},
    {0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0x00},
    {0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0xc0, 0xbf, 0x00, 0x00, 0x20, 0x41, 0xdb, 0x0f, 0x49, 0x40},
};
static const uint8_t VB[3][16] = {
    {0x01, 0x01, 0x01, 0x01, 0x80, 0x02, 0xf0, 0xaa, 0x55, 0x33, 0x34, 0x7f, 0x82, 0xc0, 0x40, 0xfe},
    {0x0f, 0x00, 0x1f, 0x03, 0x10, 0x05, 0x02, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x20},
    {0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0xc0, 0x00, 0x00, 0xc0, 0x7f},
};
static const uint8_t VC[16] = {0xde, 0xad, 0xbe, 0xef, 0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xfe, 0xdc, 0xba, 0x98};

static void pv(const char *name, const uint8_t *o)
{
    printf("%-28s", name);
    for (int i = 15; i >= 0; i--)
        printf("%02x%s", o[i], i == 8 ? "_" : "");
    printf("\n");
}

/* v0 = a, v1 = b, v2 = c (destination preset), result taken from v2 */
#define VOP(text)                                                                                               \
    do {                                                                                                         \
        uint8_t out[16];                                                                                         \
        __asm__ volatile("ld1 {v0.16b}, [%1]\n\tld1 {v1.16b}, [%2]\n\tld1 {v2.16b}, [%3]\n\t" text               \
                         "\n\tst1 {v2.16b}, [%0]"                                                                \
                         :                                                                                       \
                         : "r"(out), "r"(a), "r"(b), "r"(VC)                                                     \
                         : "v0", "v1", "v2", "memory");                                                          \
        pv(text, out);                                                                                           \
    } while (0)

static void simd_ops(void)
{
    for (int set = 0; set < 3; set++) {
        const uint8_t *a = VA[set], *b = VB[set];
        printf("== SIMD set %d\n", set);
        pv("a", a);
        pv("b", b);
        VOP("add v2.16b, v0.16b, v1.16b");
        VOP("add v2.8h, v0.8h, v1.8h");
        VOP("sub v2.4s, v0.4s, v1.4s");
        VOP("add v2.2d, v0.2d, v1.2d");
        VOP("mul v2.16b, v0.16b, v1.16b");
        VOP("mul v2.8h, v0.8h, v1.8h");
        VOP("mul v2.4s, v0.4s, v1.4s");
        VOP("mla v2.4s, v0.4s, v1.4s");
        VOP("mls v2.8b, v0.8b, v1.8b");
        VOP("uqadd v2.16b, v0.16b, v1.16b");
        VOP("sqadd v2.16b, v0.16b, v1.16b");
        VOP("uqsub v2.8h, v0.8h, v1.8h");
        VOP("sqsub v2.4s, v0.4s, v1.4s");
        VOP("sqdmulh v2.8h, v0.8h, v1.8h");
        VOP("sqrdmulh v2.4s, v0.4s, v1.4s");
        VOP("uhadd v2.16b, v0.16b, v1.16b");
        VOP("srhadd v2.8h, v0.8h, v1.8h");
        VOP("umax v2.16b, v0.16b, v1.16b");
        VOP("smin v2.8h, v0.8h, v1.8h");
        VOP("uabd v2.16b, v0.16b, v1.16b");
        VOP("saba v2.8h, v0.8h, v1.8h");
        VOP("addp v2.16b, v0.16b, v1.16b");
        VOP("umaxp v2.4s, v0.4s, v1.4s");
        VOP("cmeq v2.16b, v0.16b, v1.16b");
        VOP("cmhi v2.8h, v0.8h, v1.8h");
        VOP("cmge v2.4s, v0.4s, v1.4s");
        VOP("cmtst v2.2d, v0.2d, v1.2d");
        VOP("cmlt v2.16b, v0.16b, #0");
        VOP("and v2.16b, v0.16b, v1.16b");
        VOP("orn v2.16b, v0.16b, v1.16b");
        VOP("eor v2.16b, v0.16b, v1.16b");
        VOP("bic v2.16b, v0.16b, v1.16b");
        VOP("bsl v2.16b, v0.16b, v1.16b");
        VOP("bit v2.16b, v0.16b, v1.16b");
        VOP("bif v2.16b, v0.16b, v1.16b");
        VOP("not v2.16b, v0.16b");
        VOP("cnt v2.16b, v0.16b");
        VOP("rbit v2.16b, v0.16b");
        VOP("rev64 v2.16b, v0.16b");
        VOP("rev32 v2.8h, v0.8h");
        VOP("rev16 v2.16b, v0.16b");
        VOP("clz v2.4s, v0.4s");
        VOP("cls v2.8h, v0.8h");
        VOP("abs v2.16b, v0.16b");
        VOP("neg v2.2d, v0.2d");
        VOP("sqabs v2.16b, v0.16b");
        VOP("sqneg v2.8h, v0.8h");
        VOP("shl v2.8h, v0.8h, #3");
        VOP("ushr v2.4s, v0.4s, #7");
        VOP("sshr v2.16b, v0.16b, #2");
        VOP("ssra v2.2d, v0.2d, #13");
        VOP("urshr v2.8h, v0.8h, #4");
        VOP("sli v2.4s, v0.4s, #9");
        VOP("sri v2.16b, v0.16b, #3");
        VOP("ushl v2.16b, v0.16b, v1.16b");
        VOP("sshl v2.8h, v0.8h, v1.8h");
        VOP("uqshl v2.16b, v0.16b, v1.16b");
        VOP("srshl v2.4s, v0.4s, v1.4s");
        VOP("sqshl v2.16b, v0.16b, #2");
        VOP("shrn v2.8b, v0.8h, #4");
        VOP("rshrn2 v2.16b, v0.8h, #3");
        VOP("sqshrun v2.8b, v0.8h, #2");
        VOP("uqrshrn v2.4h, v0.4s, #5");
        VOP("xtn v2.8b, v0.8h");
        VOP("sqxtn v2.8b, v0.8h");
        VOP("uqxtn2 v2.8h, v0.4s");
        VOP("sqxtun v2.4h, v0.4s");
        VOP("uxtl v2.8h, v0.8b");
        VOP("sxtl2 v2.4s, v0.8h");
        VOP("umull v2.8h, v0.8b, v1.8b");
        VOP("smull2 v2.4s, v0.8h, v1.8h");
        VOP("umlal v2.2d, v0.2s, v1.2s");
        VOP("sqdmull v2.4s, v0.4h, v1.4h");
        VOP("pmull v2.8h, v0.8b, v1.8b");
        VOP("pmul v2.16b, v0.16b, v1.16b");
        VOP("uaddw v2.8h, v0.8h, v1.8b");
        VOP("ssubl2 v2.4s, v0.8h, v1.8h");
        VOP("uabdl v2.8h, v0.8b, v1.8b");
        VOP("addhn v2.8b, v0.8h, v1.8h");
        VOP("uaddlp v2.8h, v0.16b");
        VOP("sadalp v2.4s, v0.8h");
        VOP("addv b2, v0.16b");
        VOP("umaxv h2, v0.8h");
        VOP("sminv b2, v0.16b");
        VOP("uaddlv h2, v0.16b");
        VOP("saddlv s2, v0.8h");
        VOP("zip1 v2.16b, v0.16b, v1.16b");
        VOP("zip2 v2.8h, v0.8h, v1.8h");
        VOP("uzp1 v2.4s, v0.4s, v1.4s");
        VOP("uzp2 v2.16b, v0.16b, v1.16b");
        VOP("trn1 v2.8h, v0.8h, v1.8h");
        VOP("trn2 v2.16b, v0.16b, v1.16b");
        VOP("ext v2.16b, v0.16b, v1.16b, #5");
        VOP("tbl v2.16b, {v0.16b}, v1.16b");
        VOP("tbx v2.16b, {v0.16b}, v1.16b");
        VOP("tbl v2.16b, {v0.16b, v1.16b}, v1.16b");
        VOP("dup v2.16b, v0.b[5]");
        VOP("dup v2.4s, v1.s[3]");
        VOP("ins v2.h[3], v0.h[6]");
        VOP("ins v2.d[1], v1.d[0]");
        VOP("movi v2.8h, #0x4d, lsl #8");
        VOP("mvni v2.4s, #0x12, msl #8");
        VOP("movi v2.2d, #0xff00ff0000ffff00");
        VOP("orr v2.4s, #0x80, lsl #16");
        VOP("fadd v2.4s, v0.4s, v1.4s");
        VOP("fsub v2.2d, v0.2d, v1.2d");
        VOP("fmul v2.4s, v0.4s, v1.4s");
        VOP("fdiv v2.4s, v0.4s, v1.4s");
        VOP("fmla v2.4s, v0.4s, v1.4s");
        VOP("fmla v2.4s, v0.4s, v1.s[1]");
        VOP("fmax v2.4s, v0.4s, v1.4s");
        VOP("fminnm v2.4s, v0.4s, v1.4s");
        VOP("faddp v2.4s, v0.4s, v1.4s");
        VOP("fabd v2.4s, v0.4s, v1.4s");
        VOP("fcmge v2.4s, v0.4s, v1.4s");
        VOP("fcmeq v2.4s, v0.4s, #0.0");
        VOP("fabs v2.4s, v0.4s");
        VOP("fneg v2.2d, v0.2d");
        VOP("fsqrt v2.4s, v0.4s");
        VOP("frecpe v2.4s, v0.4s");
        VOP("frsqrte v2.4s, v0.4s");
        VOP("frintn v2.4s, v0.4s");
        VOP("fcvtzs v2.4s, v0.4s");
        VOP("fcvtzu v2.4s, v0.4s");
        VOP("scvtf v2.4s, v0.4s");
        VOP("ucvtf v2.2d, v0.2d");
        VOP("fcvtl v2.2d, v0.2s");
        VOP("fcvtn v2.2s, v0.2d");
        VOP("fcvtl2 v2.4s, v0.8h");
        VOP("fmaxv s2, v0.4s");
        VOP("urecpe v2.4s, v0.4s");
    }

    printf("== structured loads and stores\n");
    uint8_t src[64], dst[64];
    for (int i = 0; i < 64; i++)
        src[i] = (uint8_t)(i * 3 + 1);
    memset(dst, 0, sizeof dst);
    __asm__ volatile("ld2 {v0.16b, v1.16b}, [%1]\n\tst1 {v0.16b, v1.16b}, [%0]" : : "r"(dst), "r"(src) : "v0", "v1", "memory");
    pv("ld2 -> v0", dst);
    pv("ld2 -> v1", dst + 16);
    __asm__ volatile("ld3 {v0.8h, v1.8h, v2.8h}, [%1]\n\tst1 {v0.16b, v1.16b, v2.16b}, [%0]" : : "r"(dst), "r"(src)
                     : "v0", "v1", "v2", "memory");
    pv("ld3.8h -> v0", dst);
    pv("ld3.8h -> v2", dst + 32);
    __asm__ volatile("ld4 {v0.4s, v1.4s, v2.4s, v3.4s}, [%1]\n\tst1 {v0.16b, v1.16b, v2.16b, v3.16b}, [%0]" : : "r"(dst),
                     "r"(src) : "v0", "v1", "v2", "v3", "memory");
    pv("ld4.4s -> v1", dst + 16);
    pv("ld4.4s -> v3", dst + 48);
    __asm__ volatile("ld1 {v0.16b, v1.16b}, [%1]\n\tst2 {v0.8h, v1.8h}, [%0]" : : "r"(dst), "r"(src) : "v0", "v1", "memory");
    pv("st2.8h [0..16)", dst);
    pv("st2.8h [16..32)", dst + 16);
    memset(dst, 0, sizeof dst);
    __asm__ volatile("ld1 {v0.16b}, [%1]\n\tst1 {v0.b}[7], [%0]\n\tst1 {v0.s}[3], [%2]\n\tld1r {v1.8h}, [%1]\n\t"
                     "st1 {v1.16b}, [%3]\n\tld1 {v1.d}[1], [%1]\n\tst1 {v1.16b}, [%4]"
                     : : "r"(dst), "r"(src), "r"(dst + 4), "r"(dst + 16), "r"(dst + 32) : "v0", "v1", "memory");
    pv("lane stores", dst);
    pv("ld1r.8h", dst + 16);
    pv("ld1 lane d[1]", dst + 32);
    uint8_t *p = src;
    uint64_t moved;
    __asm__ volatile("ld1 {v0.16b, v1.16b}, [%0], #32\n\tld1 {v2.16b}, [%0], %2" : "+r"(p) : "r"(dst), "r"((uint64_t)5)
                     : "v0", "v1", "v2", "memory");
    moved = (uint64_t)(p - src);
    printf("post-index advanced by %llu\n", (unsigned long long)moved);
    uint64_t u1, u2;
    int64_t s1;
    __asm__("ld1 {v0.16b}, [%3]\n\tumov %0, v0.d[1]\n\tumov %w1, v0.h[5]\n\tsmov %2, v0.b[11]"
            : "=r"(u1), "=r"(u2), "=r"(s1) : "r"(VA[0]) : "v0");
    printf("umov d[1] %llx umov h[5] %llx smov b[11] %lld\n", (unsigned long long)u1, (unsigned long long)u2,
           (long long)s1);
}

int main(void)
{
    integer_flags();
    integer_ops();
    fp_ops();
    simd_ops();
    return 0;
}
