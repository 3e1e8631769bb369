ARCH = 'armv8.2-a+crypto+dotprod+rdma'
CASES = []
def a(s): CASES.append((s, 'r'))
for op in ['aese', 'aesd']: a(f'{op} v0.16b, v1.16b'); a(f'{op} v1.16b, v1.16b')
for op in ['aesmc', 'aesimc']: a(f'{op} v0.16b, v1.16b'); a(f'{op} v1.16b, v1.16b')
for op in ['sha1c', 'sha1p', 'sha1m']: a(f'{op} q0, s1, v2.4s')
a('sha1su0 v0.4s, v1.4s, v2.4s'); a('sha1h s0, s1'); a('sha1su1 v0.4s, v1.4s')
a('sha256h q0, q1, v2.4s'); a('sha256h2 q0, q1, v2.4s'); a('sha256su0 v0.4s, v1.4s'); a('sha256su1 v0.4s, v1.4s, v2.4s')
a('sha256h q1, q1, v1.4s'); a('sha256h2 q2, q1, v2.4s')
a('pmull v0.1q, v1.1d, v2.1d'); a('pmull2 v0.1q, v1.2d, v2.2d'); a('pmull v1.1q, v1.1d, v1.1d')
for op in ['sdot', 'udot']:
    a(f'{op} v0.4s, v1.16b, v2.16b'); a(f'{op} v0.2s, v1.8b, v2.8b'); a(f'{op} v0.4s, v1.16b, v2.4b[3]'); a(f'{op} v0.2s, v1.8b, v17.4b[1]')
for op in ['sqrdmlah', 'sqrdmlsh']:
    for t in ['8h', '4h', '4s', '2s']: a(f'{op} v0.{t}, v1.{t}, v2.{t}')
    a(f'{op} h0, h1, h2'); a(f'{op} s0, s1, s2'); a(f'{op} v0.8h, v1.8h, v2.h[5]'); a(f'{op} v0.4s, v1.4s, v2.s[3]'); a(f'{op} v0.4s, v6.4s, v6.4s')
