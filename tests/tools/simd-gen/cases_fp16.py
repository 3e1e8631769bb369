ARCH = 'armv8.2-a+fp16'
CASES = []
def a(s, fpcr=0): CASES.append((s, 'h', fpcr))
DNFZ16 = 0x02080000
for op in ['fadd', 'fsub', 'fmul', 'fdiv', 'fmax', 'fmin', 'fmaxnm', 'fminnm', 'fmla', 'fmls', 'fabd', 'fmulx',
           'fcmeq', 'fcmge', 'fcmgt', 'facge', 'facgt', 'frecps', 'frsqrts', 'faddp', 'fmaxp', 'fminp', 'fmaxnmp', 'fminnmp']:
    a(f'{op} v0.8h, v1.8h, v2.8h'); a(f'{op} v0.4h, v1.4h, v2.4h'); a(f'{op} v0.8h, v1.8h, v2.8h', DNFZ16)
a('fadd v0.8h, v1.8h, v2.8h', 0x00c00000); a('fmla v0.8h, v1.8h, v2.8h', 0x00400000)
for op in ['fmulx', 'fcmeq', 'fcmge', 'fcmgt', 'facge', 'facgt', 'frecps', 'frsqrts', 'fabd']:
    a(f'{op} h0, h1, h2')
for op in ['frintn', 'frintm', 'frintp', 'frintz', 'frinta', 'frintx', 'frinti', 'fsqrt', 'fabs', 'fneg',
           'fcvtns', 'fcvtms', 'fcvtas', 'fcvtps', 'fcvtzs', 'fcvtnu', 'fcvtmu', 'fcvtau', 'fcvtpu', 'fcvtzu', 'scvtf', 'ucvtf', 'frecpe', 'frsqrte']:
    a(f'{op} v0.8h, v1.8h'); a(f'{op} v0.4h, v1.4h'); a(f'{op} v0.8h, v1.8h', DNFZ16)
for op in ['fcmgt', 'fcmge', 'fcmeq', 'fcmle', 'fcmlt']:
    a(f'{op} v0.8h, v1.8h, #0.0'); a(f'{op} h0, h1, #0.0')
for op in ['fcvtns', 'fcvtms', 'fcvtas', 'fcvtps', 'fcvtzs', 'fcvtnu', 'fcvtmu', 'fcvtau', 'fcvtpu', 'fcvtzu', 'scvtf', 'ucvtf', 'frecpe', 'frsqrte', 'frecpx']:
    a(f'{op} h0, h1')
for op in ['fmaxv', 'fminv', 'fmaxnmv', 'fminnmv']:
    a(f'{op} h0, v1.8h'); a(f'{op} h0, v1.4h')
for op in ['faddp', 'fmaxp', 'fminp', 'fmaxnmp', 'fminnmp']:
    a(f'{op} h0, v1.2h')
for op in ['fmla', 'fmls', 'fmul', 'fmulx']:
    a(f'{op} v0.8h, v1.8h, v2.h[7]'); a(f'{op} v0.4h, v1.4h, v15.h[2]'); a(f'{op} h0, h1, v2.h[5]')
a('fmov v0.8h, #1.0'); a('fmov v0.4h, #-0.125'); a('fmov v0.8h, #31.0')
for op in ['scvtf', 'ucvtf', 'fcvtzs', 'fcvtzu']:
    a(f'{op} v0.8h, v1.8h, #1'); a(f'{op} v0.4h, v1.4h, #16'); a(f'{op} h0, h1, #5')
