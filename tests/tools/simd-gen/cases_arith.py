CASES = []
def a(s, k='r'): CASES.append((s, k))
ARR = ['16b', '8b', '8h', '4h', '4s', '2s', '2d']
def arrs(no64=False, no8=False, only=None):
    r = only or ARR
    return [t for t in r if not (no64 and t == '2d') and not (no8 and t in ('16b', '8b'))]
for op in ['add', 'sub', 'cmeq', 'cmtst', 'cmgt', 'cmhi', 'cmge', 'cmhs', 'sqadd', 'uqadd', 'sqsub', 'uqsub',
           'sshl', 'ushl', 'srshl', 'urshl', 'sqshl', 'uqshl', 'sqrshl', 'uqrshl']:
    for t in arrs(): a(f'{op} v0.{t}, v1.{t}, v2.{t}')
for op in ['shadd', 'uhadd', 'srhadd', 'urhadd', 'shsub', 'uhsub', 'smax', 'umax', 'smin', 'umin', 'sabd', 'uabd',
           'saba', 'uaba', 'mul', 'mla', 'mls', 'smaxp', 'umaxp', 'sminp', 'uminp']:
    for t in arrs(no64=True): a(f'{op} v0.{t}, v1.{t}, v2.{t}')
for t in arrs(): a(f'addp v0.{t}, v1.{t}, v2.{t}')
a('addp v1.4s, v2.4s, v1.4s'); a('addp v2.16b, v2.16b, v2.16b')
a('pmul v0.16b, v1.16b, v2.16b'); a('pmul v0.8b, v1.8b, v2.8b')
for op in ['sqdmulh', 'sqrdmulh']:
    for t in ['8h', '4h', '4s', '2s']: a(f'{op} v0.{t}, v1.{t}, v2.{t}')
a('sqdmulh v0.8h, v6.8h, v6.8h'); a('sqrdmulh v0.4s, v6.4s, v6.4s')
# scalar three same
for op in ['add', 'sub', 'cmeq', 'cmtst', 'cmgt', 'cmhi', 'cmge', 'cmhs', 'sshl', 'ushl', 'srshl', 'urshl']:
    a(f'{op} d0, d1, d2')
for op in ['sqadd', 'uqadd', 'sqsub', 'uqsub', 'sqshl', 'uqshl', 'sqrshl', 'uqrshl']:
    for r in ['b', 'h', 's', 'd']: a(f'{op} {r}0, {r}1, {r}2')
for op in ['sqdmulh', 'sqrdmulh']:
    for r in ['h', 's']: a(f'{op} {r}0, {r}1, {r}2')
a('addp d0, v1.2d'); a('add v1.2d, v1.2d, v1.2d'); a('sqadd v0.4s, v6.4s, v6.4s'); a('uqsub v0.2d, v7.2d, v6.2d')
