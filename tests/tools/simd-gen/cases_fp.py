CASES = []
def a(s, fpcr=0): CASES.append((s, 'f', fpcr))
DNFZ = 0x03000000
RM = 0x00800000
RZ = 0x00c00000
RP = 0x00400000
V = [('4s', 's'), ('2s', 's'), ('2d', 'd')]
for op in ['fadd', 'fsub', 'fmul', 'fdiv', 'fmax', 'fmin', 'fmaxnm', 'fminnm', 'fmla', 'fmls', 'fabd', 'fmulx',
           'fcmeq', 'fcmge', 'fcmgt', 'facge', 'facgt', 'frecps', 'frsqrts', 'faddp', 'fmaxp', 'fminp', 'fmaxnmp', 'fminnmp']:
    for t, _ in V: a(f'{op} v0.{t}, v1.{t}, v2.{t}')
    a(f'{op} v0.4s, v1.4s, v2.4s', DNFZ)
    a(f'{op} v0.2d, v1.2d, v2.2d', DNFZ)
for op in ['fadd', 'fmul', 'fdiv', 'fmla', 'fsub']:
    for fp in (RM, RZ, RP):
        a(f'{op} v0.4s, v1.4s, v2.4s', fp); a(f'{op} v0.2d, v1.2d, v2.2d', fp)
for op in ['fmulx', 'fcmeq', 'fcmge', 'fcmgt', 'facge', 'facgt', 'frecps', 'frsqrts', 'fabd']:
    a(f'{op} s0, s1, s2'); a(f'{op} d0, d1, d2'); a(f'{op} d0, d1, d2', DNFZ)
for op in ['faddp', 'fmaxp', 'fminp', 'fmaxnmp', 'fminnmp']:
    a(f'{op} s0, v1.2s'); a(f'{op} d0, v1.2d')
for op in ['fmaxv', 'fminv', 'fmaxnmv', 'fminnmv']:
    a(f'{op} s0, v1.4s'); a(f'{op} s0, v1.4s', DNFZ)
for op in ['fabs', 'fneg', 'fsqrt', 'frintn', 'frintm', 'frintp', 'frintz', 'frinta', 'frintx', 'frinti',
           'fcvtns', 'fcvtms', 'fcvtas', 'fcvtps', 'fcvtzs', 'fcvtnu', 'fcvtmu', 'fcvtau', 'fcvtpu', 'fcvtzu',
           'scvtf', 'ucvtf', 'frecpe', 'frsqrte']:
    for t, _ in V: a(f'{op} v0.{t}, v1.{t}')
    a(f'{op} v0.4s, v1.4s', DNFZ); a(f'{op} v0.2d, v1.2d', RM)
for op in ['fcmgt', 'fcmge', 'fcmeq', 'fcmle', 'fcmlt']:
    for t, _ in V: a(f'{op} v0.{t}, v1.{t}, #0.0')
    a(f'{op} s0, s1, #0.0'); a(f'{op} d0, d1, #0.0'); a(f'{op} v0.4s, v1.4s, #0.0', DNFZ)
for op in ['fcvtns', 'fcvtms', 'fcvtas', 'fcvtps', 'fcvtzs', 'fcvtnu', 'fcvtmu', 'fcvtau', 'fcvtpu', 'fcvtzu', 'scvtf', 'ucvtf', 'frecpe', 'frsqrte', 'frecpx']:
    a(f'{op} s0, s1'); a(f'{op} d0, d1')
a('frecpe v0.4s, v1.4s', RZ); a('frecpe d0, d1', RP); a('frecpe s0, s1', RM)
a('urecpe v0.4s, v1.4s'); a('urecpe v0.2s, v1.2s'); a('ursqrte v0.4s, v1.4s'); a('ursqrte v0.2s, v1.2s')
a('fcvtl v0.4s, v1.4h'); a('fcvtl2 v0.4s, v1.8h'); a('fcvtl v0.2d, v1.2s'); a('fcvtl2 v0.2d, v1.4s'); a('fcvtl v0.2d, v1.2s', DNFZ)
a('fcvtl v0.4s, v1.4h', 0x04000000)
a('fcvtn v0.4h, v1.4s'); a('fcvtn2 v0.8h, v1.4s'); a('fcvtn v0.2s, v1.2d'); a('fcvtn2 v0.4s, v1.2d'); a('fcvtn v0.2s, v1.2d', RZ)
a('fcvtn v0.4h, v1.4s', DNFZ); a('fcvtn v0.4h, v1.4s', 0x04000000)
a('fcvtxn v0.2s, v1.2d'); a('fcvtxn2 v0.4s, v1.2d'); a('fcvtxn s0, d1')
for op in ['fmla', 'fmls', 'fmul', 'fmulx']:
    a(f'{op} v0.4s, v1.4s, v2.s[3]'); a(f'{op} v0.2s, v1.2s, v2.s[1]'); a(f'{op} v0.2d, v1.2d, v2.d[1]')
    a(f'{op} s0, s1, v2.s[2]'); a(f'{op} d0, d1, v2.d[0]'); a(f'{op} v0.4s, v1.4s, v31.s[0]')
a('fmla v1.4s, v1.4s, v1.s[1]'); a('fmul v2.2d, v2.2d, v2.d[1]')
for op in ['scvtf', 'ucvtf', 'fcvtzs', 'fcvtzu']:
    for sh in [1, 16, 32]: a(f'{op} v0.4s, v1.4s, #{sh}')
    for sh in [1, 33, 64]: a(f'{op} v0.2d, v1.2d, #{sh}')
    a(f'{op} v0.2s, v1.2s, #3'); a(f'{op} s0, s1, #5'); a(f'{op} d0, d1, #40')
a('fadd v1.4s, v1.4s, v1.4s'); a('faddp v2.4s, v3.4s, v2.4s')
