ARCH = 'armv8.5-a'
CASES = []
# CFINV, XAFLAG, AXFLAG from every NZCV value
for op in ['cfinv', 'xaflag', 'axflag']:
    for f in range(16): CASES.append(dict(asm=op, nzcv=f))
# RMIF: rotations across both words, every mask bit, preserved flags
VALS = [0x0123456789abcdef, 0xf0000000_0000000f, 0x8000000000000001, 0x00000000_a0000000, 0xfedcba9876543210]
for v in VALS:
    for imm, mask, f in [(0, 15, 0), (0, 15, 15), (1, 15, 0), (3, 5, 10), (4, 10, 5), (28, 15, 0), (31, 8, 7), (32, 15, 0),
                         (33, 1, 14), (60, 15, 0), (61, 15, 15), (63, 15, 0), (17, 0, 9), (36, 6, 9)]:
        CASES.append(dict(asm=f'rmif x3, #{imm}, #{mask}', nzcv=f, x={3: v}))
CASES.append(dict(asm='rmif xzr, #5, #15', nzcv=15))
# SETF8 / SETF16: N, Z, V from the low byte/halfword and the bit above; C kept
for op, vals in [('setf8', [0, 0x7f, 0x80, 0xff, 0x100, 0x17f, 0x180, 0x1ff, 0x200, 0xffffff00, 0x12345680, 0x00000100]),
                 ('setf16', [0, 0x7fff, 0x8000, 0xffff, 0x10000, 0x17fff, 0x18000, 0x1ffff, 0x20000, 0xffff0000, 0x12348000, 0x80010000])]:
    for v in vals:
        for f in [0, 2, 13, 15]:
            CASES.append(dict(asm=f'{op} w4', nzcv=f, x={4: v | 0xabcdef0000000000}))
