CASES = []
def a(s, k='r'): CASES.append((s, k))
for op in ['and', 'bic', 'orr', 'orn', 'eor', 'bsl', 'bit', 'bif']:
    a(f'{op} v0.16b, v1.16b, v2.16b'); a(f'{op} v0.8b, v1.8b, v2.8b')
a('and v1.16b, v1.16b, v1.16b'); a('bif v1.16b, v2.16b, v1.16b'); a('mov v3.16b, v5.16b')
a('not v0.16b, v1.16b'); a('mvn v0.8b, v1.8b')
# modified immediate
for s in ["movi v0.16b, #0x2a", "movi v0.8b, #0xff", "movi v0.4s, #0x80, lsl #24", "movi v0.2s, #0x12, lsl #8",
          "movi v0.8h, #0x34, lsl #8", "movi v0.4h, #0x56", "movi v0.4s, #0x7f, msl #8", "movi v0.2s, #0x7f, msl #16",
          "movi d0, #0xff00ff0000ff00ff", "movi v0.2d, #0xffffffff00000000", "movi v0.2d, #0",
          "mvni v0.4s, #0x10, lsl #16", "mvni v0.4h, #0x1", "mvni v0.8h, #0xab, lsl #8", "mvni v0.4s, #0x3, msl #16",
          "orr v1.4s, #0x5, lsl #8", "orr v1.2s, #0xc0, lsl #24", "orr v1.8h, #0x11", "orr v1.4h, #0x80, lsl #8",
          "bic v1.4s, #0xff", "bic v1.2s, #0x7, lsl #16", "bic v1.8h, #0xff, lsl #8", "bic v1.4h, #0x3",
          "fmov v0.4s, #1.0", "fmov v0.2s, #-0.5", "fmov v0.2d, #31.0", "fmov v0.4s, #0.125", "fmov v0.2d, #-1.25"]:
    a(s)
# copy
for s in ["dup v0.16b, v1.b[5]", "dup v0.8b, v1.b[15]", "dup v0.8h, v1.h[3]", "dup v0.4h, v1.h[7]", "dup v0.4s, v1.s[2]",
          "dup v0.2s, v1.s[1]", "dup v0.2d, v1.d[1]", "dup v1.16b, v1.b[0]",
          "dup v0.16b, w1", "dup v0.8b, w2", "dup v0.8h, w3", "dup v0.4h, w1", "dup v0.4s, w2", "dup v0.2s, w3",
          "dup v0.2d, x1", "dup v0.16b, wzr",
          "mov b0, v1.b[9]", "mov h0, v1.h[5]", "mov s0, v1.s[3]", "mov d0, v1.d[1]", "mov d1, v1.d[1]",
          "umov w0, v1.b[13]", "umov w1, v2.h[6]", "mov w2, v3.s[3]", "mov x3, v4.d[1]", "umov w4, v5.b[0]",
          "smov w0, v1.b[7]", "smov x1, v2.b[3]", "smov w2, v3.h[1]", "smov x3, v4.h[7]", "smov x4, v5.s[2]",
          "mov v0.b[3], w1", "mov v0.h[6], w2", "mov v0.s[1], w3", "mov v0.d[1], x4", "mov v0.d[0], xzr",
          "mov v0.b[15], v1.b[2]", "mov v0.h[0], v1.h[7]", "mov v0.s[3], v1.s[0]", "mov v0.d[0], v1.d[1]", "mov v1.s[0], v1.s[3]"]:
    a(s)
