ARCH = 'armv8.2-a+fp16+fp16fml'
CASES = []
def a(s, fpcr=0): CASES.append((s, 'h', fpcr))
FZ16 = 0x00080000; FZ = 0x01000000; DN = 0x02000000
for op in ['fmlal', 'fmlsl', 'fmlal2', 'fmlsl2']:
    a(f'{op} v0.4s, v1.4h, v2.4h'); a(f'{op} v0.2s, v1.2h, v2.2h'); a(f'{op} v3.4s, v4.4h, v5.4h')
    a(f'{op} v1.4s, v1.4h, v1.4h'); a(f'{op} v2.2s, v1.2h, v2.2h')
    a(f'{op} v0.4s, v1.4h, v2.4h', FZ16); a(f'{op} v0.4s, v1.4h, v2.4h', FZ); a(f'{op} v0.4s, v1.4h, v2.4h', DN | FZ | FZ16)
    a(f'{op} v0.4s, v6.4h, v7.4h', 0x00c00000); a(f'{op} v0.4s, v6.4h, v7.4h', 0x00400000)
    a(f'{op} v0.4s, v1.4h, v2.h[7]'); a(f'{op} v0.4s, v1.4h, v2.h[0]'); a(f'{op} v0.2s, v1.2h, v7.h[3]')
    a(f'{op} v3.4s, v3.4h, v3.h[5]'); a(f'{op} v0.4s, v1.4h, v15.h[2]')
    a(f'{op} v0.4s, v1.4h, v6.h[6]', FZ16 | DN); a(f'{op} v4.4s, v5.4h, v6.h[1]', 0x00800000)
