CASES = []
def a(s, k='r'): CASES.append((s, k))
SZ = {'16b': 8, '8b': 8, '8h': 16, '4h': 16, '4s': 32, '2s': 32, '2d': 64}
def amounts(e): return sorted(set([1, 2, e // 2, e - 1, e]))
for op in ['sshr', 'ushr', 'ssra', 'usra', 'srshr', 'urshr', 'srsra', 'ursra', 'sri']:
    for t, e in SZ.items():
        for sh in amounts(e): a(f'{op} v0.{t}, v1.{t}, #{sh}')
for op in ['shl', 'sli', 'sqshl', 'uqshl', 'sqshlu']:
    for t, e in SZ.items():
        for sh in sorted(set([0, 1, e // 2, e - 1])): a(f'{op} v0.{t}, v1.{t}, #{sh}')
for op in ['sshr', 'ushr', 'ssra', 'usra', 'srshr', 'urshr', 'srsra', 'ursra', 'sri']:
    for sh in [1, 31, 32, 63, 64]: a(f'{op} d0, d1, #{sh}')
for op in ['shl', 'sli']:
    for sh in [0, 1, 31, 32, 63]: a(f'{op} d0, d1, #{sh}')
for op in ['sqshl', 'uqshl', 'sqshlu']:
    for r, e in [('b', 8), ('h', 16), ('s', 32), ('d', 64)]:
        for sh in [0, 1, e - 1]: a(f'{op} {r}0, {r}1, #{sh}')
NAR = [('8b', '8h', 8), ('4h', '4s', 16), ('2s', '2d', 32)]
for op in ['shrn', 'rshrn', 'sqshrn', 'sqrshrn', 'uqshrn', 'uqrshrn', 'sqshrun', 'sqrshrun']:
    for d, s, e in NAR:
        d2 = {'8b': '16b', '4h': '8h', '2s': '4s'}[d]
        for sh in [1, e // 2, e]:
            a(f'{op} v0.{d}, v1.{s}, #{sh}')
        a(f'{op}2 v0.{d2}, v1.{s}, #{e // 2}')
for op in ['sqshrn', 'sqrshrn', 'uqshrn', 'uqrshrn', 'sqshrun', 'sqrshrun']:
    for d, s, e in [('b', 'h', 8), ('h', 's', 16), ('s', 'd', 32)]:
        for sh in [1, e]: a(f'{op} {d}0, {s}1, #{sh}')
for op in ['sshll', 'ushll']:
    for s, d, e in [('8b', '8h', 8), ('4h', '4s', 16), ('2s', '2d', 32)]:
        s2 = {'8b': '16b', '4h': '8h', '2s': '4s'}[s]
        for sh in [0, 1, e - 1]:
            a(f'{op} v0.{d}, v1.{s}, #{sh}'); a(f'{op}2 v0.{d}, v1.{s2}, #{sh}')
a('uxtl v1.8h, v1.8b'); a('sxtl2 v1.4s, v1.8h'); a('shrn v0.8b, v0.8h, #4'); a('shrn2 v1.16b, v1.8h, #4')
