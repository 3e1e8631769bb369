ARCH = 'armv8.5-a'
CASES = []
def a(s, fpcr=0): CASES.append((s, 'f', fpcr))
FZ = 0x01000000; DN = 0x02000000
for op in ['frint32z', 'frint32x', 'frint64z', 'frint64x']:
    for reg in ['s', 'd']:
        for src in [1, 2, 3, 4, 5, 6, 7]:
            a(f'{op} {reg}0, {reg}{src}')
        a(f'{op} {reg}0, {reg}1', FZ); a(f'{op} {reg}0, {reg}3', FZ | DN)
        for rm in [0x00400000, 0x00800000, 0x00c00000]: a(f'{op} {reg}0, {reg}5', rm); a(f'{op} {reg}0, {reg}2', rm)
    for t in ['4s', '2s', '2d']:
        for src in [1, 2, 3, 4, 5, 6, 7]:
            a(f'{op} v0.{t}, v{src}.{t}')
        a(f'{op} v1.{t}, v1.{t}'); a(f'{op} v0.{t}, v1.{t}', FZ)
        for rm in [0x00400000, 0x00800000, 0x00c00000]: a(f'{op} v0.{t}, v3.{t}', rm); a(f'{op} v0.{t}, v5.{t}', rm)
