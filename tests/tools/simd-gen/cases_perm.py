CASES = []
def a(s, k='r'): CASES.append((s, k))
ARR = ['16b', '8b', '8h', '4h', '4s', '2s', '2d']
for op in ['zip1', 'zip2', 'uzp1', 'uzp2', 'trn1', 'trn2']:
    for t in ARR: a(f'{op} v0.{t}, v1.{t}, v2.{t}')
    a(f'{op} v1.16b, v2.16b, v1.16b')
for i in [0, 1, 7, 8, 15]: a(f'ext v0.16b, v1.16b, v2.16b, #{i}')
for i in [0, 3, 7]: a(f'ext v0.8b, v1.8b, v2.8b, #{i}')
a('ext v1.16b, v2.16b, v1.16b, #5')
for t in ['16b', '8b']:
    a(f'tbl v0.{t}, {{v1.16b}}, v7.{t}'); a(f'tbl v0.{t}, {{v1.16b, v2.16b}}, v7.{t}')
    a(f'tbl v0.{t}, {{v1.16b, v2.16b, v3.16b}}, v7.{t}'); a(f'tbl v0.{t}, {{v1.16b, v2.16b, v3.16b, v4.16b}}, v7.{t}')
    a(f'tbx v0.{t}, {{v1.16b}}, v7.{t}'); a(f'tbx v0.{t}, {{v1.16b, v2.16b}}, v7.{t}')
    a(f'tbx v0.{t}, {{v1.16b, v2.16b, v3.16b}}, v7.{t}'); a(f'tbx v0.{t}, {{v1.16b, v2.16b, v3.16b, v4.16b}}, v7.{t}')
a('tbl v7.16b, {v6.16b, v7.16b}, v7.16b'); a('tbx v1.16b, {v1.16b}, v1.16b')
