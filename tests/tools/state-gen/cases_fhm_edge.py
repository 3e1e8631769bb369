ARCH = 'armv8.2-a+fp16+fp16fml'
CASES = []
FZ16 = 0x00080000; FZ = 0x01000000; DN = 0x02000000
def h4(*hs):
    v = 0
    for i, x in enumerate(hs): v |= x << (16 * i)
    return v
def s4(*ss):
    v = 0
    for i, x in enumerate(ss): v |= x << (32 * i)
    return v
def a(op, acc, n, m, fpcr=0, form='v0.4s, v1.4h, v2.4h'):
    CASES.append(dict(asm=f'{op} {form}', fpcr=fpcr, v={0: acc, 1: n, 2: m}))
for op in ['fmlal', 'fmlsl', 'fmlal2', 'fmlsl2']:
    up = op.endswith('2')
    def pair(*hs): return h4(*hs) << 64 if up else h4(*hs)
    # denormal halves: exact without FZ16, flushed (no IDC) with FZ16; a denormal single addend with FZ raises IDC
    for fpcr in [0, FZ16, FZ, FZ | FZ16]:
        a(op, s4(0x3f800000, 0x00000001, 0x80400000, 0x00000000), pair(0x0001, 0x03ff, 0x8200, 0x0001), pair(0x3c00, 0x4000, 0x3c00, 0x0001), fpcr)
    # NaNs: addend first, signalling before quiet; FMLSL negates op1 before NaN processing
    acc = s4(0x7fa00001, 0x7fc00002, 0x3f800000, 0xffc00003)
    n = pair(0x3c00, 0x7d01, 0xfc81, 0x3c00)
    m = pair(0x7e02, 0x3c00, 0x7c11, 0xfd00)
    for fpcr in [0, DN]: a(op, acc, n, m, fpcr)
    # 0 * inf with a quiet NaN addend: default NaN and Invalid; with a number: Invalid
    a(op, s4(0x7fc12345, 0x3f800000, 0xffc00000, 0x7f800000), pair(0x7c00, 0x0000, 0x8000, 0x7c00), pair(0x0000, 0xfc00, 0x7c00, 0x3c00))
    # infinities and overflow, underflow (with and without FZ), rounding modes
    big = s4(0x7f7fffff, 0xff7fffff, 0x00800000, 0x80800001)
    bn = pair(0x7bff, 0x7bff, 0x0001, 0x0001); bm = pair(0x7bff, 0x7bff, 0x8001, 0x0001)
    for fpcr in [0, FZ, 0x00400000, 0x00800000, 0x00c00000]: a(op, big, bn, bm, fpcr)
    # exact cancellation: +0 in RN, -0 in RM
    for fpcr in [0, 0x00800000]: a(op, s4(0x3f800000, 0xbf800000, 0x80000000, 0), pair(0x3c00, 0x3c00, 0x0000, 0x8000), pair(0xbc00, 0x3c00, 0x0000, 0x0000), fpcr)
    # by element with NaN and denormal index elements
    CASES.append(dict(asm=f'{op} v0.4s, v1.4h, v2.h[{5 if up else 2}]', fpcr=FZ16,
                      v={0: s4(0x3f800000, 0x40000000, 0x7f800000, 0x00000003), 1: pair(0x3c00, 0x0001, 0x7c00, 0x3555), 2: h4(0, 0, 0x0010, 0, 0, 0x0010, 0, 0) | (h4(0, 0x7d00, 0, 0) << 64)}))
    CASES.append(dict(asm=f'{op} v0.2s, v1.2h, v2.h[6]', fpcr=0,
                      v={0: s4(0x3f800000, 0x40000000, 0x7f800000, 0x00000003), 1: h4(0x3c00, 0x0001, 0x7c00, 0x3555), 2: h4(0, 0x7d00, 0x1234, 0x5678) << 64}))
