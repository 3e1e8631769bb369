ARCH = 'armv8.5-a'
CASES = []
FZ = 0x01000000; DN = 0x02000000
RMODES = [0, 0x00400000, 0x00800000, 0x00c00000]
S = [0x4f000000, 0xcf000000, 0x4effffff, 0xceffffff, 0x5f000000, 0xdf000000, 0x5effffff, 0xdeffffff, 0x7f800000, 0xff800000,
     0x7fc00001, 0x7f800001, 0xffbfffff, 0x00000001, 0x80000001, 0x80000000, 0x3f000000, 0xbf000000, 0x3fc00000, 0xbfc00000,
     0x40200000, 0xc0200000, 0x3effffff, 0x7f7fffff]
D = [0x41dfffffffe00000, 0x41dfffffffffffff, 0xc1e0000000000000, 0xc1e00000001fffff, 0xc1e0000000200000, 0x41e0000000000000,
     0x43e0000000000000, 0xc3e0000000000000, 0x43dfffffffffffff, 0xc3e0000000000001, 0x7ff0000000000000, 0xfff8000000000001,
     0x7ff0000000000001, 0x0000000000000001, 0x8000000000000001, 0x8000000000000000, 0x3fe0000000000000, 0xbfe0000000000000,
     0x3ff8000000000000, 0xc004000000000000, 0x41dfffffffc00000, 0x41dfffffffa00000, 0x7fefffffffffffff]
for op in ['frint32z', 'frint32x', 'frint64z', 'frint64x']:
    rms = RMODES if op.endswith('x') else [0]
    for fpcr in rms + [FZ]:
        for k in range(0, len(S), 4):
            CASES.append(dict(asm=f'{op} v0.4s, v1.4s', fpcr=fpcr, v={1: sum(s << (32 * i) for i, s in enumerate(S[k:k + 4]))}))
        for k in range(0, len(D), 2):
            CASES.append(dict(asm=f'{op} v0.2d, v1.2d', fpcr=fpcr, v={1: D[k] | (D[k + 1] << 64) if k + 1 < len(D) else D[k]}))
    # scalar forms zero the rest of the register
    CASES.append(dict(asm=f'{op} s0, s1', v={0: (1 << 128) - 1, 1: 0x12345678_3fc00000}))
    CASES.append(dict(asm=f'{op} d0, d1', v={0: (1 << 128) - 1, 1: 0xc004000000000000 | (0x1234 << 64)}))
    CASES.append(dict(asm=f'{op} v0.2s, v1.2s', v={0: (1 << 128) - 1, 1: 0x5f000000_3fc00000 | (0x1234 << 64)}))
    CASES.append(dict(asm=f'{op} s2, s2', fpcr=FZ, v={2: 0x80000005}))
