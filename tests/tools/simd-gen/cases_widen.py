CASES = []
def a(s, k='r'): CASES.append((s, k))
L = [('8h', '8b', '16b'), ('4s', '4h', '8h'), ('2d', '2s', '4s')]
for op in ['saddl', 'uaddl', 'ssubl', 'usubl', 'sabal', 'uabal', 'sabdl', 'uabdl', 'smlal', 'umlal', 'smlsl', 'umlsl', 'smull', 'umull']:
    for d, s, s2 in L:
        a(f'{op} v0.{d}, v1.{s}, v2.{s}'); a(f'{op}2 v0.{d}, v1.{s2}, v2.{s2}')
for op in ['saddw', 'uaddw', 'ssubw', 'usubw']:
    for d, s, s2 in L:
        a(f'{op} v0.{d}, v1.{d}, v2.{s}'); a(f'{op}2 v0.{d}, v1.{d}, v2.{s2}')
for op in ['sqdmlal', 'sqdmlsl', 'sqdmull']:
    for d, s, s2 in L[1:]:
        a(f'{op} v0.{d}, v1.{s}, v2.{s}'); a(f'{op}2 v0.{d}, v1.{s2}, v2.{s2}')
    a(f'{op} v0.4s, v6.4h, v6.4h')
a('pmull v0.8h, v1.8b, v2.8b'); a('pmull2 v0.8h, v1.16b, v2.16b')
for op in ['addhn', 'raddhn', 'subhn', 'rsubhn']:
    for d, s, s2 in L:
        a(f'{op} v0.{s}, v1.{d}, v2.{d}'); a(f'{op}2 v0.{s2}, v1.{d}, v2.{d}')
a('umull v1.2d, v1.2s, v1.2s'); a('uaddw2 v2.8h, v2.8h, v2.16b')
# by element
for op in ['mul', 'mla', 'mls', 'sqdmulh', 'sqrdmulh']:
    for t, e in [('8h', 'h[5]'), ('4h', 'h[2]'), ('4s', 's[3]'), ('2s', 's[1]')]:
        a(f'{op} v0.{t}, v1.{t}, v2.{e}')
    a(f'{op} v0.8h, v1.8h, v15.h[7]')
    a(f'{op} v0.4s, v1.4s, v6.s[0]')
for op in ['smlal', 'umlal', 'smlsl', 'umlsl', 'smull', 'umull', 'sqdmlal', 'sqdmlsl', 'sqdmull']:
    a(f'{op} v0.4s, v1.4h, v2.h[6]'); a(f'{op}2 v0.4s, v1.8h, v2.h[1]')
    a(f'{op} v0.2d, v1.2s, v2.s[3]'); a(f'{op}2 v0.2d, v1.4s, v2.s[0]')
for op in ['sqdmulh', 'sqrdmulh']:
    a(f'{op} h0, h1, v2.h[3]'); a(f'{op} s0, s1, v2.s[2]')
a('mul v1.4s, v1.4s, v1.s[2]')
for op in ['sqdmull', 'sqdmlal', 'sqdmlsl']:
    a(f'{op} s0, h1, h2'); a(f'{op} d0, s1, s2'); a(f'{op} s0, h1, v2.h[7]'); a(f'{op} d0, s1, v2.s[1]'); a(f'{op} s0, h6, h6')
