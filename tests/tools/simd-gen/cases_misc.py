CASES = []
def a(s, k='r'): CASES.append((s, k))
ARR = ['16b', '8b', '8h', '4h', '4s', '2s', '2d']
for op in ['abs', 'neg', 'sqabs', 'sqneg', 'cmgt', 'cmge', 'cmeq', 'cmle', 'cmlt']:
    for t in ARR:
        z = ', #0' if op.startswith('cm') else ''
        a(f'{op} v0.{t}, v1.{t}{z}')
for op in ['cls', 'clz']:
    for t in ARR[:-1]: a(f'{op} v0.{t}, v1.{t}')
for op in ['suqadd', 'usqadd']:
    for t in ARR: a(f'{op} v0.{t}, v1.{t}')
    for r in 'bhsd': a(f'{op} {r}0, {r}1')
a('cnt v0.16b, v1.16b'); a('cnt v0.8b, v1.8b'); a('rbit v0.16b, v1.16b'); a('rbit v0.8b, v1.8b')
for t in ['16b', '8b', '8h', '4h']: a(f'rev32 v0.{t}, v1.{t}')
for t in ['16b', '8b', '8h', '4h', '4s', '2s']: a(f'rev64 v0.{t}, v1.{t}')
a('rev16 v0.16b, v1.16b'); a('rev16 v0.8b, v1.8b'); a('rev64 v1.16b, v1.16b')
for op in ['saddlp', 'uaddlp', 'sadalp', 'uadalp']:
    for s, d in [('16b', '8h'), ('8b', '4h'), ('8h', '4s'), ('4h', '2s'), ('4s', '2d'), ('2s', '1d')]:
        a(f'{op} v0.{d}, v1.{s}')
for op in ['xtn', 'sqxtn', 'uqxtn', 'sqxtun']:
    for d, s in [('8b', '8h'), ('4h', '4s'), ('2s', '2d')]:
        a(f'{op} v0.{d}, v1.{s}')
        d2 = {'8b': '16b', '4h': '8h', '2s': '4s'}[d]
        a(f'{op}2 v0.{d2}, v1.{s}')
a('xtn2 v1.16b, v1.8h')
for op in ['sqxtn', 'uqxtn', 'sqxtun']:
    for d, s in [('b', 'h'), ('h', 's'), ('s', 'd')]: a(f'{op} {d}0, {s}1')
for s, d in [('8b', '8h'), ('4h', '4s'), ('2s', '2d')]:
    a(f'shll v0.{d}, v1.{s}, #{ {"8b": 8, "4h": 16, "2s": 32}[s] }')
    s2 = {'8b': '16b', '4h': '8h', '2s': '4s'}[s]
    a(f'shll2 v0.{d}, v1.{s2}, #{ {"8b": 8, "4h": 16, "2s": 32}[s] }')
for op in ['abs', 'neg', 'sqabs', 'sqneg']: a(f'{op} d0, d1')
for r in 'bhs': a(f'sqabs {r}0, {r}1'); a(f'sqneg {r}0, {r}1')
for op in ['cmgt', 'cmge', 'cmeq', 'cmle', 'cmlt']: a(f'{op} d0, d1, #0')
# across lanes
for op in ['addv', 'smaxv', 'umaxv', 'sminv', 'uminv']:
    for t, r in [('16b', 'b'), ('8b', 'b'), ('8h', 'h'), ('4h', 'h'), ('4s', 's')]: a(f'{op} {r}0, v1.{t}')
for op in ['saddlv', 'uaddlv']:
    for t, r in [('16b', 'h'), ('8b', 'h'), ('8h', 's'), ('4h', 's'), ('4s', 'd')]: a(f'{op} {r}0, v1.{t}')
a('uminv b1, v1.16b'); a('umaxv b0, v6.16b')
